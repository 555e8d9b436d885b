package io.ampjava.benchmarks.floor;

import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;

/**
 * The bytes of one {@code Sum(a=12345, b=1)} call and its answer, exactly as an AMP client and peer
 * put them on the wire (tag {@code 1}): typical of the bench clients' {@code Sum(i, 1)}. The floors
 * replay them without parsing anything. The same bytes as {@code src/main/c/ampfloor.c}.
 */
final class CannedCall {
    static final byte[] REQUEST = BoxEncoder.encode(new Box()
            .put("_ask", "1").put("_command", "Sum").put("a", "12345").put("b", "1"));
    static final byte[] ANSWER = BoxEncoder.encode(new Box().put("_answer", "1").put("total", "12346"));

    private CannedCall() {}
}
