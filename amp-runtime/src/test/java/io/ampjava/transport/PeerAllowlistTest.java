package io.ampjava.transport;

import io.ampjava.server.AmpServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.internal.posix.NativePosix;
import io.ampjava.testing.Await;
import io.ampjava.testing.Prerequisites;
import io.ampjava.testing.TwistedPython;
import io.ampjava.transport.unix.PeerAllowlist;
import io.ampjava.transport.unix.PeerCredentials;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix-socket servers that serve only the peers on their allowlist, checked by the credentials the
 * kernel reports (SO_PEERCRED). A refused peer is closed before any of its bytes is read: no
 * responder is looked up, no connection is opened, and the server goes on serving the others. With
 * root, the test runs real peers as another user (nobody) through {@code setpriv}.
 */
@Timeout(30)
class PeerAllowlistTest {
    private static final int NOBODY = 65534;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    @TempDir
    Path dir;

    private final AtomicInteger looked = new AtomicInteger();

    /** Sum, counting every lookup: a refused peer must not cause one. */
    private ResponderLocator counting() {
        ResponderLocator sums = SocketCommands.service();
        return name -> {
            looked.incrementAndGet();
            return sums.locate(name);
        };
    }

    @Test
    void thePeerCredentialsAreThoseOfThePeerProcess() throws Exception {
        UnixTransport[] pair = UnixTransport.pair();
        try {
            PeerCredentials peer = pair[0].peerCredentials();
            assertEquals(new PeerCredentials((int) ProcessHandle.current().pid(), NativePosix.posix().geteuid(),
                    NativePosix.posix().getegid()), peer);
        } finally {
            pair[0].close();
            pair[1].close();
        }
        assertSame(pair[0].peerCredentials(), pair[0].peerCredentials(),
                "asked once: known after the close, and the same each time");
    }

    @Test
    void aPeerNotOnTheListIsClosedUnreadAndTheServerGoesOn() throws Exception {
        Path socket = dir.resolve("amp.sock");
        int me = NativePosix.posix().geteuid();
        PeerAllowlist someoneElse = PeerAllowlist.uids(me + 4242).orGids(NativePosix.posix().getegid() + 4242);
        try (AmpServer server = Amp.listenUnix(socket, UnixListeningSocket.DEFAULT_PERMISSIONS, someoneElse,
                this::counting)) {
            for (int i = 0; i < 3; i++) {
                try (AmpConnection refused = Amp.connectUnix(socket, ResponderLocator.NONE)) {
                    assertInstanceOf(ConnectionLostException.class,
                            Await.failure(refused.callRemote(SocketCommands.SUM, new SocketCommands.Operands(1, 2))));
                }
            }
            assertEquals(0, looked.get(), "nothing a refused peer sent was read");
            assertTrue(server.connections().isEmpty());
            assertTrue(server.isOpen());
        }
        try (AmpServer server = Amp.listenUnix(socket, UnixListeningSocket.DEFAULT_PERMISSIONS,
                PeerAllowlist.sameUser(), this::counting);
                AmpConnection allowed = Amp.connectUnix(socket, ResponderLocator.NONE)) {
            assertEquals(3L, Await.result(allowed.callRemote(SocketCommands.SUM, new SocketCommands.Operands(1, 2))));
            assertEquals(1, server.connections().size());
        }
    }

    @Test
    void anotherUserWhoCanReachTheSocketIsStillRefused() throws Exception {
        requireAnotherUser();
        Path open = Files.createDirectory(dir.resolve("open"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = open.resolve("amp.sock");
        // Everyone may connect to the file; only root is on the list.
        try (AmpServer server = Amp.listenUnix(socket, PosixFilePermissions.fromString("rw-rw-rw-"),
                PeerAllowlist.sameUser(), this::counting)) {
            assertEquals("CLOSED", runClient(socket, NOBODY));
            assertEquals(0, looked.get());
            assertEquals("ANSWER", runClient(socket, -1));
        }
        // The other way round: only nobody's group.
        looked.set(0);
        try (AmpServer server = Amp.listenUnix(socket, PosixFilePermissions.fromString("rw-rw-rw-"),
                PeerAllowlist.gids(NOBODY), this::counting)) {
            assertEquals("CLOSED", runClient(socket, -1));
            assertEquals(0, looked.get());
            assertEquals("ANSWER", runClient(socket, NOBODY));
        }
    }

    @Test
    void theDefaultFileModeKeepsOtherUsersOutAltogether() throws Exception {
        requireAnotherUser();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path socket = dir.resolve("amp.sock");
        try (AmpServer server = Amp.listenUnix(socket, this::counting)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertTrue(runClient(socket, NOBODY).startsWith("PermissionError"), "connect() itself is refused");
            assertFalse(looked.get() > 0);
        }
    }

    /**
     * Running a peer as another user takes root (a property of the run, so without it the test is
     * skipped even under CI) and setpriv (something to install, so under CI=true it must be there).
     */
    private static void requireAnotherUser() {
        assumeTrue(NativePosix.posix().geteuid() == 0, "needs root to run a peer as another user");
        Prerequisites.require(Files.isExecutable(SETPRIV),
                SETPRIV + " is missing: install it with `apt-get install -y util-linux`");
    }

    /** Runs sum_client.py as {@code uid} (its own group, no others), or as this user for -1; returns its line. */
    private static String runClient(Path socket, int uid) throws Exception {
        String python = TwistedPython.require(TwistedPython.Need.PYTHON).toString();
        List<String> command = new ArrayList<>();
        if (uid >= 0) {
            command.addAll(List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        }
        command.addAll(List.of(python, script().toString(), socket.toString()));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
            String last = line;
            for (String more = out.readLine(); more != null; more = out.readLine()) {
                last = more;
            }
            return last == null ? "" : last;
        } finally {
            process.destroyForcibly();
            process.getOutputStream().close();
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PeerAllowlistTest.class.getResource("sum_client.py").toURI());
    }
}
