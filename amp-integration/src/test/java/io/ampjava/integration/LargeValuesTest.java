package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.RemoteAmpException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.server.AmpServer;
import io.ampjava.server.ServerOptions;
import io.ampjava.testing.Await;
import io.ampjava.types.LargeValueException;
import io.ampjava.wire.Box;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code @Argument(large = true)} between two runtimes over real sockets: 10 MiB each way, and every
 * limit a receiver puts on what it reassembles, with the connection usable after each refusal.
 */
@Timeout(60)
class LargeValuesTest {
    enum Socket { UNIX, TCP }

    private static final int TEN_MIB = 10 << 20;

    @TempDir
    Path directory;

    private AmpServer server;
    private AmpConnection connection;

    private AmpConnection connect(Socket socket, ConnectionOptions serverOptions, ConnectionOptions clientOptions)
            throws IOException {
        ServerOptions options = ServerOptions.builder().connectionOptions(serverOptions).build();
        if (socket == Socket.UNIX) {
            Path path = directory.resolve("amp.sock");
            server = Amp.listenUnix(path, () -> new MirrorsLocator(new Mirrors()), options);
            connection = Amp.connectUnix(path, ResponderLocator.NONE, clientOptions);
        } else {
            server = Amp.listenTcp("127.0.0.1", 0, () -> new MirrorsLocator(new Mirrors()), options);
            connection = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE, clientOptions);
        }
        return connection;
    }

    private AmpConnection connect(Socket socket) throws IOException {
        return connect(socket, ConnectionOptions.serverDefaults(), ConnectionOptions.defaults());
    }

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void tenMebibytesEachWay(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        byte[] data = random(TEN_MIB, 1);
        String text = "\u2603\u20acx\uD83D\uDE00".repeat(500_000); // 4.5 MB of UTF-8, chunks cut inside characters
        Mirror.Mirrored answer = MirrorCommand.callBlocking(connection, data, text, 1);
        assertEquals(Mirrors.sha256(data), answer.digest(), "what the responder received");
        assertArrayEquals(data, answer.data(), "what came back");
        assertEquals(text, answer.text());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void emptyAndAbsentValuesStaySo(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        Mirror.Mirrored answer = MirrorCommand.callBlocking(connection, new byte[0], null, 1);
        assertArrayEquals(new byte[0], answer.data());
        assertNull(answer.text());
    }

    @Test
    void aValueOverTheSendersOwnLimitIsNotSent() throws Exception {
        AmpConnection connection = connect(Socket.TCP, ConnectionOptions.serverDefaults(),
                ConnectionOptions.builder().maxLargeValueBytes(1 << 20).build());
        LargeValueException refused = assertInstanceOf(LargeValueException.class,
                Await.failure(MirrorCommand.call(connection, new byte[(1 << 20) + 1], null, 1)));
        assertEquals("large value 'data' is 1048577 bytes, over this connection's limit of 1048576"
                + " (ConnectionOptions.maxLargeValueBytes); nothing was sent", refused.getMessage());
        assertEquals(1 << 20, MirrorCommand.callBlocking(connection, new byte[1 << 20], null, 1).data().length);
    }

    @Test
    void aResponderRefusesAValueOverItsLimitAndKeepsTheConnection() throws Exception {
        AmpConnection connection = connect(Socket.UNIX, ConnectionOptions.serverDefaults().toBuilder()
                .maxLargeValueBytes(1 << 20).build(), ConnectionOptions.defaults());
        UnknownRemoteErrorException refused = assertThrows(UnknownRemoteErrorException.class,
                () -> MirrorCommand.callBlocking(connection, new byte[2 << 20], null, 1));
        assertEquals("UNKNOWN", refused.code());
        assertEquals("large value 'data' claims 2097152 bytes, over this connection's limit of 1048576"
                + " (ConnectionOptions.maxLargeValueBytes)", refused.description());
        assertTrue(connection.isOpen());
        assertEquals(5, MirrorCommand.callBlocking(connection, new byte[5], "ok", 1).data().length);
    }

    @Test
    void anAnswerOverTheCallersLimitFailsThatCallOnly() throws Exception {
        AmpConnection connection = connect(Socket.TCP, ConnectionOptions.serverDefaults(),
                ConnectionOptions.builder().maxLargeValueBytes(1 << 20).build());
        LargeValueException refused = assertInstanceOf(LargeValueException.class,
                Await.failure(MirrorCommand.call(connection, new byte[1 << 19], null, 3)));
        assertEquals("large value 'data' claims 1572864 bytes, over this connection's limit of 1048576"
                + " (ConnectionOptions.maxLargeValueBytes)", refused.getMessage());
        assertTrue(connection.isOpen());
        assertEquals(10, MirrorCommand.callBlocking(connection, new byte[5], null, 2).data().length);
    }

    @Test
    void anAnswerOverTheRespondersOwnLimitIsReportedNotSent() throws Exception {
        AmpConnection connection = connect(Socket.TCP, ConnectionOptions.serverDefaults().toBuilder()
                .maxLargeValueBytes(1 << 20).build(), ConnectionOptions.defaults());
        UnknownRemoteErrorException refused = assertThrows(UnknownRemoteErrorException.class,
                () -> MirrorCommand.callBlocking(connection, new byte[1 << 19], null, 3));
        assertEquals("the answer to Mirror cannot be sent: large value 'data' is 1572864 bytes, over this"
                + " connection's limit of 1048576 (ConnectionOptions.maxLargeValueBytes); nothing was sent",
                refused.description());
        assertTrue(connection.isOpen());
    }

    @ParameterizedTest
    @EnumSource(Socket.class)
    void aPeerThatBreaksTheSchemeGetsAnErrorThatSaysHowAndTheConnectionGoesOn(Socket socket) throws Exception {
        AmpConnection connection = connect(socket);
        Box claims = request().put("data", "104857600");
        assertEquals("large value 'data' claims 104857600 bytes, over this connection's limit of 16777216"
                + " (ConnectionOptions.maxLargeValueBytes)", refusal(connection, claims));

        Box outOfOrder = request().put("data", "70000").put("data.0", new byte[4465]).put("data.1", new byte[65_535]);
        assertEquals("large value 'data' has 4465 bytes in chunk 0 of 2 where 65535 belong: chunks out of order,"
                + " or cut", refusal(connection, outOfOrder));

        Box mixed = request().put("data", "3").put("data.0", "abc").put("data.1", "def");
        assertEquals("large value 'data' has the key b'data.1', which is not one of its 1 chunk keys (data.0):"
                + " chunk keys of another value mixed in", refusal(connection, mixed));

        Box missing = request().put("data", "70000").put("data.1", new byte[4465]);
        assertEquals("large value 'data' claims 70000 bytes in 2 chunks, but chunk 0 (b'data.0') is missing",
                refusal(connection, missing));

        assertTrue(connection.isOpen());
        assertArrayEquals(new byte[] {1, 2, 3}, MirrorCommand.callBlocking(connection, new byte[] {1, 2, 3}, null, 1).data());
    }

    /** The other arguments of a Mirror request, for boxes made by hand. */
    private static Box request() {
        return new Box().put("times", "1");
    }

    private static String refusal(AmpConnection connection, Box request) {
        Throwable failure = Await.failure(connection.callRemoteString("Mirror", request));
        RemoteAmpException error = assertInstanceOf(RemoteAmpException.class, failure);
        assertEquals("UNKNOWN", error.code());
        return error.description();
    }

    private static byte[] random(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
