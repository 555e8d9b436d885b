package io.ampjava.benchmarks.floor;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;

/**
 * The bytes of one {@code Sum(a=13, b=81)} call and its answer, exactly as an AMP client and peer
 * put them on the wire (tag {@code 1}); the floors replay them without parsing anything. The same
 * bytes as {@code src/main/c/ampfloor.c}.
 */
final class CannedCall {
    static final byte[] REQUEST = BoxEncoder.encode(new Box()
            .put("_ask", "1").put("_command", "Sum").put("a", "13").put("b", "81"));
    static final byte[] ANSWER = BoxEncoder.encode(new Box().put("_answer", "1").put("total", "94"));

    private CannedCall() {}
}
