package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ProtocolChannel;
import io.ampjava.dispatch.ProtocolSwitchedException;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.dispatch.SwitchedProtocol;
import io.ampjava.testing.Await;
import io.ampjava.testing.TwistedProcess;
import io.ampjava.server.AmpServer;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SwitchToEcho}, declared with {@code @AmpCommand(switchesProtocol = true)} and compiled by the
 * processor, over real TCP: between two runtimes, and with real Twisted's
 * {@code ProtocolSwitchCommand} on the other side in both directions ({@code twisted_switch_peer.py}).
 */
@Timeout(60)
class ProtocolSwitchTest {
    /** The requester's new protocol: keeps what comes back, closes once {@code expected} bytes came. */
    static final class Collector implements SwitchedProtocol {
        final CompletableFuture<String> received = new CompletableFuture<>();
        final CompletableFuture<Throwable> lost = new CompletableFuture<>();
        private final int expected;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private ProtocolChannel channel;

        Collector(int expected) {
            this.expected = expected;
        }

        void send(String text) {
            channel.write(text.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void connectionMade(ProtocolChannel channel) {
            this.channel = channel;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            bytes.writeBytes(chunk);
            if (bytes.size() >= expected) {
                received.complete(bytes.toString(StandardCharsets.US_ASCII));
                channel.close();
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.complete(cause);
        }
    }

    private static BigInteger sum(AmpConnection connection, long a, long b) throws Exception {
        return Await.result(SumCommand.call(connection, BigInteger.valueOf(a), BigInteger.valueOf(b))).total();
    }

    @Test
    void twoRuntimesSwitchThroughTheGeneratedApi() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> new SwitchboardLocator(new Switchboard()));
                AmpConnection connection = Amp.connectTcp("127.0.0.1", server.port(), ResponderLocator.NONE)) {
            SwitchRefused refused = assertInstanceOf(SwitchRefused.class,
                    Await.failure(SwitchToEchoCommand.call(connection, "refuse", new Collector(1))));
            assertEquals("not now", refused.getMessage());
            assertEquals(BigInteger.valueOf(3), sum(connection, 1, 2), "a refused switch leaves AMP working");

            Collector collector = new Collector("ECHO:hello java".length());
            assertSame(collector, SwitchToEchoCommand.callBlocking(connection, "echo", collector));
            assertInstanceOf(ProtocolSwitchedException.class,
                    Await.failure(SumCommand.call(connection, BigInteger.ONE, BigInteger.ONE)));
            collector.send("hello java");
            assertEquals("ECHO:hello java", Await.result(collector.received));
            Await.result(collector.lost); // it closed the connection once the echo came
            Await.result(connection.closeFuture());
        }
    }

    @Test
    void javaSwitchesAConnectionToTwisted() throws Exception {
        try (TwistedProcess twisted = TwistedProcess.start(ProtocolSwitchTest.class, "twisted_switch_peer.py", "serve")) {
            String ready = twisted.nextLine();
            assertTrue(ready.startsWith("READY "), ready);
            try (AmpConnection connection = Amp.connectTcp("127.0.0.1", Integer.parseInt(ready.substring(6)),
                    ResponderLocator.NONE)) {
                assertEquals(BigInteger.valueOf(3), sum(connection, 1, 2));
                SwitchRefused refused = assertInstanceOf(SwitchRefused.class,
                        Await.failure(SwitchToEchoCommand.call(connection, "refuse", new Collector(1))));
                assertEquals("not now", refused.getMessage());
                assertEquals(BigInteger.valueOf(7), sum(connection, 3, 4), "Twisted refused; AMP goes on");

                Collector collector = Await.result(SwitchToEchoCommand.call(connection, "echo",
                        new Collector("ECHO:hello from java".length())));
                assertInstanceOf(ProtocolSwitchedException.class,
                        Await.failure(SumCommand.call(connection, BigInteger.ONE, BigInteger.ONE)));
                collector.send("hello from java");
                assertEquals("ECHO:hello from java", Await.result(collector.received), "Twisted's echo protocol answered");
            }
        }
    }

    @Test
    void twistedSwitchesAConnectionToJava() throws Exception {
        try (AmpServer server = Amp.listenTcp("127.0.0.1", 0, () -> new SwitchboardLocator(new Switchboard()));
                TwistedProcess twisted = TwistedProcess.start(ProtocolSwitchTest.class, "twisted_switch_peer.py", "connect",
                        Integer.toString(server.port()))) {
            assertEquals("SUM 3", twisted.nextLine());
            assertEquals("REFUSED not now", twisted.nextLine());
            assertEquals("SUM 7", twisted.nextLine(), "we refused; AMP goes on");
            assertEquals("SWITCHED", twisted.nextLine());
            assertEquals("LOCKED", twisted.nextLine(), "Twisted itself refuses boxes after the switch");
            assertEquals("ECHOED ECHO:hello twisted", twisted.nextLine(), "our echo protocol answered");
            assertEquals(0, twisted.awaitExit());
        }
    }
}
