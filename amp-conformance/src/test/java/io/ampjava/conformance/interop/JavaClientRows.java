package io.ampjava.conformance.interop;

import static io.ampjava.testing.WireBytes.ascii;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.ampjava.conformance.commands.Blob;
import io.ampjava.conformance.commands.BlobCommand;
import io.ampjava.conformance.commands.CallbackCommand;
import io.ampjava.conformance.commands.DeclaredFailure;
import io.ampjava.conformance.commands.Delay;
import io.ampjava.conformance.commands.DelayCommand;
import io.ampjava.conformance.commands.DivideCommand;
import io.ampjava.conformance.commands.EchoLarge;
import io.ampjava.conformance.commands.EchoLargeCommand;
import io.ampjava.conformance.commands.EchoTypes;
import io.ampjava.conformance.commands.EchoTypesCommand;
import io.ampjava.conformance.commands.FailCommand;
import io.ampjava.conformance.commands.FatalFailure;
import io.ampjava.conformance.commands.GoodbyeCommand;
import io.ampjava.conformance.commands.LastNotifiedCommand;
import io.ampjava.conformance.commands.NotifyCommand;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.conformance.commands.TooBig;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.testing.Await;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The command table, called from Java with the generated stubs against a peer in another process
 * (the Twisted peer). One test per row of the Twisted client driver, with the same names. A
 * subclass says how to connect; descriptor rows live in the Unix subclass.
 */
@Timeout(60)
abstract class JavaClientRows {
    private final List<AmpConnection> connections = new ArrayList<>();

    /** A new connection to the peer under test, answering the peer's calls with {@code locator}. */
    abstract AmpConnection open(ResponderLocator locator) throws IOException;

    final AmpConnection connect() throws IOException {
        return connect(ResponderLocator.NONE);
    }

    final AmpConnection connect(ResponderLocator locator) throws IOException {
        AmpConnection connection = open(locator);
        connections.add(connection);
        return connection;
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(AmpConnection::close);
        connections.clear();
    }

    static void assertStillServes(AmpConnection connection) throws Exception {
        assertEquals(BigInteger.valueOf(3), Await.result(SumCommand.call(connection, big(1), big(2))).total());
    }

    static void assertClosedSoon(AmpConnection connection) {
        Await.result(connection.closeFuture());
    }

    static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    // ---- Sum and Divide ----------------------------------------------------------------------

    @Test
    void sum() throws Exception {
        AmpConnection connection = connect();
        assertEquals(big(94), Await.result(SumCommand.call(connection, big(13), big(81))).total());
        Box answer = Await.result(connection.callRemoteString("Sum", new Box().put("a", "13").put("b", "81")));
        assertArrayEquals(ascii("94"), answer.get("total"));
    }

    @Test
    void sumHuge() throws Exception {
        AmpConnection connection = connect();
        BigInteger huge = new BigInteger("1".repeat(58) + "2".repeat(58));
        BigInteger[][] cases = {
            {BigInteger.TWO.pow(64), BigInteger.ONE},
            {huge, huge.negate().subtract(BigInteger.ONE)},
            {BigInteger.TWO.pow(200).negate(), BigInteger.TWO.pow(199)},
            {BigInteger.ZERO, big(-1)},
        };
        for (BigInteger[] c : cases) {
            assertEquals(c[0].add(c[1]), Await.result(SumCommand.call(connection, c[0], c[1])).total());
        }
    }

    @Test
    void divide() throws Exception {
        AmpConnection connection = connect();
        Object[][] cases = {
            {7, 2, 3.5}, {1, 3, 1.0 / 3}, {10_000_000_000_000_000L, 1, 1e16}, {1, 100_000, 1e-5},
            {-1, 4, -0.25}, {123_456_789_123L, 1000, 123456789.123}, {0, -5, -0.0}, {2, 1, 2.0},
        };
        for (Object[] c : cases) {
            double result = Await.result(DivideCommand.call(connection, big(((Number) c[0]).longValue()),
                    big(((Number) c[1]).longValue()))).result();
            assertEquals(0, Double.compare((double) c[2], result), c[0] + " / " + c[1] + " answered " + result);
        }
    }

