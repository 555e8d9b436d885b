package io.ampjava.sample.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.junit.Utf8;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ListOfArgument;
import io.ampjava.types.UnicodeArgument;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineLimitsTest {
    private static int encodedSize(List<String> frames) {
        return new ListOfArgument<>(UnicodeArgument.INSTANCE).toWire(frames, ArgumentContext.NONE).length;
    }

    private static List<String> frames(int count) {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add("io.ampjava.sample.Deep.recurse" + i);
            frames.add("Deep€.java");
            frames.add(Integer.toString(i));
        }
        return frames;
    }

    @Test
    void framesThatFitAreKeptAsTheyAre() {
        List<String> frames = frames(10);
        assertSame(frames, InlineLimits.frames(frames));
    }

    @Test
    void tooManyFramesKeepTheInnermostAndANoteWithinOneValue() {
        List<String> frames = frames(2_000);
        List<String> kept = InlineLimits.frames(frames);
        int size = encodedSize(kept);
        assertTrue(size <= 65_535, "encoded " + size);
        assertTrue(size > 65_535 - 200, "wasted room: " + size);
        assertEquals(0, kept.size() % 3);
        int keptFrames = kept.size() / 3 - 1;
        assertEquals("[" + (2_000 - keptFrames) + " outer frames left out to fit one AMP value]", kept.get(0));
        assertEquals(frames.subList(frames.size() - 3 * keptFrames, frames.size()), kept.subList(3, kept.size()));
    }

    @Test
    void longTextIsCutWithItsLength() {
        String text = "é".repeat(40_000);
        String cut = InlineLimits.text(text);
        assertTrue(Utf8.length(cut) <= 65_535);
        assertTrue(cut.endsWith("[... 80000 bytes in all, cut to fit one AMP value]"), cut.substring(cut.length() - 60));
        assertEquals("short", InlineLimits.text("short"));
    }
}
