package io.ampjava.sample.junit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static final String[] ALPHABET = {"a", "Z", " ", "é", "€", "☃", "😀", "\n"};

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    private static void assertValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            fail("not valid UTF-8: " + e);
        }
    }

    @Test
    void splitAndChunksRespectTheLimitAndCharacterBoundaries() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            String text = randomText(random, random.nextInt(400));
            int limit = 4 + random.nextInt(40);
            String context = "seed " + seed + " round " + round + " limit " + limit;
            List<String> pieces = Utf8.split(text, limit);
            assertEquals(text, String.join("", pieces), context);
            for (String piece : pieces) {
                byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
                assertTrue(bytes.length <= limit, context);
                assertEquals(bytes.length, Utf8.length(piece), context);
            }
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            for (byte[] chunk : Utf8.chunks(utf8, limit)) {
                assertTrue(chunk.length > 0 && chunk.length <= limit, context);
                assertValidUtf8(chunk);
                joined.writeBytes(chunk);
            }
            assertArrayEquals(utf8, joined.toByteArray(), context);
            String cut = Utf8.truncate(text, limit, "…");
            assertTrue(Utf8.length(cut) <= limit, context);
            assertTrue(text.equals(cut) || (cut.endsWith("…") && text.startsWith(cut.substring(0, cut.length() - 1))), context);
        }
    }

    @Test
    void emptyTextIsOnePieceAndNoChunk() {
        assertEquals(List.of(""), Utf8.split("", 10));
        assertEquals(0, Utf8.chunks(new byte[0], 10).size());
    }

    @Test
    void loneSurrogateCountsAsTheQuestionMarkItBecomes() {
        String text = "a\uD800b";
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, Utf8.length(text));
    }
}
