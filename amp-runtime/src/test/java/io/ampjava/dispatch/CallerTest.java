package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.HELLO;
import static io.ampjava.dispatch.TestCommands.NO_ANSWER;
import static io.ampjava.dispatch.TestCommands.SUM;
import static io.ampjava.wire.TestBoxes.box;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.TestCommands.OopsException;
import io.ampjava.dispatch.TestCommands.Operands;
import io.ampjava.dispatch.TestCommands.Total;
import io.ampjava.testing.Await;
import io.ampjava.testing.WireBytes;
import io.ampjava.transport.InMemoryTransport;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The calling side of a connection, against a raw peer that checks and writes exact bytes. */
@Timeout(20)
class CallerTest {
    private AmpConnection connection;
    private RawPeer peer;

    @BeforeEach
    void open() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        connection = AmpConnection.open(pair.left(), ResponderLocator.NONE);
        peer = new RawPeer(pair.right());
    }

    @AfterEach
    void close() {
        connection.close();
        peer.close();
    }

    @Test
    void firstCallEmitsExactBytesAndAnAnswerWithExtraKeysResolvesIt() throws Exception {
        CompletableFuture<String> answer = connection.callRemote(HELLO, "world");
        peer.expectBytes(WireBytes.box("_ask", "1", "_command", "hello", "hello", "world"));
        peer.send(box("_answer", "1", "hello", "yay", "print", "ignored", "Z", "also ignored"));
        assertEquals("yay", Await.result(answer));
    }

    @Test
    void tagsAreLowerCaseHexFromOneWithoutPadding() throws Exception {
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            connection.callRemoteString("Ping", new Box());
            tags.add(peer.nextBox().getString("_ask"));
        }
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "10", "11", "12"),
                tags);
    }

    @Test
    void aNoAnswerCommandConsumesATagButCarriesNoAsk() throws Exception {
        connection.callRemote(SUM, new Operands(13, 81));
        peer.expectBytes(WireBytes.box("_ask", "1", "_command", "Sum", "a", "13", "b", "81"));
        assertNull(Await.result(connection.callRemote(NO_ANSWER, new Operands(1, 2))));
        peer.expectBytes(WireBytes.box("_command", "NoAns", "a", "1", "b", "2"));
        connection.callRemoteStringNoAnswer("Raw", box("k", "v"));
        peer.expectBytes(WireBytes.box("_command", "Raw", "k", "v"));
        connection.callRemote(SUM, new Operands(1, 1));
        assertEquals("4", peer.nextBox().getString("_ask"));
    }

    @Test
    void callRemoteStringSucceedsWithTheWholeAnswerBoxAndLeavesItsArgumentsAlone() throws Exception {
        Box arguments = box("a", "1");
        CompletableFuture<Box> answer = connection.callRemoteString("Sum", arguments);
        assertEquals(box("a", "1"), arguments);
        peer.expectBytes(WireBytes.box("_ask", "1", "_command", "Sum", "a", "1"));
        peer.send(box("_answer", "1", "total", "94"));
        assertEquals(box("_answer", "1", "total", "94"), Await.result(answer));
    }

    @Test
    void tooLongFailsTheCallAtOnceNothingIsSentAndTheTagIsSkipped() throws Exception {
        Box longValue = new Box().put("hello", new byte[65536]);
        CompletableFuture<Box> refused = connection.callRemoteString("x", longValue);
        assertTrue(refused.isCompletedExceptionally(), "failed before the call returned");
        TooLongException value = assertInstanceOf(TooLongException.class, Await.failure(refused));
        assertFalse(value.isKey());
        assertTrue(value.isLocal());
        assertEquals("the value of key 'hello' is 65536 bytes, over AMP's limit of 65535 bytes per value"
                + " (nothing was sent)", value.getMessage());
        Box longKey = new Box().put(new byte[256], new byte[0]);
        TooLongException key = assertInstanceOf(TooLongException.class,
                Await.failure(connection.callRemoteString("x", longKey)));
        assertTrue(key.isKey());
        assertTrue(key.getMessage().contains("256"), key.getMessage());
        peer.expectSilence(100);
        assertTrue(connection.isOpen());

        CompletableFuture<Box> next = connection.callRemoteString("Sum", new Box());
        assertEquals("3", peer.nextBox().getString("_ask"));
        peer.send(box("_answer", "3"));
        assertEquals(box("_answer", "3"), Await.result(next));
    }

    @Test
    void aValueOfExactly65535BytesIsSent() throws Exception {
        byte[] big = new byte[65535];
        big[65534] = 7;
        connection.callRemoteString("Big", new Box().put("v", big));
        assertArrayEquals(big, peer.nextBox().get("v"));
    }

    @Test
    void answersMayArriveOutOfOrder() throws Exception {
        List<CompletableFuture<Total>> calls = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            calls.add(connection.callRemote(SUM, new Operands(i, 0)));
            peer.nextBox();
        }
        peer.send(box("_answer", "3", "total", "300"));
        peer.send(box("_answer", "1", "total", "100"));
        assertEquals(new Total(300), Await.result(calls.get(2)));
        assertEquals(new Total(100), Await.result(calls.get(0)));
        assertFalse(calls.get(1).isDone());
        peer.send(box("_answer", "2", "total", "200"));
        assertEquals(new Total(200), Await.result(calls.get(1)));
    }

    @Test
    void pipelinedAnswersInOneWriteAndAnswersByteByByteBothWork() throws Exception {
        List<CompletableFuture<Box>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(connection.callRemoteString("Ping", new Box()));
        }
        byte[] one = WireBytes.box("_answer", "1", "n", "one");
        byte[] two = WireBytes.box("_answer", "2", "n", "two");
        byte[] both = new byte[one.length + two.length];
        System.arraycopy(one, 0, both, 0, one.length);
        System.arraycopy(two, 0, both, one.length, two.length);
        peer.sendBytes(both);
        assertEquals("one", Await.result(calls.get(0)).getString("n"));
        assertEquals("two", Await.result(calls.get(1)).getString("n"));
        for (byte b : WireBytes.box("_answer", "3", "n", "three")) {
            peer.sendBytes(new byte[] {b});
        }
        assertEquals("three", Await.result(calls.get(2)).getString("n"));
    }

    @Test
    void duplicateKeysOnTheWireKeepTheLastValue() throws Exception {
        CompletableFuture<Box> call = connection.callRemoteString("Ping", new Box());
        peer.sendBytes(WireBytes.box("_answer", "1", "n", "first", "n", "last"));
        assertEquals("last", Await.result(call).getString("n"));
    }

    @Test
    void aDeclaredErrorCodeBecomesTheDeclaredException() throws Exception {
        CompletableFuture<Total> call = connection.callRemote(SUM, new Operands(666, 1));
        peer.nextBox();
        peer.send(box("_error", "1", "_error_code", "OOPS", "_error_description", "bad number 666"));
        OopsException oops = assertInstanceOf(OopsException.class, Await.failure(call));
        assertEquals("bad number 666", oops.getMessage());
        assertTrue(connection.isOpen());
    }

    @Test
    void unhandledBecomesUnhandledCommandExceptionForBothKindsOfCall() throws Exception {
        CompletableFuture<Total> typed = connection.callRemote(SUM, new Operands(1, 2));
        CompletableFuture<Box> raw = connection.callRemoteString("WTF", new Box());
        peer.nextBox();
        peer.nextBox();
        peer.send(box("_error", "1", "_error_code", "UNHANDLED", "_error_description", "Unhandled Command: b'Sum'"));
        peer.send(box("_error", "2", "_error_code", "UNHANDLED", "_error_description", "Unhandled Command: b'WTF'"));
        assertEquals("Unhandled Command: b'Sum'",
                assertInstanceOf(UnhandledCommandException.class, Await.failure(typed)).description());
        assertEquals("Unhandled Command: b'WTF'",
                assertInstanceOf(UnhandledCommandException.class, Await.failure(raw)).description());
        assertTrue(connection.isOpen());
    }

    @Test
    void undeclaredCodesIncludingUnknownBecomeUnknownRemoteErrors() throws Exception {
        CompletableFuture<Total> unknown = connection.callRemote(SUM, new Operands(1, 2));
        CompletableFuture<Total> other = connection.callRemote(SUM, new Operands(1, 2));
        peer.nextBox();
        peer.nextBox();
        peer.send(box("_error", "1", "_error_code", "UNKNOWN", "_error_description", "Unknown Error"));
        peer.send(box("_error", "2", "_error_code", "TLS_ERROR", "_error_description", "TLS not available"));
        UnknownRemoteErrorException first = assertInstanceOf(UnknownRemoteErrorException.class, Await.failure(unknown));
        assertEquals("UNKNOWN", first.code());
        assertEquals("Unknown Error", first.description());
        assertEquals("Code<UNKNOWN>: Unknown Error", first.getMessage());
        UnknownRemoteErrorException second = assertInstanceOf(UnknownRemoteErrorException.class, Await.failure(other));
        assertEquals("TLS_ERROR", second.code());
        assertEquals("TLS not available", second.description());
    }

    @Test
    void callRemoteStringFailsWithTheRawRemoteErrorAndDecodesTheDescriptionWithReplacement() throws Exception {
        CompletableFuture<Box> call = connection.callRemoteString("Sum", new Box());
        peer.nextBox();
        Box error = box("_error", "1", "_error_code", "OOPS");
        error.put("_error_description", new byte[] {'b', 'a', 'd', (byte) 0xff});
        peer.send(error);
        RemoteAmpException raw = assertInstanceOf(RemoteAmpException.class, Await.failure(call));
        assertFalse(raw instanceof UnknownRemoteErrorException);
        assertEquals("OOPS", raw.code());
        assertEquals("bad\ufffd", raw.description());
    }

    @Test
    void anAnswerThatDoesNotDecodeFailsThatCallOnlyAndTheConnectionStays() throws Exception {
        CompletableFuture<Total> bad = connection.callRemote(SUM, new Operands(1, 2));
        peer.nextBox();
        peer.send(box("_answer", "1", "total", "many"));
        assertInstanceOf(BadArgumentException.class, Await.failure(bad));
        CompletableFuture<Total> missing = connection.callRemote(SUM, new Operands(1, 2));
        peer.nextBox();
        peer.send(box("_answer", "2"));
        assertInstanceOf(BadArgumentException.class, Await.failure(missing));
        CompletableFuture<Total> good = connection.callRemote(SUM, new Operands(1, 2));
        peer.nextBox();
        peer.send(box("_answer", "3", "total", "3"));
        assertEquals(new Total(3), Await.result(good));
    }

    @Test
    void anAnswerForAnUnknownTagClosesTheConnectionAndFailsTheOthers() throws Exception {
        expectProtocolClose(box("_answer", "7"));
    }

    @Test
    void anErrorForAnUnknownTagClosesTheConnection() throws Exception {
        expectProtocolClose(box("_error", "7", "_error_code", "X", "_error_description", "y"));
    }

    @Test
    void aTagSpelledDifferentlyIsNotOurs() throws Exception {
        expectProtocolClose(box("_answer", "01"));
    }

    @Test
    void aDuplicateAnswerClosesTheConnection() throws Exception {
        CompletableFuture<Box> first = connection.callRemoteString("Ping", new Box());
        peer.nextBox();
        peer.send(box("_answer", "1"));
        Await.result(first);
        expectProtocolClose(box("_answer", "1"));
    }

    @Test
    void anEmptyBoxClosesTheConnectionWithoutSending() throws Exception {
        expectProtocolClose(new Box());
    }

    @Test
    void aBoxWithoutARoleKeyClosesTheConnectionWithoutSending() throws Exception {
        expectProtocolClose(box("a", "1", "_ask", "5"));
    }

    @Test
    void anErrorWithoutACodeClosesTheConnection() throws Exception {
        expectProtocolClose(box("_error", "1", "_error_description", "no code"));
    }

    /** Sends {@code bad} while a call is outstanding: the connection must close silently. */
    private void expectProtocolClose(Box bad) throws Exception {
        CompletableFuture<Box> outstanding = connection.callRemoteString("Waiting", new Box());
        Box request = peer.nextBox();
        peer.send(bad);
        peer.expectClosedWithoutMore();
        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, Await.failure(outstanding));
        assertInstanceOf(ProtocolException.class, lost.getCause());
        assertFalse(connection.isOpen());
        Await.result(connection.closeFuture());
        assertInstanceOf(ConnectionLostException.class, Await.failure(connection.callRemoteString("Later", new Box())));
        assertTrue(request.containsKey("_ask"));
    }

    @Test
    void aKeyLengthOver255ClosesAndCallsFailWithTheRemoteTooLong() throws Exception {
        // As the first key of a later box.
        expectKeyTooLong(new byte[] {0x01, 0x00});
    }

    @Test
    void aKeyLengthOver255InTheMiddleOfABoxCloses() throws Exception {
        byte[] start = {0, 1, 'k', 0, 1, 'v', 0x01, 0x00};
        expectKeyTooLong(start);
    }

    @Test
    void anHttpRequestIsRefusedOnItsFirstTwoBytes() throws Exception {
        expectKeyTooLong("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void expectKeyTooLong(byte[] bytes) throws Exception {
        CompletableFuture<Box> outstanding = connection.callRemoteString("Waiting", new Box());
        peer.nextBox();
        peer.sendBytes(bytes);
        peer.expectClosedWithoutMore();
        ConnectionLostException lost = assertInstanceOf(ConnectionLostException.class, Await.failure(outstanding));
        TooLongException tooLong = assertInstanceOf(TooLongException.class, lost.getCause());
        assertTrue(tooLong.isKey());
        assertFalse(tooLong.isLocal());
        assertNull(tooLong.keyName());
        assertSame(tooLong, connection.closeCause());
    }

    @Test
    void theFirstBoxMayAlreadyHaveAnOverlongKey() throws Exception {
        peer.sendBytes(new byte[] {0x01, 0x00});
        peer.expectClosedWithoutMore();
        Await.result(connection.closeFuture());
        assertInstanceOf(TooLongException.class, connection.closeCause());
    }

    @Test
    void connectionLossFailsEveryOutstandingCallWithinASecondAndLaterCallsAtOnce() throws Exception {
        List<CompletableFuture<Box>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(connection.callRemoteString("Waiting", new Box()));
        }
        CompletableFuture<Total> typed = connection.callRemote(SUM, new Operands(1, 2));
        for (int i = 0; i < 51; i++) {
            peer.nextBox();
        }
        long start = System.nanoTime();
        peer.close();
        for (CompletableFuture<Box> call : calls) {
            Throwable failed = Await.failure(call, Duration.ofSeconds(1));
            assertInstanceOf(EOFException.class, assertInstanceOf(ConnectionLostException.class, failed).getCause());
        }
        assertInstanceOf(ConnectionLostException.class, Await.failure(typed));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
        Await.result(connection.closeFuture(), Duration.ofSeconds(1));

        CompletableFuture<Total> later = connection.callRemote(SUM, new Operands(1, 2));
        assertTrue(later.isCompletedExceptionally(), "a call after the loss fails at once");
        assertInstanceOf(EOFException.class, assertInstanceOf(ConnectionLostException.class, Await.failure(later)).getCause());
        assertTrue(connection.callRemote(NO_ANSWER, new Operands(1, 2)).isCompletedExceptionally());
        assertTrue(connection.callRemoteString("Later", new Box()).isCompletedExceptionally());
        connection.callRemoteStringNoAnswer("Later", new Box()); // nothing to send, nothing thrown
    }

    @Test
    void closeFailsOutstandingCallsIsIdempotentAndDropsLateAnswers() throws Exception {
        CompletableFuture<Box> call = connection.callRemoteString("Waiting", new Box());
        peer.nextBox();
        connection.close();
        connection.close();
        assertInstanceOf(ConnectionLostException.class, Await.failure(call));
        assertTrue(connection.closeFuture().isDone());
        assertFalse(connection.isOpen());
        peer.expectClosedWithoutMore();
        // The late answer goes nowhere; nothing breaks.
        assertThrows(java.io.IOException.class, () -> peer.send(box("_answer", "1")));
    }

    @Test
    void aDescriptorOnATransportThatCannotCarryOneFailsBeforeAnythingIsSent() throws Exception {
        InMemoryTransport.Pair pair = InMemoryTransport.pair(InMemoryTransport.DEFAULT_CAPACITY, false);
        try (AmpConnection tcpLike = AmpConnection.open(pair.left(), ResponderLocator.NONE);
                RawPeer tcpPeer = new RawPeer(pair.right());
                Descriptor.Pipe pipe = Descriptor.pipe()) {
            Descriptor descriptor = pipe.readEnd();
            CompletableFuture<Void> call = tcpLike.callRemote(TestCommands.SEND_FDS, List.of(descriptor));
            assertTrue(call.isCompletedExceptionally(), "failed before the call returned");
            UnsupportedOperationException refused = assertInstanceOf(UnsupportedOperationException.class,
                    Await.failure(call));
            assertTrue(refused.getMessage().contains("cannot carry file descriptors"), refused.getMessage());
            tcpPeer.expectSilence(100);
            assertTrue(tcpLike.isOpen());
            assertTrue(descriptor.isOpen());
            tcpLike.callRemoteString("Next", new Box());
            assertEquals("1", tcpPeer.nextBox().getString("_ask"), "a refused encoding consumes no tag");
        }
    }
}
