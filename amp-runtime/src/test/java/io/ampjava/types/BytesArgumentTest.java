package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.ampjava.wire.SeededRuns;
import org.junit.jupiter.api.Test;

/** AMP String: any bytes, passed through without a copy (spec §3.2 "String"). */
class BytesArgumentTest {

    @Test
    void anyBytesPassThroughWithoutACopy() {
        SeededRuns.repeat(11, 200, random -> {
            byte[] value = new byte[random.nextInt(300)];
            random.nextBytes(value);
            assertSame(value, BytesArgument.INSTANCE.toWire(value, ArgumentContext.NONE));
            assertSame(value, BytesArgument.INSTANCE.fromWire(value, ArgumentContext.NONE));
        });
    }
}
