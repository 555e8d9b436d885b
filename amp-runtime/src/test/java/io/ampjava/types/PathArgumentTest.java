package io.ampjava.types;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ampjava.testing.WireBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AMP Path (spec §3.2 "Path", checklist 45). */
class PathArgumentTest {
    private static final PathArgument PATH = PathArgument.INSTANCE;

    @Test
    void pathIsItsTextAsUtf8() {
        assertArrayEquals(ascii("/tmp/x y"), PATH.toWire(Path.of("/tmp/x y"), ArgumentContext.NONE));
        assertEquals(Path.of("/tmp/x y"), PATH.fromWire(ascii("/tmp/x y"), ArgumentContext.NONE));
    }

    @Test
    void realPathRoundTrips(@TempDir Path directory) throws Exception {
        Path file = Files.createTempFile(directory, "amp", ".txt");
        Path back = PATH.fromWire(PATH.toWire(file, ArgumentContext.NONE), ArgumentContext.NONE);
        assertEquals(file, back);
        assertEquals(Files.readAttributes(file, "unix:ino"), Files.readAttributes(back, "unix:ino"));
    }

    @Test
    void nonAsciiPathRoundTripsWhereTheFileNameEncodingAllowsIt() {
        // A JVM started under the C locale cannot name such files at all (sun.jnu.encoding=ANSI_X3.4-1968).
        assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        Path snowman = Path.of("/tmp/\u2603/\uD83D\uDE00");
        byte[] wire = PATH.toWire(snowman, ArgumentContext.NONE);
        assertArrayEquals(WireBytes.of("'/tmp/' e2 98 83 '/' f0 9f 98 80"), wire);
        assertEquals(snowman, PATH.fromWire(wire, ArgumentContext.NONE));
    }

    @Test
    void invalidInputIsABadArgument() {
        assertThrows(BadArgumentException.class, () -> PATH.fromWire(WireBytes.of("'/tmp/' ff"), ArgumentContext.NONE));
        assertThrows(BadArgumentException.class, () -> PATH.fromWire(WireBytes.of("'/tmp/' 00 'x'"), ArgumentContext.NONE));
    }
}
