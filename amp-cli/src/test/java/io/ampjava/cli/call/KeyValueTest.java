package io.ampjava.cli.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ampjava.cli.CliException;
import io.ampjava.cli.ExitCode;
import org.junit.jupiter.api.Test;

class KeyValueTest {
    @Test
    void splitsAtTheFirstEquals() throws CliException {
        assertEquals(new KeyValue("a", KeyValue.Source.TEXT, "b=c"), KeyValue.parse("a=b=c"));
        assertEquals(new KeyValue("a", KeyValue.Source.TEXT, ""), KeyValue.parse("a="));
        assertEquals(new KeyValue("dash-arg", KeyValue.Source.TEXT, "x"), KeyValue.parse("dash-arg=x"));
    }

    @Test
    void valueSources() throws CliException {
        assertEquals(new KeyValue("a", KeyValue.Source.FILE, "/tmp/f"), KeyValue.parse("a=@/tmp/f"));
        assertEquals(new KeyValue("a", KeyValue.Source.FILE, "-"), KeyValue.parse("a=@-"));
        assertEquals(new KeyValue("fd", KeyValue.Source.DESCRIPTOR_READ, "/etc/hosts"),
                KeyValue.parse("fd=fd:/etc/hosts"));
        assertEquals(new KeyValue("fd", KeyValue.Source.DESCRIPTOR_WRITE, "/tmp/o"), KeyValue.parse("fd=fdw:/tmp/o"));
    }

    @Test
    void aBackslashKeepsTheRestAsText() throws CliException {
        assertEquals(new KeyValue("a", KeyValue.Source.TEXT, "@home"), KeyValue.parse("a=\\@home"));
        assertEquals(new KeyValue("a", KeyValue.Source.TEXT, "fd:3"), KeyValue.parse("a=\\fd:3"));
        assertEquals(new KeyValue("a", KeyValue.Source.TEXT, "\\x"), KeyValue.parse("a=\\\\x"));
    }

    @Test
    void refusesMalformedArgumentsSayingWhatToWrite() {
        assertRefused("a", "'a' is not key=value: write the argument's name, '=' and its value"
                + " (key=text, key=@FILE, key=fd:PATH)");
        assertRefused("=1", "'=1' has no key before '='");
        assertRefused("_ask=1", "the key _ask is AMP's own: the call sets _command and _ask itself");
        assertRefused("_command=Sum", "the key _command is AMP's own: the call sets _command and _ask itself");
        assertRefused("a=@", "a=@ has no path: write a=@FILE (or a=\\@... for text)");
        assertRefused("a=fd:", "a=fd: has no path: write a=fd:PATH (or a=\\f... for text)");
        assertRefused("k".repeat(256) + "=1",
                "the key 'kkkkkkkkkkkkkkkkkkkk...' is 256 bytes long: AMP keys are at most 255 bytes");
    }

    private static void assertRefused(String argument, String message) {
        CliException refused = assertThrows(CliException.class, () -> KeyValue.parse(argument));
        assertEquals(message, refused.getMessage());
        assertEquals(ExitCode.USAGE, refused.exitCode());
    }
}
