package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.server.AmpServer;
import io.ampjava.testing.Await;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Commands declared in this module, compiled by the real processor during the Maven build, between
 * two runtimes over a real Unix socket and over real TCP: the generated stubs on one side, the
 * generated {@link PeerLocator} on the other.
 */
@Timeout(20)
class EndToEndTest {
    enum Socket { UNIX, TCP }

    private static final OffsetDateTime DATE_TIME = OffsetDateTime.of(9876, 1, 23, 12, 34, 56, 54_321_000, ZoneOffset.ofHoursMinutes(-1, -23));

    @TempDir
    Path directory;

    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final Caller caller = new Caller();
    private AmpServer server;
    private AmpConnection connection;

    private AmpConnection connect(Socket socket) throws IOException {
        if (socket == Socket.UNIX) {
            Path path = directory.resolve("amp.sock");
            server = Amp.listenUnix(path, this::newPeer);
            connection = Amp.connectUnix(path, new CallerLocator(caller));
        } else {
            server = Amp.listenTcp("127.0.0.1", 0, this::newPeer);
            connection = Amp.connectTcp("127.0.0.1", server.port(), new CallerLocator(caller));
        }
        return connection;
    }

    private PeerLocator newPeer() {
        Peer peer = new Peer();
        peers.add(peer);
        return new PeerLocator(peer);
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
        peers.forEach(Peer::close);
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void sumsOfAnySize(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        BigInteger big = BigInteger.TWO.pow(100);
        assertEquals(big.add(BigInteger.ONE), SumCommand.callBlocking(connection, big, BigInteger.ONE).total());
        assertEquals(BigInteger.valueOf(94),
                Await.result(SumCommand.call(connection, BigInteger.valueOf(13), BigInteger.valueOf(81))).total());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void divideAndItsDeclaredError(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        assertEquals(0.5, DivideCommand.callBlocking(connection, 1, 2).result());
        ArithmeticException zero = assertThrows(ArithmeticException.class, () -> DivideCommand.callBlocking(connection, 1, 0));
        assertEquals("division by zero", zero.getMessage());
        assertTrue(connection.isOpen());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void declaredErrorsComeBackAsTheirExceptions(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        DeclaredFailure declared = assertThrows(DeclaredFailure.class, () -> FailCommand.callBlocking(connection, "declared"));
        assertEquals("declared failure", declared.getMessage());
        CheckedFailure checked = assertThrows(CheckedFailure.class, () -> FailCommand.callBlocking(connection, "checked"));
        assertEquals("checked failure", checked.getMessage());
        FailCommand.callBlocking(connection, "fine");
        assertTrue(connection.isOpen(), "a declared, non-fatal error keeps the connection");
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void aFatalErrorClosesTheConnection(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        FatalFailure fatal = assertThrows(FatalFailure.class, () -> FailCommand.callBlocking(connection, "fatal"));
        assertEquals("fatal failure", fatal.getMessage());
        Await.result(connection.closeFuture());
        assertThrows(ConnectionLostException.class,
                () -> SumCommand.callBlocking(connection, BigInteger.ONE, BigInteger.ONE));
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void anUndeclaredExceptionIsUnknownAndCloses(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        UnknownRemoteErrorException unknown = assertThrows(UnknownRemoteErrorException.class,
                () -> FailCommand.callBlocking(connection, "undeclared"));
        assertEquals("UNKNOWN", unknown.code());
        assertEquals("Unknown Error", unknown.description());
        Await.result(connection.closeFuture());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void aCommandNobodyAnswersIsUnhandled(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        UnhandledCommandException unhandled = assertThrows(UnhandledCommandException.class,
                () -> UnansweredCommand.callBlocking(connection));
        assertEquals("Unhandled Command: b'Unanswered'", unhandled.description());
        assertTrue(connection.isOpen());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void aNotificationAsksForNoAnswer(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        assertNull(LastNotifiedCommand.callBlocking(connection).value(), "absent until a Notify");
        assertNull(Await.result(NotifyCommand.call(connection, 7)), "completes once queued");
        // Requests are answered in order, so the Notify is in when LastNotified is answered.
        assertEquals(7L, LastNotifiedCommand.callBlocking(connection).value());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void slowAnswersDoNotHoldUpOthers(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        CompletableFuture<Delay.Done> slow = DelayCommand.call(connection, 2_000, 1);
        assertEquals(2, Await.result(DelayCommand.call(connection, 0, 2)).token());
        assertFalse(slow.isDone(), "the later call was answered first");
        assertEquals(1, Await.result(slow).token());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void callBlockingWithATimeoutGivesUpOnASlowAnswer(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        assertEquals(2, DelayCommand.callBlocking(connection, Duration.ofSeconds(5), 0, 2).token());
        CallTimeoutException late = assertThrows(CallTimeoutException.class,
                () -> DelayCommand.callBlocking(connection, Duration.ofMillis(100), 2_000, 1));
        assertEquals("no answer to Delay within 100 ms on " + connection.describe(), late.getMessage());
        assertEquals("Delay", late.command());
        assertEquals(Duration.ofMillis(100), late.waited());
        CheckedFailure checked = assertThrows(CheckedFailure.class,
                () -> FailCommand.callBlocking(connection, Duration.ofSeconds(5), "checked"));
        assertEquals("checked failure", checked.getMessage());
        assertTrue(connection.isOpen(), "a call given up leaves the connection as it was");
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void goodbyeAnswersThenCloses(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        GoodbyeCommand.callBlocking(connection);
        Await.result(connection.closeFuture());
        assertFalse(connection.isOpen());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void aResponderCallsBackOnTheSameConnection(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        assertEquals(BigInteger.valueOf(7),
                CallbackCommand.callBlocking(connection, BigInteger.valueOf(3), BigInteger.valueOf(4)).total());
        assertEquals(1, caller.sums.get());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void bytesUpToTheValueLimit(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        byte[] data = BlobCommand.callBlocking(connection, 65535).data();
        assertEquals(65535, data.length);
        for (int i = 0; i < data.length; i++) {
            assertEquals((byte) (i % 251), data[i], "byte " + i);
        }
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> BlobCommand.callBlocking(connection, 65536));
        assertEquals("size too big", tooBig.getMessage());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void everyTypeEchoes(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        Echo.Echoed echoed = EchoCommand.callBlocking(connection,
                -5L,
                new byte[] {0, (byte) 0xff},
                "☃ and 😀",
                true,
                1e16,
                AmpDecimal.negativeZero(),
                DATE_TIME,
                Path.of("/tmp/x y"),
                List.of(1L, -20L, 500L),
                List.of("☃", "Hello"),
                List.of(new BigDecimal("1.10"), new BigDecimal("1E+2")),
                List.of(DATE_TIME),
                List.of(EchoCommand.item(7, "hello"), EchoCommand.item(9, null)),
                List.of(EchoCommand.tree("root", List.of(EchoCommand.leaf(1), EchoCommand.leaf(2))),
                        EchoCommand.tree("empty", List.of())));
        assertEquals(-5L, echoed.integer());
        assertArrayEquals(new byte[] {0, (byte) 0xff}, echoed.string());
        assertEquals("☃ and 😀", echoed.unicode());
        assertEquals(true, echoed.bool());
        assertEquals(1e16, echoed.floating());
        assertEquals(AmpDecimal.negativeZero(), echoed.decimal());
        assertEquals(DATE_TIME, echoed.datetime());
        assertEquals(List.of(new BigDecimal("1.10"), new BigDecimal("1E+2")), echoed.decimals());
        assertEquals(List.of(DATE_TIME), echoed.datetimes());
        assertEquals(Path.of("/tmp/x y"), echoed.filePath());
        assertEquals(List.of(1L, -20L, 500L), echoed.integers());
        assertEquals(List.of("☃", "Hello"), echoed.unicodes());
        assertEquals(List.of(EchoCommand.item(7, "hello"), EchoCommand.item(9, null)), echoed.items());
        assertEquals("root", echoed.nested().get(0).name());
        assertEquals(List.of(EchoCommand.leaf(1), EchoCommand.leaf(2)), echoed.nested().get(0).children());
        assertEquals(List.of(), echoed.nested().get(1).children());

        Echo.Echoed nothing = EchoCommand.callBlocking(connection,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertNull(nothing.integer());
        assertNull(nothing.items());
    }

    @Test
    void aRequiredNullFailsTheCallAndSendsNothing() throws Exception {
        AmpConnection connection = connect(Socket.TCP);
        assertEquals("required argument 'b' is null", assertInstanceOf(NullPointerException.class,
                Await.failure(SumCommand.call(connection, BigInteger.ONE, null))).getMessage());
        NullPointerException thrown = assertThrows(NullPointerException.class,
                () -> SumCommand.callBlocking(connection, null, BigInteger.ONE));
        assertEquals("required argument 'a' is null", thrown.getMessage());
        assertInstanceOf(NullPointerException.class, Await.failure(EchoCommand.call(connection, null, null, null, null,
                null, null, null, null, Arrays.asList(1L, null), null, null, null, null, null)), "a list that holds null");
        assertEquals(BigInteger.TWO, SumCommand.callBlocking(connection, BigInteger.ONE, BigInteger.ONE).total());
    }

    @Test
    void descriptorsTravelBothWaysOverUnixSockets() throws Exception {
        AmpConnection connection = connect(Socket.UNIX);
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            assertEquals(5, WriteDescriptorCommand.callBlocking(connection, pipe.writeEnd(), "hello".getBytes(StandardCharsets.US_ASCII)).written());
            pipe.writeEnd().close();
            assertEquals("hello", new String(pipe.readEnd().readAll(), StandardCharsets.US_ASCII));
        }
        Path file = Files.writeString(directory.resolve("file.txt"), "contents");
        try (Descriptor received = OpenDescriptorCommand.callBlocking(connection, file).fd()) {
            assertEquals("contents", new String(received.readAll(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void descriptorsCannotTravelOverTcp() throws Exception {
        AmpConnection connection = connect(Socket.TCP);
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            Throwable refused = Await.failure(WriteDescriptorCommand.call(connection, pipe.writeEnd(), new byte[0]));
            assertInstanceOf(UnsupportedOperationException.class, refused);
            assertTrue(refused.getMessage().contains("cannot carry file descriptors"), refused.getMessage());
        }
        assertTrue(connection.isOpen());
    }
}
