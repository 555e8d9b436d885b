package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamRegistryTest {
    private final StreamRegistry streams = new StreamRegistry();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void idsCountFromZeroAndAStreamIsReadOnce() {
        assertEquals(0, streams.open());
        assertEquals(1, streams.open());
        byte[] snowman = utf8("☃");
        streams.write(0, new byte[] {snowman[0]});
        streams.write(0, new byte[] {snowman[1], snowman[2], 'x'});
        assertEquals("☃x", streams.finishText(0L));
        assertNull(streams.finishText(0L));
        streams.write(1, utf8("f"));
        streams.write(1, utf8("file.py"));
        assertEquals(List.of("f", "file.py"), streams.finishStrings(1L));
        assertEquals(0, streams.openCount());
        assertNull(streams.finishText(null));
    }

    @Test
    void writingToAStreamThatIsNotOpenFails() {
        assertThrows(IllegalArgumentException.class, () -> streams.write(7, utf8("x")));
    }

    @Test
    void aStreamKeepsAtMostItsLimit() {
        long id = streams.open();
        byte[] chunk = new byte[65_535];
        int chunks = StreamRegistry.MAX_STREAM_BYTES / chunk.length + 3;
        for (int i = 0; i < chunks; i++) {
            streams.write(id, chunk);
        }
        String text = streams.finishText(id);
        assertTrue(text.endsWith("more bytes dropped by the manager]"), text.substring(text.length() - 80));
        assertTrue(text.length() <= StreamRegistry.MAX_STREAM_BYTES + 100);
    }
}
