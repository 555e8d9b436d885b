package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTextTest {
    @Test
    void findsAQuestionMarkWhereverItIsAndOnlyThen() {
        Random random = new Random(7);
        for (int length = 0; length < 40; length++) {
            byte[] bytes = new byte[length];
            for (int i = 0; i < length; i++) {
                do {
                    bytes[i] = (byte) random.nextInt(256);
                } while (bytes[i] == '?');
            }
            assertEquals(false, AsciiText.containsQuestionMark(bytes), Arrays.toString(bytes));
            for (int at = 0; at < length; at++) {
                byte[] marked = bytes.clone();
                marked[at] = '?';
                assertEquals(true, AsciiText.containsQuestionMark(marked), "at " + at + " of " + length);
            }
        }
    }
}
