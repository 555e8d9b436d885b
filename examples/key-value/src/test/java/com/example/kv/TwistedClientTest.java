package com.example.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.kv.protocol.GetCommand;
import io.ampjava.dispatch.AmpConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** twisted/kv_client.py, run by Twisted's Python, against the server over a Unix socket and TCP. */
@Timeout(120)
class TwistedClientTest {
    @TempDir
    Path directory;

    @Test
    void theTwistedClientCallsEveryCommandOverBothTransports() throws Exception {
        Path python = TwistedPython.require();
        try (Servers servers = new Servers(directory)) {
            Endpoint.Tcp tcp = (Endpoint.Tcp) servers.tcp;
            Process client = new ProcessBuilder(python.toString(), "twisted/kv_client.py",
                    "--unix", ((Endpoint.Unix) servers.unix).path().toString(),
                    "--tcp", tcp.host() + ":" + tcp.port())
                    .redirectErrorStream(true)
                    .start();
            client.getOutputStream().close();
            List<String> lines;
            try {
                // The output is small: read to the end, then the exit code.
                lines = new String(client.getInputStream().readAllBytes(), UTF_8).lines().toList();
                assertTrue(client.waitFor(60, TimeUnit.SECONDS), "the Twisted client did not exit");
            } finally {
                client.destroyForcibly();
            }
            assertEquals(0, client.exitValue(), String.join("\n", lines));
            assertEquals(List.of(
                    "[unix] put python/greeting",
                    "[unix] get python/greeting: hello from Twisted",
                    "[unix] get python/nobody: KeyNotFound: no value for key 'python/nobody'",
                    "[unix] putAll: stored 3",
                    "[unix] entries: python/greeting python/unix/0 python/unix/1 python/unix/2",
                    "[unix] waitFor: timed out",
                    "[unix] export: 4 entries; python/greeting = hello from Twisted",
                    "[tcp] put python/greeting",
                    "[tcp] get python/greeting: hello from Twisted",
                    "[tcp] get python/nobody: KeyNotFound: no value for key 'python/nobody'",
                    "[tcp] putAll: stored 3",
                    "[tcp] entries: python/greeting python/tcp/0 python/tcp/1 python/tcp/2"
                            + " python/unix/0 python/unix/1 python/unix/2",
                    "[tcp] waitFor: timed out"), lines);

            // What Twisted stored, Java reads back.
            AmpConnection connection = servers.connect(Servers.Kind.TCP);
            assertEquals(2, GetCommand.callBlocking(connection, Duration.ofSeconds(20), "python/tcp/2").value().length);
        }
    }
}
