package io.ampjava.cli.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.JavaPeer;
import io.ampjava.tls.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tls:} addresses: {@code amp call} starting TLS with {@code amp serve}, certificates from PEM files. */
@Timeout(90)
class TlsAddressTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    static Path directory;
    private static String ca;
    private static String server;
    private static String client;
    private static String rogueServer;
    private static String namedOther;

    @BeforeAll
    static void writeCertificates() throws Exception {
        ca = TestCertificates.write(directory.resolve("ca.pem"), TestCertificates.pem(CERTIFICATES.ca)).toString();
        server = TestCertificates.write(directory.resolve("server.pem"), CERTIFICATES.server.pem()).toString();
        client = TestCertificates.write(directory.resolve("client.pem"), CERTIFICATES.client.pem()).toString();
        rogueServer = TestCertificates.write(directory.resolve("rogue.pem"), CERTIFICATES.rogueServer.pem()).toString();
        namedOther = TestCertificates.write(directory.resolve("other.pem"),
                CERTIFICATES.serverNamed("other", "other.example").pem()).toString();
    }

    @Test
    void callStartsTlsAndChecksTheServer() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "tls:0", "--echo", "--cert", server)) {
            String address = serve.address();
            assertTrue(address.startsWith("tls:127.0.0.1:"), address);
            assertEquals("x: 1\n", Cli.run("call", address, "Echo", "x=1", "--ca", ca).assertStatus(ExitCode.OK).out(),
                    "the certificate names 127.0.0.1");
            assertEquals("x: 2\n", Cli.run("call", address, "Echo", "x=2", "--ca", ca, "--server-name", "localhost")
                    .assertStatus(ExitCode.OK).out());
            assertEquals("x: 3\n", Cli.run("call", address, "Echo", "x=3", "--insecure").assertStatus(ExitCode.OK)
                    .out());
            Cli.Result wrongName = Cli.run("call", address, "Echo", "--ca", ca, "--server-name", "amp.example.com")
                    .assertStatus(ExitCode.CONNECTION);
            assertTrue(wrongName.err().startsWith("amp call: TLS failed: "), wrongName.err());
            assertTrue(wrongName.err().contains("amp.example.com"), wrongName.err());
        }
    }

    @Test
    void aServerTheCaDidNotSignIsRefused() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "tls:0", "--echo", "--cert", rogueServer)) {
            Cli.Result refused = Cli.run("call", serve.address(), "Echo", "--ca", ca).assertStatus(ExitCode.CONNECTION);
            assertTrue(refused.err().startsWith("amp call: TLS failed: ")
                    && refused.err().endsWith("(no CA in --ca signed the certificate the peer presented)\n"),
                            refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
        }
    }

    @Test
    void noHostCheckChecksTheCaAlone() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "tls:0", "--echo", "--cert", namedOther)) {
            assertEquals(ExitCode.CONNECTION, Cli.run("call", serve.address(), "Echo", "--ca", ca).status());
            assertEquals("y: 1\n", Cli.run("call", serve.address(), "Echo", "y=1", "--ca", ca, "--no-host-check")
                    .assertStatus(ExitCode.OK).out());
        }
    }

    @Test
    void aServerWithCaDemandsAClientCertificate() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "tls:0", "--echo", "--cert", server, "--ca", ca)) {
            assertEquals("z: 1\n", Cli.run("call", serve.address(), "Echo", "z=1", "--ca", ca, "--cert", client)
                    .assertStatus(ExitCode.OK).out());
            Cli.Result refused = Cli.run("call", serve.address(), "Echo", "--ca", ca).assertStatus(ExitCode.CONNECTION);
            assertTrue(refused.err().contains("TLS failed: "), refused.err());
        }
    }

    @Test
    void aPeerWithoutTlsIsAConnectionFailure() throws Exception {
        try (JavaPeer peer = JavaPeer.tcp()) {
            String address = peer.address().replace("tcp:", "tls:");
            assertEquals("amp call: " + address + ": the peer does not start TLS: error TLS_ERROR: TLS not available\n",
                    Cli.run("call", address, "Sum", "a=1", "b=2", "--insecure").assertStatus(ExitCode.CONNECTION)
                            .err());
        }
    }

    @Test
    void badCertificateOptionsAreUsageErrors() throws Exception {
        assertEquals("amp call: tls:127.0.0.1:1: give --ca FILE to check the server's certificate, or --insecure to"
                + " accept any\n", Cli.run("call", "tls:127.0.0.1:1", "Sum").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: --ca is for tls: addresses, not tcp:127.0.0.1:1\n",
                Cli.run("call", "tcp:127.0.0.1:1", "Sum", "--ca", ca).assertStatus(ExitCode.USAGE).err());
        assertEquals("amp call: --ca and --insecure do not go together: --insecure checks nothing\n",
                Cli.run("call", "tls:127.0.0.1:1", "Sum", "--ca", ca, "--insecure").assertStatus(ExitCode.USAGE).err());
        Path missing = directory.resolve("missing.pem");
        Cli.Result unreadable = Cli.run("call", "tls:127.0.0.1:1", "Sum", "--ca", missing.toString())
                .assertStatus(ExitCode.USAGE);
        assertTrue(unreadable.err().startsWith("amp call: ") && unreadable.err().contains(missing.toString()),
                unreadable.err());
        Path notPem = Files.writeString(directory.resolve("not.pem"), "hello");
        Cli.Result garbage = Cli.run("call", "tls:127.0.0.1:1", "Sum", "--ca", notPem.toString())
                .assertStatus(ExitCode.USAGE);
        assertTrue(garbage.err().startsWith("amp call: " + notPem + ": "), garbage.err());
        assertEquals("amp serve: tls:127.0.0.1:0: give --cert FILE (and --key FILE): the certificate StartTLS is"
                + " answered with\n",
                Cli.run("serve", "tls:0", "--echo").assertStatus(ExitCode.USAGE).err());
    }
}
