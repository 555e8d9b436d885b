package io.ampjava.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.CallRejectedException;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.testing.OpenDescriptor;
import io.ampjava.testing.ThreadSnapshot;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A whole {@link AmpConnection} fed arbitrary bytes (and descriptors) as the peer: the bytes are cut
 * into reads and descriptors attached as the input says, after the connection has made a few calls
 * of its own that the input may answer.
 *
 * <p>Half the inputs run with limits small enough to reach (box bytes and keys, AmpList nesting,
 * waiting descriptors, outstanding calls).
 *
 * <p>Allowed outcomes: answers, a defined protocol error, or a clean close. Checked for every input:
 * the connection closes within seconds (no hang) for one of the defined reasons; every call's
 * future completes, normally or with a defined exception; what the connection wrote is whole,
 * well-formed boxes; no argument decoder threw anything but a bad-argument error; every received
 * descriptor is closed and the reader thread is gone afterwards; the bytes written stay within a
 * small multiple of the bytes read.
 */
class ConnectionFuzzTest {
    // Responder failures are logged as warnings; thousands of them per second are noise here.
    private static final Logger QUIET = Logger.getLogger("io.ampjava");

    static {
        QUIET.setLevel(Level.OFF);
    }

    private static final Path DEV_NULL = Path.of("/dev/null");
    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(5);

    @FuzzTest(maxDuration = "20s")
    void feedBytes(FuzzedDataProvider data) throws Exception {
        boolean passesDescriptors = data.consumeBoolean();
        int calls = data.consumeInt(0, 3);
        int maxPiece = data.consumeInt(1, 512);
        long seed = data.consumeLong();
        boolean tight = data.consumeBoolean();
        byte[] stream = data.consumeRemainingAsBytes();

        DescriptorSnapshot fdsBefore = DescriptorSnapshot.take();
        ThreadSnapshot threadsBefore = ThreadSnapshot.take();
        ScriptedTransport transport = new ScriptedTransport(
                script(stream, maxPiece, passesDescriptors, new Random(seed)), passesDescriptors);
        FuzzServer server = new FuzzServer();
        ConnectionOptions options = ConnectionOptions.builder().threadName("amp-fuzz-reader").build();
        if (tight) {
            // Limits small enough for short inputs to reach them.
            options = options.toBuilder().maxBoxBytes(600).maxKeysPerBox(12).maxNestingDepth(2)
                    .maxPendingDescriptors(2).maxOutstandingCalls(2).build();
        }
        AmpConnection connection = AmpConnection.open(transport, server, options);
        List<CompletableFuture<Map<String, Object>>> futures = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            futures.add(connection.callRemote(server.echo(), Map.of("integer", java.math.BigInteger.valueOf(i))));
        }
        transport.play(); // the script's answers find these calls outstanding, on every replay
        try {
            Await.result(connection.closeFuture(), CLOSE_WITHIN); // the end of its input closes it
        } finally {
            connection.close();
        }

