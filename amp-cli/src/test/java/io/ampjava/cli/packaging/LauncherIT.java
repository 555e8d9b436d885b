package io.ampjava.cli.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.cli.ExitCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged tool, {@code target/amp}, as a user runs it: help and exit statuses of every
 * subcommand, the class archive in use, and serve and proxy as processes stopped by SIGTERM, with the
 * Java conformance peer ({@code amp-peer.jar}) as the other side.
 */
@Timeout(180)
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("amp.cli.launcher", "target/amp"));
    private static final Path PEER_JAR = Path.of(System.getProperty("amp.peer.jar",
            "../amp-conformance/target/amp-peer.jar"));

    @TempDir
    static Path directory;
    private static Process peer;
    private static String peerAddress;

    record Run(int status, String out, String err) {}

    @BeforeAll
    static void startPeer() throws Exception {
        assertTrue(Files.isExecutable(LAUNCHER), LAUNCHER + " is built by mvn package");
        Path socket = directory.resolve("peer.sock");
        peer = new ProcessBuilder("java", "-jar", PEER_JAR.toString(), "serve", "--unix", socket.toString(),
                "--exit-on-eof").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String ready = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertEquals("READY unix:" + socket, ready);
        peerAddress = "unix:" + socket;
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.getOutputStream().close();
            if (!peer.waitFor(10, TimeUnit.SECONDS)) {
                peer.destroyForcibly();
            }
        }
    }

    private static Run amp(Map<String, String> environment, byte[] input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().write(input);
        process.getOutputStream().close();
        byte[][] output = new byte[2][];
        Thread errors = new Thread(() -> {
            try {
                output[1] = process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                output[1] = e.toString().getBytes(StandardCharsets.UTF_8);
            }
        });
        errors.start();
        output[0] = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "amp " + String.join(" ", args) + " did not end");
        errors.join();
        return new Run(process.exitValue(), new String(output[0], StandardCharsets.UTF_8),
                new String(output[1], StandardCharsets.UTF_8));
    }

    private static Run amp(String... args) throws Exception {
        return amp(Map.of(), new byte[0], args);
    }

    @Test
    void everySubcommandHasHelpWithItsExitStatuses() throws Exception {
        Run root = amp("--help");
        assertEquals(ExitCode.OK, root.status());
        for (String subcommand : new String[] {"call", "serve", "proxy", "decode"}) {
            assertTrue(root.out().contains("  " + subcommand + " "), root.out());
            Run help = amp(subcommand, "--help");
            assertEquals(ExitCode.OK, help.status(), help.err());
            assertTrue(help.out().startsWith("Usage: amp " + subcommand + " "), help.out());
            assertTrue(help.out().contains("Exit status:\n  0   done\n  1   "), help.out());
            assertEquals("", help.err());
        }
        Run nothing = amp();
        assertEquals(ExitCode.USAGE, nothing.status());
        assertTrue(nothing.err().startsWith("Usage: amp "), nothing.err());
    }

    @Test
    void callEndsWithTheDocumentedStatusesAndOneLineEach() throws Exception {
        Run answered = amp("call", peerAddress, "Sum", "a=13", "b=81");
        assertEquals(new Run(ExitCode.OK, "total: 94\n", ""), answered);
        assertEquals(new Run(ExitCode.REFUSED, "", "amp call: error ZERO_DIVISION: division by zero\n"),
                amp("call", peerAddress, "Divide", "numerator=1", "denominator=0"));
        assertEquals(new Run(ExitCode.TIMEOUT, "", "amp call: no answer within 0.2 s\n"),
                amp("call", peerAddress, "Delay", "millis=3000", "token=1", "--timeout", "0.2"));
        Path nobody = directory.resolve("nobody.sock");
        assertEquals(new Run(ExitCode.CONNECTION, "", "amp call: cannot connect to unix:" + nobody
                + ": no such file (is the server running, and is this its socket path?)\n"), amp("call", "unix:"
                        + nobody, "Sum"));
        assertEquals(new Run(ExitCode.USAGE, "", "amp call: Unknown option: '--jsn'\nTry 'amp call --help' for the"
                + " options.\n"), amp("call", "--jsn", peerAddress, "Sum"));
        Run verbose = amp("call", "--verbose", "unix:" + nobody, "Sum");
        assertEquals(ExitCode.CONNECTION, verbose.status());
        assertTrue(verbose.err().contains("\tat "), "--verbose shows the stack trace: " + verbose.err());
    }

    @Test
    void callPassesDescriptorsBothWays() throws Exception {
        // A short command runs jnr's reflective stubs (see the launcher): sendmsg and recvmsg with
        // SCM_RIGHTS must work through them too.
        Path written = directory.resolve("through-fd");
        assertEquals(new Run(ExitCode.OK, "written: 3\n", ""),
                amp("call", peerAddress, "WriteDescriptor", "fd=fdw:" + written, "data=abc"));
        assertEquals("abc", Files.readString(written));
        assertEquals(new Run(ExitCode.OK, "fd: 0\n", "amp call: the answer passed 1 file descriptor (0: /etc/hostname),"
                + " closed here\n"), amp("call", peerAddress, "OpenDescriptor", "path=/etc/hostname"));
    }

    @Test
    void callIsTypedByTheCommandsOfAClasspath() throws Exception {
        String commands = PEER_JAR.resolveSibling("classes").toString();
        assertEquals(new Run(ExitCode.OK, "total: 94\n", ""),
                amp("call", "--schema", commands, peerAddress, "Sum", "a=13", "b=81"));
        assertEquals(new Run(ExitCode.USAGE, "", "amp call: b (Integer): 'x' is not an Integer: write decimal digits,"
                + " e.g. 42 or -7\n"), amp("call", "--schema", commands, peerAddress, "Sum", "a=1", "b=x"));
    }

    @Test
    void theClassArchiveIsUsed() throws Exception {
        Path log = directory.resolve("classes.log");
        Run run = amp(Map.of("AMP_JAVA_OPTIONS", "-Xlog:class+load=info:file=" + log), new byte[0],
                "call", peerAddress, "Sum", "a=1", "b=2");
        assertEquals(ExitCode.OK, run.status(), run.err());
        String loaded = Files.readString(log);
        assertTrue(loaded.contains("io.ampjava.cli.AmpCli source: shared objects file"), "amp.jsa is mapped");
        assertTrue(loaded.contains("picocli.CommandLine source: shared objects file"), "picocli included");
    }

    @Test
    void decodeReadsStandardInput() throws Exception {
        byte[] box = {0, 8, '_', 'c', 'o', 'm', 'm', 'a', 'n', 'd', 0, 3, 'S', 'u', 'm', 0, 0};
        assertEquals(new Run(ExitCode.OK, "@0 Sum (no answer wanted)\n", ""), amp(Map.of(), box, "decode"));
    }

    @Test
    void serveAndProxyRunUntilSigterm() throws Exception {
        Path echoSocket = directory.resolve("echo.sock");
        Path proxySocket = directory.resolve("proxy.sock");
        Process serve = start("serve", "unix:" + echoSocket, "--echo");
        Process proxy = start("proxy", "unix:" + proxySocket, peerAddress);
        try {
            assertEquals("READY unix:" + echoSocket, firstLine(serve));
            BufferedReader proxyLog = reader(proxy);
            assertEquals("READY unix:" + proxySocket, proxyLog.readLine());
            assertEquals(new Run(ExitCode.OK, "x: 1\n", ""), amp("call", "unix:" + echoSocket, "Echo", "x=1"));
            Path written = directory.resolve("written");
            assertEquals(new Run(ExitCode.OK, "written: 2\n", ""),
                    amp("call", "unix:" + proxySocket, "WriteDescriptor", "fd=fdw:" + written, "data=hi"));
            assertEquals("hi", Files.readString(written));
            String opened = proxyLog.readLine();
            assertTrue(opened.contains("[1] client unix:" + proxySocket + " ")
                    && opened.endsWith(" connected, upstream " + peerAddress), opened);
            String request = proxyLog.readLine();
            assertTrue(request.endsWith("[1] C->S @0 WriteDescriptor ask=1 (1 fd: " + written + ")"), request);
        } finally {
            serve.destroy();
            proxy.destroy();
        }
        assertTrue(serve.waitFor(10, TimeUnit.SECONDS) && proxy.waitFor(10, TimeUnit.SECONDS));
        assertEquals(143, serve.exitValue(), "SIGTERM");
        assertEquals(143, proxy.exitValue(), "SIGTERM");
        assertFalse(Files.exists(echoSocket), "serve removes its socket file as it stops");
    }

    private static Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static String firstLine(Process process) throws IOException {
        String line = reader(process).readLine();
        assertNotNull(line, "no output");
        return line;
    }
}
