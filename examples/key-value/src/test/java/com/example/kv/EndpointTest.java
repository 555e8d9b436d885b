package com.example.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void theCommandLineNamesUnixSocketsAndTcpAddresses() {
        assertEquals(List.of(new Endpoint.Unix(Path.of("/tmp/kv.sock")), new Endpoint.Tcp("::1", 4242)),
                Endpoint.parse("--unix", "/tmp/kv.sock", "--tcp", "::1:4242"));
        assertEquals("tcp:127.0.0.1:4242", new Endpoint.Tcp("127.0.0.1", 4242).toString());
    }

    @Test
    void anythingElseIsRefusedWithTheReason() {
        assertEquals("give --unix PATH, --tcp HOST:PORT, or both",
                assertThrows(IllegalArgumentException.class, Endpoint::parse).getMessage());
        assertEquals("--unix needs a value",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("--unix")).getMessage());
        assertEquals("--tcp takes HOST:PORT, not 4242",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("--tcp", "4242")).getMessage());
        assertEquals("unknown option --udp",
                assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("--udp", "x")).getMessage());
    }
}