        assertAllowedClose(connection.closeCause());
        for (CompletableFuture<Map<String, Object>> future : futures) {
            assertTrue(future.isDone(), "a call is still waiting after the connection closed");
            assertAllowedCallOutcome(future);
            closeDescriptorsOf(future); // an answer may carry one, which is now the caller's
        }
        assertTrue(server.unexpected().isEmpty(), () -> "a decoder threw " + server.unexpected());
        byte[] written = transport.written();
        assertWellFormed(written);
        assertTrue(written.length <= 64L * stream.length + 4096,
                () -> written.length + " bytes written for " + stream.length + " read");
        awaitBaseline(threadsBefore, fdsBefore);
    }

    /** Cuts the stream into reads of 1..maxPiece bytes; now and then descriptors ride along. */
    private static List<ScriptedTransport.Piece> script(byte[] stream, int maxPiece, boolean withFds, Random random) {
        List<ScriptedTransport.Piece> pieces = new ArrayList<>();
        for (int offset = 0; offset < stream.length; ) {
            int size = Math.min(stream.length - offset, 1 + random.nextInt(maxPiece));
            int[] fds = new int[withFds && random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0];
            for (int i = 0; i < fds.length; i++) {
                fds[i] = openDevNull();
            }
            pieces.add(new ScriptedTransport.Piece(java.util.Arrays.copyOfRange(stream, offset, offset + size), fds));
            offset += size;
        }
        return pieces;
    }

    private static int openDevNull() {
        try {
            return Descriptor.openForReading(DEV_NULL).release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why a fuzzed connection may close: the end of its input, the peer's fault, or a closing answer. */
    private static void assertAllowedClose(Throwable cause) {
        if (cause instanceof EOFException // the script ended: the peer closed
                || cause instanceof ProtocolException
                || cause instanceof TooLongException // a remote key too long, or an answer too long to encode
                || cause instanceof BadArgumentException // a request without _ask failed: nowhere to say so
                || cause instanceof RemoteAmpException
                || cause instanceof FuzzServer.DeliberateFailure) {
            return;
        }
        if (cause instanceof IOException && String.valueOf(cause.getMessage()).contains("after a closing answer")) {
            return; // a fatal error or Goodbye was answered
        }
        throw new AssertionError("the connection closed for an undefined reason: " + cause, cause);
    }

    private static void assertAllowedCallOutcome(CompletableFuture<?> future) {
        Await.failureIfAny(future).ifPresent(cause -> {
            if (!(cause instanceof ConnectionLostException
                    || cause instanceof CallRejectedException // over the outstanding-calls limit
                    || cause instanceof BadArgumentException
                    || cause instanceof UnhandledCommandException
                    || cause instanceof UnknownRemoteErrorException)) {
                throw new AssertionError("a call failed with an undefined exception: " + cause, cause);
            }
        });
    }

    /** Closes the descriptors in a call's answer: like any caller, the test owns what an answer brings. */
    private static void closeDescriptorsOf(CompletableFuture<Map<String, Object>> future) {
        if (future.isCompletedExceptionally()) {
            return;
        }
        for (Object value : future.join().values()) {
            if (value instanceof Descriptor) {
                ((Descriptor) value).close();
            }
        }
    }

    /** What the connection wrote: whole boxes, each a request of ours, an answer or an error box. */
    private static void assertWellFormed(byte[] written) {
        BoxDecoder decoder = new BoxDecoder();
        List<Box> boxes = new ArrayList<>();
        decoder.feed(ByteBuffer.wrap(written), boxes::add);
        assertTrue(decoder.isIdle(), "the connection wrote half a box");
        for (Box box : boxes) {
            if (box.containsKey(AmpKeys.ANSWER_KEY)) {
                continue;
            }
            if (box.containsKey(AmpKeys.ERROR_KEY)) {
                assertTrue(box.containsKey(AmpKeys.ERROR_CODE_KEY) && box.containsKey(AmpKeys.ERROR_DESCRIPTION_KEY),
                        () -> "an error box without code or description: " + box);
                continue;
            }
            assertEquals("Echo", box.getString(AmpKeys.COMMAND), () -> "the connection wrote " + box);
        }
    }

    /**
     * The reader thread ends and every descriptor the peer sent is closed, soon after the close:
     * nothing started or opened since the snapshots is left. (Spins rather than sleeps: when
     * fuzzing, this runs for every input.)
     */
    private static void awaitBaseline(ThreadSnapshot threadsBefore, DescriptorSnapshot fdsBefore) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (true) {
            List<Thread> threads = threadsBefore.startedSince();
            Set<OpenDescriptor> fds = fdsBefore.openedSince();
            if (threads.isEmpty() && fds.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("after the close: threads still alive " + ThreadSnapshot.describe(threads)
                        + ", fds still open " + DescriptorSnapshot.describe(fds));
            }
            Thread.yield();
        }
    }
}
