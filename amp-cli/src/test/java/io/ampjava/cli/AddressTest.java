package io.ampjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AddressTest {
    @Test
    void parsesEachScheme() throws CliException {
        assertEquals(new Address.Unix(Path.of("/run/x.sock")), Address.parse("unix:/run/x.sock", "ADDRESS"));
        assertEquals(new Address.Tcp("example.org", 7000, false), Address.parse("tcp:example.org:7000", "ADDRESS"));
        assertEquals(new Address.Tcp("127.0.0.1", 7000, true), Address.parse("tls:127.0.0.1:7000", "ADDRESS"));
        assertEquals(new Address.Tcp("::1", 7000, false), Address.parse("tcp:[::1]:7000", "ADDRESS"));
        assertEquals(new Address.Tcp("127.0.0.1", 0, false), Address.parse("tcp:0", "ADDRESS"),
                "the host defaults to loopback");
    }

    @Test
    void printsAsWritten() throws CliException {
        for (String text : new String[] {"unix:/run/x.sock", "tcp:example.org:7000", "tls:127.0.0.1:1",
                "tcp:[::1]:7000"}) {
            assertEquals(text, Address.parse(text, "ADDRESS").toString());
        }
    }

    @Test
    void onlyUnixCarriesDescriptors() throws CliException {
        assertTrue(Address.parse("unix:/x", "A").carriesDescriptors());
        assertEquals(false, Address.parse("tcp:1", "A").carriesDescriptors());
    }

    @Test
    void refusesWhatIsNotAnAddressSayingWhatOneLooksLike() {
        assertRefused("localhost:7000",
                "LISTEN 'localhost:7000' is not an address: write unix:PATH, tcp:HOST:PORT or tls:HOST:PORT");
        assertRefused("unix:", "LISTEN 'unix:' has no path: write unix:PATH");
        assertRefused("tcp:host:http", "LISTEN 'tcp:host:http': the port must be a number from 0 to 65535, not 'http'");
        assertRefused("tcp:host:65536",
                "LISTEN 'tcp:host:65536': the port must be a number from 0 to 65535, not '65536'");
        assertRefused("tcp:host:-1", "LISTEN 'tcp:host:-1': the port must be a number from 0 to 65535, not '-1'");
        assertRefused("tcp::7000", "LISTEN 'tcp::7000' has no host: write tcp:HOST:PORT");
        assertRefused("tcp:[::1]7000", "LISTEN 'tcp:[::1]7000': write an IPv6 host as [HOST]:PORT");
    }

    private static void assertRefused(String text, String message) {
        CliException refused = assertThrows(CliException.class, () -> Address.parse(text, "LISTEN"));
        assertEquals(message, refused.getMessage());
        assertEquals(ExitCode.USAGE, refused.exitCode());
    }
}
