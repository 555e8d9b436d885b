package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.testing.Await;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link TlsTransport} over in-memory pairs: the handshake, streams, refusals and ends of stream. */
// A separate thread: a deadlock (threads parked in lock(), which ignores interrupts) fails the test
// instead of hanging the build.
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsTransportTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    private static TlsOptions server() {
        return TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .role(TransportRole.SERVER)
                .build();
    }

    private static TlsOptions client() {
        return TlsOptions.builder().trustAnchors(CERTIFICATES.ca).role(TransportRole.CLIENT).build();
    }

    private static InMemoryTransport.Pair pair() {
        return InMemoryTransport.pair(InMemoryTransport.DEFAULT_CAPACITY, false);
    }

    @Test
    void aHandshakeThenBytesBothWaysWithTheServersCertificateChecked() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), server())) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> handshake(right));
            left.handshake();
            Await.result(serverSide);

            write(left, "hello over TLS");
            assertEquals("hello over TLS", readString(right, 14));
            write(right, "and back");
            assertEquals("and back", readString(left, 8));
            assertEquals(CERTIFICATES.server.certificate(), left.session().getPeerCertificates()[0]);
            assertTrue(left.isHandshakeDone() && right.isHandshakeDone());
            assertTrue(left.describe().endsWith("(TLS)"), left.describe());
        }
    }

    // Repeated: the interleavings differ each time, and a reader that waited for a blocked writer
    // to send a handshake message deadlocked both sides about one run in fifty.
    @RepeatedTest(20)
    void aMegabyteEachWayInRandomPiecesWhileBothSidesReadAndWriteAtOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        byte[] up = new byte[1 << 20];
        byte[] down = new byte[1 << 20];
        random.nextBytes(up);
        random.nextBytes(down);
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), server())) {
            // No explicit handshake: the first writes and reads drive it, from four threads.
            CompletableFuture<Void> leftWrites = CompletableFuture.runAsync(() -> writeInPieces(left, up, new Random(seed + 1)));
            CompletableFuture<Void> rightWrites = CompletableFuture.runAsync(() -> writeInPieces(right, down, new Random(seed + 2)));
            CompletableFuture<byte[]> rightReads = CompletableFuture.supplyAsync(() -> readExactly(right, up.length));
            byte[] leftRead = readExactly(left, down.length);
            assertArrayEquals(down, leftRead, "seed " + seed);
            assertArrayEquals(up, Await.result(rightReads, Duration.ofSeconds(20)), "seed " + seed);
            Await.result(leftWrites, Duration.ofSeconds(20));
            Await.result(rightWrites, Duration.ofSeconds(20));
        }
    }

    @Test
    void aWriterAloneDrivesTheHandshakeWhenNobodyReads() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), server())) {
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readString(right, 5));
            write(left, "first"); // nobody reads on the left: the writer reads the handshake itself
            assertEquals("first", Await.result(received));
            write(right, "reply");
            assertEquals("reply", readString(left, 5));
        }
    }

    @Test
    void bytesReadBeforeTlsStartedGoThroughTheEngineFirst() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client())) {
            CompletableFuture<Void> clientSide = CompletableFuture.runAsync(() -> handshake(left));
            // The server's transport reads the ClientHello before TLS starts there, as an AMP
            // reader reads it together with a StartTLS answer.
            ByteBuffer early = ByteBuffer.allocate(64 * 1024);
            assertTrue(pair.right().read(early, fd -> {}) > 0);
            early.flip();
            try (TlsTransport right = TlsTransport.start(pair.right(), server().createEngine(TransportRole.SERVER), early)) {
                assertEquals(0, early.remaining(), "the early bytes are consumed");
                right.handshake();
                Await.result(clientSide);
                write(left, "after");
                assertEquals("after", readString(right, 5));
            }
        }
    }

    @Test
    void aServerCertificateFromAnotherAuthorityIsRefusedOnBothSides() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions rogue = TlsOptions.builder()
                .identity(CERTIFICATES.rogueServer.key(), CERTIFICATES.rogueServer.chain())
                .role(TransportRole.SERVER)
                .build();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), rogue)) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> handshake(right));
            PeerVerifyException refused = assertThrows(PeerVerifyException.class, left::handshake);
            assertTrue(refused.getMessage().contains("TLS refused") || refused.getMessage().contains("handshake failed"),
                    refused.getMessage());
            // The client's alert reaches the server, whose handshake fails as well.
            Throwable serverFailed = Await.failure(serverSide);
            assertInstanceOf(PeerVerifyException.class, serverFailed, serverFailed.toString());
        }
    }

    @Test
    void aServerThatVerifiesRefusesAClientWithoutACertificate() throws Exception {
        InMemoryTransport.Pair pair = pair();
        TlsOptions demanding = TlsOptions.builder()
                .identity(CERTIFICATES.server.key(), CERTIFICATES.server.chain())
                .trustAnchors(CERTIFICATES.ca)
                .role(TransportRole.SERVER)
                .build();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), demanding)) {
            CompletableFuture<Void> clientSide = CompletableFuture.runAsync(() -> handshake(left));
            assertThrows(PeerVerifyException.class, right::handshake);
            // In TLS 1.3 the client finishes before the server judges its certificate: it learns
            // of the refusal when it next reads, still as a verification error.
            Optional<Throwable> failed = Await.failureIfAny(clientSide);
            if (failed.isEmpty()) {
                assertThrows(PeerVerifyException.class, () -> left.read(ByteBuffer.allocate(16), fd -> {}));
            } else {
                assertInstanceOf(PeerVerifyException.class, failed.get(), failed.get().toString());
            }
        }
    }

    @Test
    void aPeerClosingDuringTheHandshakeIsAVerificationError() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client())) {
            CompletableFuture<Void> clientSide = CompletableFuture.runAsync(() -> handshake(left));
            ByteBuffer hello = ByteBuffer.allocate(64 * 1024);
            assertTrue(pair.right().read(hello, fd -> {}) > 0);
            pair.right().close();
            Throwable failed = Await.failure(clientSide);
            assertInstanceOf(PeerVerifyException.class, failed, failed.toString());
            assertTrue(failed.getMessage().contains("during the TLS handshake"),
                    failed.getMessage());
        }
    }

    @Test
    void aPeerClosingRightAfterTheHandshakeBeforeAnyDataIsAVerificationErrorButNotAfterData() throws Exception {
        for (boolean sendFirst : new boolean[] {false, true}) {
            InMemoryTransport.Pair pair = pair();
            try (TlsTransport left = TlsTransport.over(pair.left(), client());
                    TlsTransport right = TlsTransport.over(pair.right(), server())) {
                CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> handshake(right));
                left.handshake();
                Await.result(serverSide);
                if (sendFirst) {
                    write(right, "x");
                    assertEquals("x", readString(left, 1));
                }
                pair.right().close(); // no close_notify: the socket just goes away
                if (sendFirst) {
                    assertEquals(-1, left.read(ByteBuffer.allocate(16), fd -> {}));
                } else {
                    assertThrows(PeerVerifyException.class, () -> left.read(ByteBuffer.allocate(16), fd -> {}));
                }
            }
        }
    }

    @Test
    void shutdownOutputSendsCloseNotifyAndThePeerReadsEndOfStreamAfterTheData() throws Exception {
        InMemoryTransport.Pair pair = pair();
        try (TlsTransport left = TlsTransport.over(pair.left(), client());
                TlsTransport right = TlsTransport.over(pair.right(), server())) {
            CompletableFuture<Void> serverSide = CompletableFuture.runAsync(() -> handshake(right));
            left.handshake();
            Await.result(serverSide);
            write(left, "last words");
            left.shutdownOutput();
            assertEquals("last words", readString(right, 10));
            assertEquals(-1, right.read(ByteBuffer.allocate(16), fd -> {}));
            // Half closed: the other direction still works.
            write(right, "still here");
            assertEquals("still here", readString(left, 10));
        }
    }

    @Test
    void carriesNoDescriptorsEvenOverATransportThatCouldAndRefusesUnknownRoles() throws Exception {
        InMemoryTransport.Pair descriptors = InMemoryTransport.pair();
        assertTrue(descriptors.left().canPassDescriptors());
        assertFalse(TlsTransport.over(descriptors.left(), client()).canPassDescriptors());

        TlsOptions noRole = TlsOptions.builder().build();
        SSLException unknown = assertThrows(SSLException.class, () -> TlsTransport.over(pair().left(), noRole));
        assertTrue(unknown.getMessage().contains("TlsOptions.Builder.role"), unknown.getMessage());
    }

    // ---------------------------------------------------------------------------------------------

    private static void handshake(TlsTransport transport) {
        try {
            transport.handshake();
        } catch (PeerVerifyException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    private static void write(Transport transport, String text) throws IOException {
        transport.write(new ByteBuffer[] {ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII))});
    }

    private static String readString(Transport transport, int length) {
        return new String(readExactly(transport, length), StandardCharsets.US_ASCII);
    }

    private static byte[] readExactly(Transport transport, int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        try {
            while (out.size() < length) {
                buffer.clear();
                buffer.limit(Math.min(buffer.capacity(), length - out.size()));
                int count = transport.read(buffer, fd -> {});
                if (count < 0) {
                    throw new IOException("end of stream after " + out.size() + " of " + length + " bytes");
                }
                out.write(buffer.array(), 0, count);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void writeInPieces(Transport transport, byte[] data, Random random) {
        try {
            int offset = 0;
            while (offset < data.length) {
                int size = Math.min(data.length - offset, 1 + random.nextInt(random.nextBoolean() ? 100 : 40_000));
                transport.write(new ByteBuffer[] {ByteBuffer.wrap(data, offset, size)});
                offset += size;
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
