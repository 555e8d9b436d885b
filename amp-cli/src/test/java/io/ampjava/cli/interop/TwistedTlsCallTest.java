package io.ampjava.cli.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.testing.TwistedPython;
import io.ampjava.tls.TestCertificates;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code amp call tls:...} against a Twisted server that answers StartTLS (twisted_tls_peer.py). */
@Timeout(90)
class TwistedTlsCallTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;

    @BeforeAll
    static void writeCertificates() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS); // skipped, or failed under CI=true, without it
        TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca));
        TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem());
        TestCertificates.write(directory.resolve("client.pem"), CERTIFICATES.client.pem());
    }

    private static String ca() {
        return directory.resolve("ca.pem").toString();
    }

    private static String port(TwistedProcess server) throws InterruptedException {
        String ready = server.nextLine();
        assertTrue(ready.startsWith("READY "), ready);
        return ready.substring("READY ".length());
    }

    @Test
    void callsThroughTlsWithTheServerChecked() throws Exception {
        try (TwistedProcess server = TwistedProcess.start(getClass(), "twisted_tls_peer.py", "serve",
                directory.toString(), "server", "noverify")) {
            String address = "tls:127.0.0.1:" + port(server);
            assertEquals("total: 3\n", Cli.run("call", address, "Sum", "a=1", "b=2", "--ca", ca())
                    .assertStatus(ExitCode.OK).out());
            assertEquals("cn: \nsni: localhost\ntls: True\n", Cli.run("call", address, "Peer", "--ca", ca(),
                    "--server-name", "localhost").assertStatus(ExitCode.OK).out(),
                    "Twisted sees TLS, the server name, and no client certificate");
        }
    }

    @Test
    void presentsAClientCertificateToAServerThatDemandsOne() throws Exception {
        try (TwistedProcess server = TwistedProcess.start(getClass(), "twisted_tls_peer.py", "serve",
                directory.toString(), "server", "verify")) {
            String address = "tls:127.0.0.1:" + port(server);
            assertEquals("cn: amp-java test client\nsni: \ntls: True\n", Cli.run("call", address, "Peer", "--ca", ca(),
                    "--cert", directory.resolve("client.pem").toString()).assertStatus(ExitCode.OK).out(),
                    "the client certificate; no SNI for an IP address");
            assertEquals("TLS amp-java test client", server.nextLine());
        }
    }
}