    @Test
    void divideZero() throws Exception {
        AmpConnection connection = connect();
        ArithmeticException error = assertInstanceOf(ArithmeticException.class,
                Await.failure(DivideCommand.call(connection, big(1), big(0))));
        assertEquals("division by zero", error.getMessage());
        RemoteAmpException raw = assertInstanceOf(RemoteAmpException.class,
                Await.failure(connection.callRemoteString("Divide", new Box().put("numerator", "1").put("denominator", "0"))));
        assertEquals("ZERO_DIVISION", raw.code());
        assertEquals("division by zero", raw.description());
        assertStillServes(connection);
    }

    // ---- EchoTypes: the byte vectors of amp-spec.md 3.2 ----------------------------------------

    /** One vector of {@code twisted_client.py --vectors}. */
    record EchoVector(String row, String key, byte[] sent, byte[] answered) {
        boolean canonical() {
            return Arrays.equals(sent, answered);
        }
    }

    static List<EchoVector> echoVectors() {
        PythonTool.Run run = PythonTool.twistedClient().run(List.of("--vectors"));
        assertEquals(0, run.exitCode(), run.commandLine() + " failed:\n" + run.stderr());
        List<EchoVector> vectors = new ArrayList<>();
        for (String line : run.stdout()) {
            Map<String, Object> vector = FlatJson.parse(line);
            vectors.add(new EchoVector((String) vector.get("row"), (String) vector.get("key"),
                    HexFormat.of().parseHex((String) vector.get("sent")),
                    HexFormat.of().parseHex((String) vector.get("answered"))));
        }
        return vectors;
    }

