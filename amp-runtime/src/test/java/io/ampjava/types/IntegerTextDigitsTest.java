package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder counts digits with comparisons: every power-of-ten boundary must still be exact. */
class IntegerTextDigitsTest {
    private static String encode(long value) {
        return new String(IntegerText.encode(value), StandardCharsets.US_ASCII);
    }

    @Test
    void powersOfTenAndTheirNeighboursBothSigns() {
        long power = 1;
        for (int digits = 1; digits <= 19; digits++) {
            for (long value : new long[] {power - 1, power, power + 1}) {
                assertEquals(Long.toString(value), encode(value));
                assertEquals(Long.toString(-value), encode(-value));
            }
            if (digits < 19) {
                power *= 10;
            }
        }
        assertEquals(Long.toString(Long.MAX_VALUE), encode(Long.MAX_VALUE));
        assertEquals(Long.toString(Long.MIN_VALUE), encode(Long.MIN_VALUE));
    }

    @Test
    void randomValuesOfEveryLength() {
        Random random = new Random(1919);
        for (int i = 0; i < 5000; i++) {
            long value = random.nextLong() >> random.nextInt(64);
            assertEquals(Long.toString(value), encode(value), "value " + value);
        }
    }
}
