package io.ampjava.dispatch;

import static io.ampjava.dispatch.TestCommands.GET_FDS;
import static io.ampjava.dispatch.TestCommands.SEND_FDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.testing.Await;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.server.AmpServer;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dispatcher over a real Unix socket: pipes and files cross in both directions on one
 * connection, several per box, hundreds of calls without a leaked fd, and a killed peer fails every
 * outstanding call within a second.
 */
@SuppressWarnings("try") // the server stays open for the test's duration
@Timeout(60)
class UnixSocketDescriptorTest {
    private static final long SECONDS = 5;

    @TempDir
    Path directory;

    /** SendFds writes "hello" into each fd it gets; GetFds answers a file's fd and pipe read ends. */
    private TestCommands.MapLocator locator(Path file) {
        return new TestCommands.MapLocator()
                .with(SEND_FDS, (fds, connection) -> {
                    for (Descriptor descriptor : fds) {
                        try (descriptor) {
                            descriptor.write("hello".getBytes(StandardCharsets.US_ASCII));
                        }
                    }
                    return null;
                })
                .with(GET_FDS.name(), (request, connection) -> {
                    long count = TestCommands.readLong(request, "count");
                    List<Descriptor> answer = new ArrayList<>();
                    Box box = new Box();
                    try {
                        answer.add(Descriptor.openForReading(file));
                        for (int i = 1; i < count; i++) {
                            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                                pipe.writeEnd().write(("pipe " + i).getBytes(StandardCharsets.US_ASCII));
                                answer.add(pipe.readEnd().duplicate());
                            }
                        }
                        GET_FDS.response().write(answer, box, connection.argumentContext());
                    } finally {
                        answer.forEach(Descriptor::close); // the connection sends its own duplicates
                    }
                    return CompletableFuture.completedFuture(box);
                });
    }

    private static void roundTrip(AmpConnection client, int round) throws Exception {
        int count = 1 + round % 3;
        List<Descriptor> received = Await.result(client.callRemote(GET_FDS, (long) count));
        assertEquals(count, received.size());
        try (Descriptor file = received.get(0)) {
            assertEquals("file contents", new String(file.readAll(), StandardCharsets.US_ASCII));
        }
        for (int i = 1; i < count; i++) {
            try (Descriptor pipe = received.get(i)) {
                assertEquals("pipe " + i, new String(pipe.readAll(), StandardCharsets.US_ASCII));
            }
        }
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        try {
            List<Descriptor> writeEnds = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Descriptor.Pipe pipe = Descriptor.pipe();
                pipes.add(pipe);
                writeEnds.add(pipe.writeEnd());
            }
            Await.result(client.callRemote(SEND_FDS, writeEnds));
            for (Descriptor.Pipe pipe : pipes) {
                pipe.writeEnd().close();
                assertEquals("hello", new String(pipe.readEnd().readAll(), StandardCharsets.US_ASCII));
            }
        } finally {
            pipes.forEach(Descriptor.Pipe::close);
        }
    }

    @Test
    void pipesAndFilesCrossBothWaysManyTimesWithoutALeak() throws Exception {
        Path file = Files.writeString(directory.resolve("data"), "file contents");
        try (AmpServer server = Amp.listenUnix(directory.resolve("amp.sock"), () -> locator(file));
                AmpConnection client = Amp.connectUnix(directory.resolve("amp.sock"), ResponderLocator.NONE)) {
            roundTrip(client, 0); // warm-up: classes, lazily opened jars
            DescriptorSnapshot before = DescriptorSnapshot.take();
            for (int round = 1; round <= 200; round++) { // transport tests do the 1,000-call run
                roundTrip(client, round);
            }
            before.assertNoNewDescriptors(DescriptorTest.CLOSING);
        }
    }

    @Test
    void killingThePeerFailsEveryOutstandingCallWithinASecond() throws Exception {
        CompletableFuture<Box> never = new CompletableFuture<>();
        TestCommands.MapLocator locator = new TestCommands.MapLocator().with("Never", (request, connection) -> never);
        try (AmpServer server = Amp.listenUnix(directory.resolve("kill.sock"), () -> locator);
                AmpConnection client = Amp.connectUnix(directory.resolve("kill.sock"), ResponderLocator.NONE)) {
            List<CompletableFuture<Box>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(client.callRemoteString("Never", new Box()));
            }
            Thread.sleep(100); // let the requests arrive
            long start = System.nanoTime();
            server.close(); // closes the listening socket and every connection it serves
            for (CompletableFuture<Box> call : calls) {
                assertInstanceOf(ConnectionLostException.class, Await.failure(call, Duration.ofSeconds(1)));
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(1));
            Await.result(client.closeFuture(), Duration.ofSeconds(1));
        }
    }
}