    /**
     * For every vector: Java decodes what Twisted may send; Java encodes a canonical vector exactly as
     * Twisted does; and the value survives a typed round trip through the peer (Java encodes, the peer
     * decodes and re-encodes, Java decodes), ending as the canonical bytes.
     */
    @TestFactory
    Stream<DynamicTest> echoTypesVectors() throws IOException {
        AmpConnection connection = connect();
        List<DynamicTest> tests = new ArrayList<>();
        int index = 0;
        for (EchoVector vector : echoVectors()) {
            String name = vector.row() + "[" + index++ + "] " + preview(vector.sent());
            String undecodable = KnownDifferences.UNDECODABLE_VECTOR_ROWS.get(vector.row());
            if (undecodable != null) {
                tests.add(dynamicTest(name + " (known difference)", () -> {
                    BadArgumentException error = assertThrows(BadArgumentException.class, () -> EchoTypesCommand.COMMAND
                            .arguments().read(new Box().put(vector.key(), vector.sent()), ArgumentContext.NONE));
                    assertTrue(error.getMessage().contains(undecodable), error.getMessage());
                }));
                continue;
            }
            tests.add(dynamicTest(name, () -> {
                EchoTypes arguments = EchoTypesCommand.COMMAND.arguments()
                        .read(new Box().put(vector.key(), vector.sent()), ArgumentContext.NONE);
                if (vector.canonical()) {
                    Box encoded = new Box();
                    EchoTypesCommand.COMMAND.arguments().write(arguments, encoded, ArgumentContext.NONE);
                    assertArrayEquals(vector.answered(), encoded.get(vector.key()), "Java encodes " + vector.key());
                }
                EchoTypes.Echoed echoed = Await.result(connection.callRemote(EchoTypesCommand.COMMAND, arguments));
                Box answer = new Box();
                EchoTypesCommand.COMMAND.response().write(echoed, answer, ArgumentContext.NONE);
                assertArrayEquals(vector.answered(), answer.get(vector.key()), "after the round trip");
                assertEquals(1, answer.size(), "only " + vector.key() + " answered");
            }));
        }
        return tests.stream();
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", ".");
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    @Test
    void echoEmpty() throws Exception {
        AmpConnection connection = connect();
        Box answer = Await.result(connection.callRemoteString("EchoTypes", new Box()));
        assertEquals(1, answer.size(), "only _answer: " + answer);
        EchoTypes none = EchoTypesCommand.COMMAND.arguments().read(new Box(), ArgumentContext.NONE);
        EchoTypes.Echoed echoed = Await.result(connection.callRemote(EchoTypesCommand.COMMAND, none));
        Box encoded = new Box();
        EchoTypesCommand.COMMAND.response().write(echoed, encoded, ArgumentContext.NONE);
        assertTrue(encoded.isEmpty(), "no argument, no answer key: " + encoded);
    }

    // ---- Errors --------------------------------------------------------------------------------

    @Test
    void failDeclared() throws Exception {
        AmpConnection connection = connect();
        DeclaredFailure error = assertInstanceOf(DeclaredFailure.class, Await.failure(FailCommand.call(connection, "declared")));
        assertEquals("declared failure", error.getMessage());
        assertStillServes(connection);
    }

    @Test
    void failFatal() throws Exception {
        AmpConnection connection = connect();
        FatalFailure error = assertInstanceOf(FatalFailure.class, Await.failure(FailCommand.call(connection, "fatal")));
        assertEquals("fatal failure", error.getMessage());
        assertClosedSoon(connection);
        assertInstanceOf(ConnectionLostException.class, Await.failure(SumCommand.call(connection, big(1), big(2))));
    }

    @Test
    void failUndeclared() throws Exception {
        AmpConnection connection = connect();
        UnknownRemoteErrorException error = assertInstanceOf(UnknownRemoteErrorException.class,
                Await.failure(FailCommand.call(connection, "undeclared")));
        assertEquals("UNKNOWN", error.code());
        assertEquals("Unknown Error", error.description());
        assertClosedSoon(connection);
    }

    @Test
    void failOther() throws Exception {
        AmpConnection connection = connect();
        assertNull(Await.result(FailCommand.call(connection, "anything else")));
        assertStillServes(connection);
    }

    @Test
    void unhandled() throws Exception {
        AmpConnection connection = connect();
        Map<String, String> descriptions = Map.of(
                "NoSuchCommand", "Unhandled Command: b'NoSuchCommand'",
                "sum", "Unhandled Command: b'sum'",
                "Don't", "Unhandled Command: b\"Don't\"");
        for (Map.Entry<String, String> entry : descriptions.entrySet()) {
            UnhandledCommandException error = assertInstanceOf(UnhandledCommandException.class,
                    Await.failure(connection.callRemoteString(entry.getKey(), new Box())));
            assertEquals(entry.getValue(), error.description());
        }
        assertStillServes(connection);
    }

    // ---- No answer, out of order, Goodbye, Callback ----------------------------------------------

    @Test
    void notifyAndLastNotified() throws Exception {
        AmpConnection connection = connect();
        assertNull(Await.result(LastNotifiedCommand.call(connection)).value());
        assertNull(Await.result(NotifyCommand.call(connection, big(42))), "a no-answer call completes with null");
        assertEquals(big(42), Await.result(LastNotifiedCommand.call(connection)).value());
        NotifyCommand.call(connection, BigInteger.TWO.pow(80).negate());
        NotifyCommand.call(connection, big(7));
        assertEquals(big(7), Await.result(LastNotifiedCommand.call(connection)).value());
        AmpConnection other = connect();
        assertNull(Await.result(LastNotifiedCommand.call(other)).value(), "Notify's memory is per connection");
    }

    @Test
    void delayOutOfOrder() throws Exception {
        AmpConnection connection = connect();
        ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
        CompletableFuture<?> slow = DelayCommand.call(connection, big(400), big(1)).thenAccept(r -> order.add("slow"));
        CompletableFuture<?> fast = DelayCommand.call(connection, big(0), big(2)).thenAccept(r -> order.add("fast"));
        CompletableFuture<?> sum = SumCommand.call(connection, big(1), big(1)).thenAccept(r -> order.add("sum"));
        Await.result(CompletableFuture.allOf(slow, fast, sum));
        assertEquals("slow", List.copyOf(order).get(2), "answers came in the order " + order);

        ConcurrentLinkedQueue<Integer> tokens = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Delay.Result>> delays = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int token = i;
            delays.add(DelayCommand.call(connection, big((10 - i) * 60L), big(i)).whenComplete((r, e) -> {
                if (r != null && r.token().intValue() == token) {
                    tokens.add(token);
                }
            }));
        }
        Await.result(CompletableFuture.allOf(delays.toArray(CompletableFuture[]::new)));
        assertEquals(List.of(9, 8, 7, 6, 5, 4, 3, 2, 1, 0), List.copyOf(tokens), "each token answered, shortest delay first");
    }

