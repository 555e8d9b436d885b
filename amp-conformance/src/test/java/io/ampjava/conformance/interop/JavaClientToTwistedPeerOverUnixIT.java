package io.ampjava.conformance.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.Amp;
import io.ampjava.conformance.commands.OpenDescriptor;
import io.ampjava.conformance.commands.OpenDescriptorCommand;
import io.ampjava.conformance.commands.SumCommand;
import io.ampjava.conformance.commands.WriteDescriptor;
import io.ampjava.conformance.commands.WriteDescriptorCommand;
import io.ampjava.conformance.interop.ConformancePeerProcess.Implementation;
import io.ampjava.conformance.interop.ConformancePeerProcess.Transport;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.Await;
import io.ampjava.testing.TwistedPython;
import io.ampjava.transport.unix.UnixTransport;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Java client to the Twisted peer over a Unix socket: every row, descriptors both ways included. */
class JavaClientToTwistedPeerOverUnixIT extends JavaClientRows {
    @TempDir
    static Path sockets;

    @TempDir
    Path files;

    private static ConformancePeerProcess peer;

    @BeforeAll
    static void startPeer() {
        TwistedPython.require(TwistedPython.Need.TWISTED);
        peer = ConformancePeerProcess.start(Implementation.TWISTED, Transport.UNIX, sockets);
    }

    @AfterAll
    static void stopPeer() {
        if (peer != null) {
            try {
                peer.assertAlive();
            } finally {
                peer.close();
            }
        }
    }

    @Override
    AmpConnection open(ResponderLocator locator) throws IOException {
        return Amp.connectUnix(peer.unixPath(), locator);
    }


    @Test
    void writeDescriptor() throws Exception {
        AmpConnection connection = connect();
        byte[] large = new byte[25_600];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) i;
        }
        for (byte[] data : List.of("through a pipe".getBytes(StandardCharsets.US_ASCII), new byte[0], large)) {
            try (Descriptor.Pipe pipe = Descriptor.pipe()) {
                WriteDescriptor.Result result = Await.result(WriteDescriptorCommand.call(connection, pipe.writeEnd(), data));
                pipe.writeEnd().close();
                assertEquals(data.length, result.written());
                // End of file only once every copy of the write end is closed, the peer's included.
                assertArrayEquals(data, pipe.readEnd().readAll());
            }
        }
        assertStillServes(connection);
    }

    @Test
    void openDescriptor() throws Exception {
        AmpConnection connection = connect();
        for (int i = 0; i < 3; i++) {
            Path file = Files.writeString(files.resolve("file " + i + " \u2603"), "descriptor " + i);
            OpenDescriptor.Result result = Await.result(OpenDescriptorCommand.call(connection, file));
            try (Descriptor fd = result.fd()) {
                assertEquals("descriptor " + i, new String(fd.readAll(), StandardCharsets.UTF_8));
            }
        }
        assertStillServes(connection);
    }

    @Test
    void descriptorsBothWays() throws Exception {
        AmpConnection connection = connect();
        Path file = Files.writeString(files.resolve("opened"), "opened");
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        try {
            pipes.add(Descriptor.pipe());
            pipes.add(Descriptor.pipe());
            CompletableFuture<WriteDescriptor.Result> first =
                    WriteDescriptorCommand.call(connection, pipes.get(0).writeEnd(), "first".getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<OpenDescriptor.Result> opened = OpenDescriptorCommand.call(connection, file);
            CompletableFuture<WriteDescriptor.Result> second =
                    WriteDescriptorCommand.call(connection, pipes.get(1).writeEnd(), "second".getBytes(StandardCharsets.US_ASCII));
            assertEquals(5, Await.result(first).written());
            assertEquals(6, Await.result(second).written());
            for (Descriptor.Pipe pipe : pipes) {
                pipe.writeEnd().close();
            }
            assertEquals("first", new String(pipes.get(0).readEnd().readAll(), StandardCharsets.US_ASCII));
            assertEquals("second", new String(pipes.get(1).readEnd().readAll(), StandardCharsets.US_ASCII));
            try (Descriptor fd = Await.result(opened).fd()) {
                assertEquals("opened", new String(fd.readAll(), StandardCharsets.US_ASCII));
            }
        } finally {
            pipes.forEach(Descriptor.Pipe::close);
        }
    }

    @Test
    void fortyDescriptorsInOneMessageAheadOfTheirBoxes() throws Exception {
        int count = 40;
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        try (UnixTransport raw = UnixTransport.connect(peer.unixPath())) {
            byte[][] frames = new byte[count][];
            int[] fds = new int[count];
            for (int i = 0; i < count; i++) {
                pipes.add(Descriptor.pipe());
                fds[i] = pipes.get(i).writeEnd().fd();
                frames[i] = BoxEncoder.encode(new Box().put("_ask", String.valueOf(i + 1)).put("_command", "WriteDescriptor")
                        .put("fd", String.valueOf(i)).put("data", "pipe " + i));
            }
            // One sendmsg: every descriptor rides on the first byte, before the boxes that name them.
            raw.writeFramesWithDescriptors(frames, 0, count, fds, 0, count);
            for (int i = 0; i < count; i++) {
                pipes.get(i).writeEnd().close();
                assertEquals("pipe " + i, new String(pipes.get(i).readEnd().readAll(), StandardCharsets.US_ASCII));
            }
        } finally {
            pipes.forEach(Descriptor.Pipe::close);
        }
        peer.assertAlive();
    }

    @Test
    void descriptorCallsMadeWhileAnAnswerIsDispatchedLeaveTogether() throws Exception {
        AmpConnection connection = connect();
        int count = 40;
        List<Descriptor.Pipe> pipes = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                pipes.add(Descriptor.pipe());
            }
            // Made on the reader thread, the calls are flushed once the answer has been dispatched:
            // one write with forty descriptors.
            List<CompletableFuture<WriteDescriptor.Result>> calls = Await.result(
                    SumCommand.call(connection, BigInteger.ONE, BigInteger.ONE).thenApply(sum -> {
                        List<CompletableFuture<WriteDescriptor.Result>> made = new ArrayList<>();
                        for (int i = 0; i < count; i++) {
                            made.add(WriteDescriptorCommand.call(connection, pipes.get(i).writeEnd(),
                                    ("pipe " + i).getBytes(StandardCharsets.US_ASCII)));
                        }
                        return made;
                    }));
            for (int i = 0; i < count; i++) {
                assertEquals(("pipe " + i).length(), Await.result(calls.get(i)).written());
                pipes.get(i).writeEnd().close();
                assertEquals("pipe " + i, new String(pipes.get(i).readEnd().readAll(), StandardCharsets.US_ASCII));
            }
        } finally {
            pipes.forEach(Descriptor.Pipe::close);
        }
        assertStillServes(connection);
    }
}
