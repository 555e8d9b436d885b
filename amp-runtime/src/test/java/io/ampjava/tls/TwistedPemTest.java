package io.ampjava.tls;

import static io.ampjava.tls.TwistedTlsPeer.await;
import static io.ampjava.tls.TwistedTlsPeer.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.testing.TwistedPython;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PEM files written by Python ({@code make_pem.py}: pyca/cryptography and Twisted's own
 * {@code PrivateCertificate.dumpPEM}) and by the {@code openssl} command, loaded by Java's
 * {@link TlsOptions.Builder#identityFromPem} and {@link TlsOptions.Builder#trustAnchorsFromPem}; the
 * StartTLS handshake with real Twisted then works both ways, each side checking the other's
 * certificate against the CA of those files.
 */
@Timeout(120)
class TwistedPemTest {
    /** What {@code openssl} writes: EC CA, RSA server key (traditional), EC client key after its parameters. */
    private static final String OPENSSL = String.join("\n",
            "set -e",
            "openssl ecparam -name prime256v1 -genkey -noout -out ca.key",
            "openssl req -x509 -new -key ca.key -subj '/CN=openssl test CA' -days 2 -out ca.pem",
            "openssl genrsa -traditional -out server.key 2048",
            "openssl req -new -key server.key -subj /CN=localhost -out server.csr",
            "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\\n' > server.ext",
            "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext -out leaf.crt",
            "cat leaf.crt ca.pem > server.crt",
            "cat server.key leaf.crt > server.pem",
            "openssl ecparam -name prime256v1 -genkey -out client.key",
            "openssl req -new -key client.key -subj '/CN=openssl client' -out client.csr",
            "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 -out client.crt",
            "cat client.key client.crt > client.pem");

    @TempDir
    static Path directory;
    private static Path python;
    private static Path openssl;

    @BeforeAll
    static void makeFiles() throws Exception {
        TwistedPython.require(TwistedPython.Need.TWISTED_TLS); // skipped, or failed under CI=true, without it
        python = Files.createDirectory(directory.resolve("python"));
        openssl = Files.createDirectory(directory.resolve("openssl"));
        try (TwistedProcess make = TwistedProcess.start(TwistedPemTest.class, "make_pem.py", python.toString())) {
            assertEquals("MADE", make.nextLine());
            assertEquals(0, make.awaitExit());
        }
    }

    private static void runOpenssl() throws Exception {
        Process check = new ProcessBuilder("sh", "-c", "command -v openssl").start();
        if (check.waitFor() != 0) {
            if ("true".equals(System.getenv("CI"))) {
                fail("the openssl command is missing, and CI=true requires this interop test");
            }
            Assumptions.abort("the openssl command is missing");
        }
        Process make = new ProcessBuilder("sh", "-c", OPENSSL).directory(openssl.toFile()).redirectErrorStream(true).start();
        String output = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!make.waitFor(60, TimeUnit.SECONDS) || make.exitValue() != 0) {
            fail("openssl failed: " + output);
        }
    }

    /** A Java client with {@code identity}, checking a Twisted server (which checks it back) in {@code directory}. */
    private static void javaClientToTwistedServer(Path directory, TlsOptions identity, String expectedCn) throws Exception {
        try (TwistedTlsPeer twisted = TwistedTlsPeer.serve(directory, serverIdentity(directory), true);
                AmpConnection connection = Amp.connectTcp("127.0.0.1", twisted.port, ResponderLocator.NONE)) {
            await(connection.startTls(identity));
            assertEquals("5", await(sum(connection, 2, 3)).getString("total"));
            Box peer = TwistedTlsPeer.peer(connection);
            assertEquals(expectedCn, peer.getString("cn"), "Twisted verified and saw our certificate");
            assertEquals("localhost", peer.getString("sni"));
            assertEquals("TLS " + expectedCn, twisted.process.nextLine());
        }
    }

    private static String serverIdentity(Path directory) {
        return directory.equals(python) ? "localhost" : "server";
    }

    @Test
    void pythonWrittenTraditionalKeysAndChainsServeBothWays() throws Exception {
        // The server: an RSA key as BEGIN RSA PRIVATE KEY, its certificate then the CA's in a second file.
        TwistedTlsPeer.assertTwistedClientUpgrades(python, TlsOptions.builder()
                .identityFromPem(python.resolve("localhost.crt"), python.resolve("localhost.key"))
                .trustAnchorsFromPem(python.resolve("ca.pem"))
                .build());
        // The client: an EC key as BEGIN EC PRIVATE KEY.
        javaClientToTwistedServer(python, TlsOptions.builder()
                .identityFromPem(python.resolve("client.crt"), python.resolve("client.key"))
                .trustAnchorsFromPem(python.resolve("ca.pem"))
                .hostName("localhost")
                .build(), "python client");
    }

    @Test
    void twistedsOwnCombinedFileIsAJavaIdentity() throws Exception {
        // PrivateCertificate.dumpPEM: the certificate, then the key (PKCS#8, RSA).
        javaClientToTwistedServer(python, TlsOptions.builder()
                .identityFromPem(python.resolve("twisted.pem"))
                .trustAnchorsFromPem(python.resolve("ca.pem"))
                .hostName("localhost")
                .build(), "twisted client");
        // And the key-then-certificate file Twisted serves from, as a Java server's identity.
        TwistedTlsPeer.assertTwistedClientUpgrades(python, TlsOptions.builder()
                .identityFromPem(python.resolve("localhost.pem"))
                .trustAnchorsFromPem(python.resolve("ca.pem"))
                .build());
    }

    @Test
    void opensslWrittenFilesServeBothWays() throws Exception {
        runOpenssl();
        TwistedTlsPeer.assertTwistedClientUpgrades(openssl, TlsOptions.builder()
                .identityFromPem(openssl.resolve("server.crt"), openssl.resolve("server.key"))
                .trustAnchorsFromPem(openssl.resolve("ca.pem"))
                .build());
        // openssl ecparam -genkey writes an EC PARAMETERS block before the key.
        assertEquals("-----BEGIN EC PARAMETERS-----", Files.readAllLines(openssl.resolve("client.key")).get(0));
        javaClientToTwistedServer(openssl, TlsOptions.builder()
                .identityFromPem(openssl.resolve("client.crt"), openssl.resolve("client.key"))
                .trustAnchorsFromPem(openssl.resolve("ca.pem"))
                .hostName("localhost")
                .build(), "openssl client");
    }
}
