package io.ampjava.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.transport.unix.UnixListeningSocket;
import io.ampjava.transport.unix.UnixTransport;
import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class UnixListeningSocketTest {
    @TempDir
    Path dir;

    @Test
    void theSocketFileIsPrivateByDefault() throws IOException {
        Path path = dir.resolve("private.sock");
        try (UnixListeningSocket socket = UnixListeningSocket.bind(path)) {
            assertTrue(isSocket(path));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
            assertEquals("unix:" + path, socket.address());
            assertEquals(-1, socket.port());
        }
    }

    @Test
    @SuppressWarnings("try") // the socket only needs to exist
    void theModeIsConfigurable() throws IOException {
        Path path = dir.resolve("shared.sock");
        try (UnixListeningSocket ignored = UnixListeningSocket.bind(path, PosixFilePermissions.fromString("rw-rw----"))) {
            assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)));
        }
    }

    @Test
    void refusesToReplaceARegularFile() throws IOException {
        Path path = Files.writeString(dir.resolve("precious.txt"), "keep me");
        FileAlreadyExistsException refused = assertThrows(FileAlreadyExistsException.class, () -> UnixListeningSocket.bind(path));
        assertTrue(refused.getMessage().contains("not a socket"), refused.getMessage());
        assertEquals("keep me", Files.readString(path));
    }

    @Test
    void refusesToReplaceADirectoryOrASymlink() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("adir"));
        assertThrows(FileAlreadyExistsException.class, () -> UnixListeningSocket.bind(directory));
        assertTrue(Files.isDirectory(directory));
        Path link = Files.createSymbolicLink(dir.resolve("alink"), dir.resolve("elsewhere.sock"));
        assertThrows(FileAlreadyExistsException.class, () -> UnixListeningSocket.bind(link));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void replacesAStaleSocketFile() throws IOException {
        Path path = dir.resolve("stale.sock");
        UnixListeningSocket first = UnixListeningSocket.bind(path);
        // A server that died without cleaning up: the file stays, nobody listens.
        Path kept = dir.resolve("kept.sock");
        Files.move(path, kept);
        first.close();
        Files.move(kept, path);
        assertTrue(isSocket(path));
        try (UnixListeningSocket second = UnixListeningSocket.bind(path);
                UnixTransport client = UnixTransport.connect(path);
                UnixTransport accepted = second.accept()) {
            client.write(new ByteBuffer[] {ByteBuffer.wrap(new byte[] {42})});
            ByteBuffer got = ByteBuffer.allocate(1);
            assertEquals(1, accepted.read(got, fd -> {}));
            assertEquals(42, got.get(0));
        }
    }

    @Test
    @SuppressWarnings("try") // the client only needs to be connected
    void refusesToTakeOverALiveServer() throws IOException {
        Path path = dir.resolve("live.sock");
        try (UnixListeningSocket live = UnixListeningSocket.bind(path)) {
            assertThrows(BindException.class, () -> UnixListeningSocket.bind(path));
            assertTrue(isSocket(path), "the live server keeps its file");
            // and it still accepts
            try (UnixTransport client = UnixTransport.connect(path); UnixTransport accepted = live.accept()) {
                assertTrue(accepted.canPassDescriptors());
            }
        }
    }

    @Test
    void closeRemovesTheSocketFileAndIsIdempotent() throws IOException {
        Path path = dir.resolve("gone.sock");
        UnixListeningSocket socket = UnixListeningSocket.bind(path);
        socket.close();
        assertFalse(Files.exists(path, LinkOption.NOFOLLOW_LINKS));
        socket.close();
        assertThrows(IOException.class, () -> UnixTransport.connect(path));
    }

    @Test
    void closeLeavesAFileThatIsNoLongerItsOwn() throws IOException {
        Path path = dir.resolve("replaced.sock");
        UnixListeningSocket socket = UnixListeningSocket.bind(path);
        Files.delete(path);
        Files.writeString(path, "someone else's");
        socket.close();
        assertEquals("someone else's", Files.readString(path));
    }

    @Test
    void closeWakesABlockedAcceptWithinASecond() throws Exception {
        UnixListeningSocket socket = UnixListeningSocket.bind(dir.resolve("accept.sock"));
        CompletableFuture<Transport> accepting = CompletableFuture.supplyAsync(() -> {
            try {
                return socket.accept();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, NewThread.EACH_TASK);
        Thread.sleep(200);
        socket.close();
        Throwable failed = Await.failure(accepting, Duration.ofSeconds(1));
        assertTrue(failed.getCause() instanceof ClosedChannelException, failed.toString());
        assertThrows(ClosedChannelException.class, socket::accept);
    }

    @Test
    void closingReleasesTheListeningSocket() throws Exception {
        UnixListeningSocket warmUp = UnixListeningSocket.bind(dir.resolve("warm.sock"));
        warmUp.close();
        DescriptorSnapshot before = DescriptorSnapshot.take();
        UnixListeningSocket socket = UnixListeningSocket.bind(dir.resolve("count.sock"));
        Set<OpenDescriptor> listening = before.awaitOpenedSince(1, OpenDescriptor::isSocket, Duration.ZERO);
        assertEquals(1, listening.size(), () -> "one socket, not " + DescriptorSnapshot.describe(listening));
        socket.close();
        DescriptorSnapshot.assertClosed(listening, Duration.ofSeconds(1));
    }

    @Test
    void aTooLongPathIsRefusedClearly() {
        Path path = dir.resolve("x".repeat(120));
        IOException refused = assertThrows(IOException.class, () -> UnixListeningSocket.bind(path));
        assertTrue(refused.getMessage().contains("1 to 107 bytes"), refused.getMessage());
    }

    private static boolean isSocket(Path path) throws IOException {
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0140000;
    }
}
