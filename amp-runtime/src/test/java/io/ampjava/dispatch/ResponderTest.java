package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.GOODBYE;
import static io.ampjava.dispatch.TestCommands.NO_ANSWER;
import static io.ampjava.dispatch.TestCommands.SUM;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.MapLocator;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.wire.Box;
import io.ampjava.wire.ProtocolException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The answering side of a connection, driven by a raw peer that writes requests and checks exact answers. */
@Timeout(20)
class ResponderTest {
    private AmpConnection connection;
    private RawPeer peer;

    private void open(ResponderLocator locator) {
        open(locator, ConnectionOptions.defaults());
    }

    private void open(ResponderLocator locator, ConnectionOptions options) {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), locator, options);
        peer = new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
            peer.close();
        }
    }

    /** The connection answered nothing more and is still up: a fresh request is answered. */
    private void expectStillUp(String tag) throws Exception {
        peer.send(box("_command", "Sum", "_ask", tag, "a", "1", "b", "2"));
        peer.expectBytes(WireBytes.box("_answer", tag, "total", "3"));
        assertTrue(connection.isOpen());
    }

    @Test
    void aRequestIsAnsweredWithExactBytes() throws Exception {
        open(TestCommands.calculator());
        peer.sendBytes(WireBytes.box("Z", "z", "_ask", "1", "_command", "Sum", "a", "13", "b", "81"));
        peer.expectBytes(WireBytes.box("_answer", "1", "total", "94"));
    }

    @Test
    void theAskTagIsCopiedVerbatim() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "zz", "a", "1", "b", "1"));
        peer.expectBytes(WireBytes.box("_answer", "zz", "total", "2"));
        peer.send(box("_command", "Sum", "_ask", "", "a", "1", "b", "1"));
        peer.expectBytes(WireBytes.box("_answer", "", "total", "2"));
    }

    @Test
    void unknownExtraArgumentsAreIgnored() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "1", "c", "99", "A", "1"));
        peer.expectBytes(WireBytes.box("_answer", "1", "total", "2"));
    }

    @Test
    void anUnknownCommandIsAnsweredUnhandledAndTheConnectionStays() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "WTF", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNHANDLED", "_error_description", "Unhandled Command: b'WTF'"));
        // Matching is exact: sum is not Sum.
        peer.send(box("_command", "sum", "_ask", "2", "a", "1", "b", "1"));
        peer.expectBytes(WireBytes.box("_error", "2", "_error_code", "UNHANDLED", "_error_description", "Unhandled Command: b'sum'"));
        peer.send(box("_command", "it's", "_ask", "3"));
        peer.expectBytes(WireBytes.box("_error", "3", "_error_code", "UNHANDLED", "_error_description",
                "Unhandled Command: b\"it's\""));
        expectStillUp("4");
    }

    @Test
    void anUnknownCommandWithANonAsciiNameClosesWithoutAnswer() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Süm", "_ask", "1"));
        peer.expectClosedWithoutMore();
        assertInstanceOf(ProtocolException.class, connection.closeCause());
    }

    @Test
    void anUnknownCommandWithInvalidUtf8ClosesWithoutAnswer() throws Exception {
        open(TestCommands.calculator());
        peer.send(new Box().put("_command", new byte[] {'S', (byte) 0xff}).put("_ask", "1"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aKnownCommandWithANonAsciiNameIsServed() throws Exception {
        open(new MapLocator().with("Süm", (request, connection) -> CompletableFuture.completedFuture(box("ok", "ü"))));
        peer.send(box("_command", "Süm", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_answer", "1", "ok", "ü"));
    }

    @Test
    void anUnknownCommandWithoutAskClosesTheConnection() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "WTF"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aRequestWithoutAskRunsTheResponderAndIsNeverAnswered() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        open(TestCommands.calculator().with(NO_ANSWER, (operands, connection) -> {
            ran.countDown();
            return null;
        }));
        peer.send(box("_command", "NoAns", "a", "1", "b", "2"));
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        // A Sum without _ask succeeds silently too.
        peer.send(box("_command", "Sum", "a", "1", "b", "2"));
        expectStillUp("1"); // the first box written is the answer to this request
    }

    @Test
    void aNoAnswerCommandIsStillAnsweredWhenAskIsPresent() throws Exception {
        open(TestCommands.calculator().with(NO_ANSWER, (operands, connection) -> null));
        peer.send(box("_command", "NoAns", "_ask", "1", "a", "1", "b", "2"));
        peer.expectBytes(WireBytes.box("_answer", "1"));
    }

    @Test
    void aFailingResponderWithoutAskClosesTheConnection() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "a", "666", "b", "1")); // a declared error, but nowhere to send it
        peer.expectClosedWithoutMore();
        // Responders.of turned the declared exception into its RemoteAmpException; nowhere to send it.
        assertEquals("OOPS", assertInstanceOf(RemoteAmpException.class, connection.closeCause()).code());
    }

    @Test
    void aMissingArgumentWithoutAskClosesTheConnection() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "a", "1"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aDeclaredErrorIsAnsweredWithItsCodeAndTheConnectionStays() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "2", "a", "666", "b", "1"));
        peer.expectBytes(WireBytes.box("_error", "2", "_error_code", "OOPS", "_error_description", "bad number 666"));
        expectStillUp("3");
    }

    @Test
    void aFatalErrorIsAnsweredAndThenTheConnectionCloses() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "13", "b", "13"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "FATAL", "_error_description", "unlucky"));
        peer.expectClosedWithoutMore();
        assertFalse(connection.isOpen());
    }

    @Test
    void anUndeclaredExceptionIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "999", "b", "0"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aMissingArgumentIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void anUnparsableArgumentIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        open(TestCommands.calculator());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "one", "b", "2"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aNullStageIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        open(new MapLocator().with("Null", (request, connection) -> null));
        peer.send(box("_command", "Null", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aNullBoxIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        open(new MapLocator().with("Null", (request, connection) -> CompletableFuture.completedFuture(null)));
        peer.send(box("_command", "Null", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aResponseTheCodecCannotWriteIsAnsweredUnknownAndThenTheConnectionCloses() throws Exception {
        // A typed handler returning null: the response codec fails (Twisted's BadLocalReturn).
        open(new MapLocator().with(SUM, (operands, connection) -> null));
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void anAnswerTooLongToEncodeIsAnErrorThatNamesTheCommandAndTheConnectionStays() throws Exception {
        // Twisted drops the connection without a word here; the caller is told instead.
        open(new MapLocator()
                .with("Big", (request, connection) -> CompletableFuture.completedFuture(new Box().put("v", new byte[65536])))
                .with(SUM, (operands, connection) -> TestCommands.sum(operands)));
        peer.send(box("_command", "Big", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description",
                "the answer to Big cannot be sent: the value of key 'v' is 65536 bytes, over AMP's limit of 65535"
                        + " bytes per value (nothing was sent)"));
        expectStillUp("2");
    }

    @Test
    void aTypedAnswerTooLongToEncodeIsAnErrorToo() throws Exception {
        open(new MapLocator()
                .with(TestCommands.HELLO, (text, connection) -> "x".repeat(70_000))
                .with(SUM, (operands, connection) -> TestCommands.sum(operands)));
        peer.send(box("_command", "hello", "_ask", "1", "hello", "hi"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description",
                "the answer to hello cannot be sent: the value of key 'hello' is 70000 bytes, over AMP's limit of"
                        + " 65535 bytes per value (nothing was sent)"));
        expectStillUp("2");
    }

    @Test
    void aRemoteAmpExceptionTravelsAsItIsAndClosesOnlyWhenFatal() throws Exception {
        open(new MapLocator()
                .with("Tls", (request, connection) -> {
                    throw new RemoteAmpException("TLS_ERROR", "TLS not available");
                })
                .with("Broken", (request, connection) ->
                        CompletableFuture.failedFuture(new RemoteAmpException("BROKEN", "caf\u00e9", true)))
                .with(SUM, (operands, connection) -> TestCommands.sum(operands)));
        peer.send(box("_command", "Tls", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "TLS_ERROR", "_error_description", "TLS not available"));
        expectStillUp("2");
        peer.send(box("_command", "Broken", "_ask", "3"));
        peer.expectBytes(WireBytes.box("_error", "3", "_error_code", "BROKEN", "_error_description", "caf\u00e9"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aClosingAnswerIsFullyWrittenBeforeTheClose() throws Exception {
        open(TestCommands.calculator().with(GOODBYE, (nothing, connection) -> null));
        peer.send(box("_command", "Goodbye", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_answer", "1"));
        peer.expectClosedWithoutMore();
        assertFalse(connection.isOpen());
    }

    @Test
    void aSlowResponderDoesNotHoldUpOthersAndAnswersLeaveOutOfOrder() throws Exception {
        CompletableFuture<Box> slow = new CompletableFuture<>();
        open(TestCommands.calculator().with("Slow", (request, connection) -> slow));
        peer.send(box("_command", "Slow", "_ask", "1"));
        peer.send(box("_command", "Sum", "_ask", "2", "a", "2", "b", "2"));
        peer.expectBytes(WireBytes.box("_answer", "2", "total", "4"));
        slow.complete(box("late", "yes"));
        peer.expectBytes(WireBytes.box("_answer", "1", "late", "yes"));
    }

    @Test
    void aResponderFinishingAfterTheConnectionClosedIsDroppedQuietly() throws Exception {
        CompletableFuture<Box> slow = new CompletableFuture<>();
        open(new MapLocator().with("Slow", (request, connection) -> slow));
        peer.send(box("_command", "Slow", "_ask", "1"));
        Thread.sleep(50);
        connection.close();
        peer.expectClosedWithoutMore();
        assertTrue(slow.complete(box("late", "yes"))); // nothing to write to, nothing thrown
    }

    @Test
    void respondersRunOnTheReaderThreadByDefault() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        open(new MapLocator().with("Where", (request, connection) -> {
            thread.set(Thread.currentThread().getName());
            return CompletableFuture.completedFuture(new Box());
        }));
        peer.send(box("_command", "Where", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_answer", "1"));
        assertEquals("amp-reader " + connection.describe(), thread.get());
    }

    @Test
    void withAnExecutorABlockingResponderDoesNotStopTheConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "responder-pool");
            thread.setDaemon(true);
            return thread;
        });
        try {
            CountDownLatch release = new CountDownLatch(1);
            List<String> threads = new CopyOnWriteArrayList<>();
            open(TestCommands.calculator().with("Block", (request, connection) -> {
                threads.add(Thread.currentThread().getName());
                assertTrue(release.await(5, TimeUnit.SECONDS));
                return CompletableFuture.completedFuture(box("done", "1"));
            }), ConnectionOptions.builder().responderExecutor(pool).threadName("named-reader").build());
            peer.send(box("_command", "Block", "_ask", "1"));
            peer.send(box("_command", "Sum", "_ask", "2", "a", "2", "b", "3"));
            peer.expectBytes(WireBytes.box("_answer", "2", "total", "5"));
            release.countDown();
            peer.expectBytes(WireBytes.box("_answer", "1", "done", "1"));
            assertEquals(List.of("responder-pool"), threads);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRejectingExecutorIsAnsweredUnknownAndCloses() throws Exception {
        open(TestCommands.calculator(), ConnectionOptions.builder().responderExecutor(task -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        }).build());
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void aLocatorThatThrowsIsAnsweredUnknownAndCloses() throws Exception {
        open(name -> {
            throw new IllegalStateException("broken locator");
        });
        peer.send(box("_command", "Sum", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void waitingForACallOnTheReaderThreadFailsAtOnceInsteadOfDeadlocking() throws Exception {
        AtomicReference<Throwable> refused = new AtomicReference<>();
        open(new MapLocator().with("Blocking", (request, connection) -> {
            try {
                Await.result(connection.callRemoteString("Back", new Box()));
            } catch (IllegalStateException e) {
                refused.set(e);
                throw e;
            }
            return CompletableFuture.completedFuture(new Box());
        }));
        peer.send(box("_command", "Blocking", "_ask", "1"));
        peer.expectBytes(WireBytes.box("_ask", "1", "_command", "Back"));
        peer.expectBytes(WireBytes.box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.expectClosedWithoutMore();
        assertTrue(refused.get().getMessage().contains("would deadlock"), refused.get().getMessage());
    }

    @Test
    void aBoxWithAnswerAndCommandIsAnAnswer() throws Exception {
        // Twisted checks _answer first: this names no call of ours, so the connection closes unanswered.
        open(TestCommands.calculator());
        peer.send(box("_answer", "1", "_command", "Sum", "_ask", "1", "a", "1", "b", "1"));
        peer.expectClosedWithoutMore();
    }

    @Test
    void requestsPipelinedInOneWriteAreAllAnswered() throws Exception {
        open(TestCommands.calculator());
        byte[] one = WireBytes.box("_ask", "1", "_command", "Sum", "a", "1", "b", "1");
        byte[] two = WireBytes.box("_ask", "2", "_command", "Sum", "a", "2", "b", "2");
        byte[] three = WireBytes.box("_ask", "3", "_command", "Sum", "a", "3", "b", "3");
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        all.writeBytes(one);
        all.writeBytes(two);
        all.writeBytes(three);
        peer.sendBytes(all.toByteArray());
        peer.expectBytes(WireBytes.box("_answer", "1", "total", "2"));
        peer.expectBytes(WireBytes.box("_answer", "2", "total", "4"));
        peer.expectBytes(WireBytes.box("_answer", "3", "total", "6"));
    }

    @Test
    void aTypedCallAgainstTheConnectionGetsItsAnswer() throws Exception {
        // A responder may call the peer back and answer when that call returns (Callback in the peer suite).
        open(new MapLocator().withAsync(SUM, (operands, connection) ->
                connection.callRemote(SUM, operands).thenApply(total -> new Total(total.total() * 10))));
        peer.send(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"));
        Box callback = peer.nextBox();
        assertEquals(box("_command", "Sum", "_ask", "1", "a", "1", "b", "2"), callback);
        peer.send(box("_answer", "1", "total", "3"));
        peer.expectBytes(WireBytes.box("_answer", "1", "total", "30"));
    }
}