    @Test
    void goodbye() throws Exception {
        AmpConnection connection = connect();
        assertNull(Await.result(GoodbyeCommand.call(connection)));
        assertClosedSoon(connection);
    }

    @Test
    void callback() throws Exception {
        CallbackTarget target = new CallbackTarget();
        AmpConnection connection = connect(new CallbackTargetLocator(target));
        assertEquals(big(42), Await.result(CallbackCommand.call(connection, big(20), big(22))).total());
        assertEquals(List.of(List.of(big(20), big(22))), target.sums, "the peer called our Sum");
        BigInteger large = BigInteger.TWO.pow(100).negate();
        assertEquals(large.add(BigInteger.ONE), Await.result(CallbackCommand.call(connection, large, BigInteger.ONE)).total());
    }

    // ---- Blob ------------------------------------------------------------------------------------

    @Test
    void blob() throws Exception {
        AmpConnection connection = connect();
        for (int size : new int[] {0, 1, 250, 251, 252, 4096, 65535}) {
            Blob.Result result = Await.result(BlobCommand.call(connection, big(size)));
            byte[] expected = new byte[size];
            for (int i = 0; i < size; i++) {
                expected[i] = (byte) (i % 251);
            }
            assertArrayEquals(expected, result.data(), "Blob(" + size + ")");
        }
        TooBig error = assertInstanceOf(TooBig.class, Await.failure(BlobCommand.call(connection, big(65536))));
        assertEquals("size too big", error.getMessage());
        assertStillServes(connection);
    }

    // ---- EchoLarge -------------------------------------------------------------------------------

    @Test
    void echoLarge() throws Exception {
        AmpConnection connection = connect();
        byte[] data = new byte[10 << 20];
        new Random(10).nextBytes(data);
        String text = "\u2603\u20acx\uD83D\uDE00".repeat(300_000);
        EchoLarge.Echoed answer = Await.result(EchoLargeCommand.call(connection, data, text), Duration.ofSeconds(30));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)), answer.digest(),
                "the peer received other bytes");
        assertArrayEquals(data, answer.data());
        assertEquals(text, answer.text());
        assertEquals(0, Await.result(EchoLargeCommand.call(connection, new byte[0], null)).data().length);
        assertStillServes(connection);
    }

    @Test
    void echoLargeRefused() throws Exception {
        AmpConnection connection = connect();
        Box mixed = new Box().put("data", "3").put("data.0", "abc").put("data.1", "def");
        RemoteAmpException error = assertInstanceOf(RemoteAmpException.class,
                Await.failure(connection.callRemoteString("EchoLarge", mixed)));
        assertEquals("UNKNOWN", error.code());
        assertEquals("Unknown Error", error.description());
        assertClosedSoon(connection);
    }
}
