package io.ampjava.sample.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {
    @Test
    void capturesLinesFromBothStreamsAndRestoresThem() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<String> lines = new ArrayList<>();
        OutputCapture capture = OutputCapture.start(lines::add);
        try {
            System.out.println("one");
            System.out.print("two\r\nthree");
            System.err.println("to err");
            System.out.print(" continued");
        } finally {
            capture.close();
        }
        assertSame(out, System.out);
        assertSame(err, System.err);
        assertEquals(List.of("one", "two", "to err", "three continued"), lines);
    }

    @Test
    void multiByteCharacterSplitAcrossWritesIsKept() {
        List<String> lines = new ArrayList<>();
        OutputCapture.LineStream stream = new OutputCapture.LineStream(lines::add);
        byte[] snowman = "☃\n".getBytes(StandardCharsets.UTF_8);
        for (byte b : snowman) {
            stream.write(b);
        }
        assertEquals(List.of("☃"), lines);
    }

    @Test
    void endlessLineIsHandedOverInPiecesOnCharacterBoundaries() {
        List<String> lines = new ArrayList<>();
        OutputCapture.LineStream stream = new OutputCapture.LineStream(lines::add);
        byte[] text = "€".repeat(OutputCapture.MAX_PENDING).getBytes(StandardCharsets.UTF_8);
        stream.write(text, 0, text.length);
        stream.finish();
        assertTrue(lines.size() >= 3, "pieces: " + lines.size());
        assertTrue("€".repeat(OutputCapture.MAX_PENDING).equals(String.join("", lines)), "pieces do not add up");
        for (String line : lines) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= OutputCapture.MAX_PENDING);
        }
    }
}
