package io.ampjava.transport;

import io.ampjava.server.AmpServer;
import static io.ampjava.transport.SocketCommands.OPEN_PIPE;
import static io.ampjava.transport.SocketCommands.WRITE_EACH;
import static io.ampjava.transport.SocketCommands.WRITE_INTO;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.types.Descriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Descriptor arguments through whole AMP connections over a real Unix socket: in requests and in
 * answers, from the client and from the server, several in one box, and a thousand in a row.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnixConnectionTest {
    @TempDir
    Path dir;

    private AmpServer server;
    private AmpConnection client;

    @BeforeEach
    void connect() throws Exception {
        server = Amp.listenUnix(dir.resolve("amp.sock"), SocketCommands::service);
        client = Amp.connectUnix(dir.resolve("amp.sock"), SocketCommands.service());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void aPipeEndInARequestIsUsableByTheResponder() throws Exception {
        try (Descriptor.Pipe pipe = Descriptor.pipe()) {
            Await.result(client.callRemote(WRITE_INTO,
                    new SocketCommands.WriteIntoArguments(pipe.writeEnd(), "written by the server ☃")));
            pipe.writeEnd().close(); // ours; the server closed its copy
            assertEquals("written by the server ☃", new String(pipe.readEnd().readAll(), UTF_8));
        }
    }

    @Test
    void aDescriptorInAnAnswerReachesTheCaller() throws Exception {
        try (Descriptor readEnd = Await.result(client.callRemote(OPEN_PIPE, "filled by the server"))) {
            assertEquals("filled by the server", new String(readEnd.readAll(), UTF_8));
        }
    }

    @Test
    void theServerPassesDescriptorsToTheClientToo() throws Exception {
        AmpConnection serverSide = onlyServerConnection();
        Path file = dir.resolve("from-client.txt");
        try (Descriptor out = Descriptor.openForWriting(file)) {
            Await.result(serverSide.callRemote(WRITE_INTO, new SocketCommands.WriteIntoArguments(out, "the client wrote this")));
        }
        assertEquals("the client wrote this", Files.readString(file));
        try (Descriptor readEnd = Await.result(serverSide.callRemote(OPEN_PIPE, "client's pipe"))) {
            assertEquals("client's pipe", new String(readEnd.readAll(), UTF_8));
        }
    }

    @Test
    void severalDescriptorsInOneBoxKeepTheirPlaces() throws Exception {
        Path fileB = dir.resolve("b.txt");
        try (Descriptor.Pipe a = Descriptor.pipe(); Descriptor b = Descriptor.openForWriting(fileB); Descriptor.Pipe c = Descriptor.pipe()) {
            Await.result(client.callRemote(WRITE_EACH, List.of(a.writeEnd(), b, c.writeEnd())));
            a.writeEnd().close();
            c.writeEnd().close();
            assertEquals("a", new String(a.readEnd().readAll(), UTF_8));
            assertEquals("b", Files.readString(fileB));
            assertEquals("c", new String(c.readEnd().readAll(), UTF_8));
        }
    }

    @Test
    void aThousandCallsWithADescriptorEachLeaveNothingOpen() throws Exception {
        aPipeEndInARequestIsUsableByTheResponder(); // everything lazily loaded is loaded now
        aDescriptorInAnAnswerReachesTheCaller();
        // A sender closes its duplicate right after the sendmsg that carries it, which may be a moment
        // after the receiver has read the box: such a duplicate in the snapshot just disappears later.
        DescriptorSnapshot before = DescriptorSnapshot.take();
        for (int i = 0; i < 1_000; i++) {
            if (i % 2 == 0) {
                try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                    Await.result(client.callRemote(WRITE_INTO, new SocketCommands.WriteIntoArguments(pipe.writeEnd(), "#" + i)));
                    pipe.writeEnd().close();
                    assertEquals("#" + i, new String(pipe.readEnd().readAll(), UTF_8));
                }
            } else {
                try (Descriptor readEnd = Await.result(client.callRemote(OPEN_PIPE, "#" + i))) {
                    assertEquals("#" + i, new String(readEnd.readAll(), UTF_8));
                }
            }
        }
        before.assertNoNewDescriptors();
    }

    @Test
    void closingBothEndsReleasesEveryDescriptor() throws Exception {
        aDescriptorInAnAnswerReachesTheCaller();
        client.close();
        server.close();
        Await.result(client.closeFuture(), Duration.ofSeconds(1));
        DescriptorSnapshot before = DescriptorSnapshot.take();
        AmpServer another = Amp.listenUnix(dir.resolve("again.sock"), SocketCommands::service);
        AmpConnection again = Amp.connectUnix(dir.resolve("again.sock"), SocketCommands.service());
        try (Descriptor readEnd = Await.result(again.callRemote(OPEN_PIPE, "x"))) {
            assertEquals("x", new String(readEnd.readAll(), UTF_8));
        }
        again.close();
        another.close();
        Await.result(again.closeFuture(), Duration.ofSeconds(1));
        before.assertNoNewDescriptors();
        assertTrue(Files.notExists(dir.resolve("again.sock")));
    }

    private AmpConnection onlyServerConnection() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.connections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, server.connections().size());
        return server.connections().get(0);
    }
}
