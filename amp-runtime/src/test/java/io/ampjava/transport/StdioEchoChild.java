package io.ampjava.transport;

import io.ampjava.transport.pipe.PipeTransport;
import io.ampjava.types.Descriptor;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A child process for {@link PipeTransportTest}: takes over its stdin and stdout as a pipe
 * transport, echoes every byte back until end of input, then prints to {@code System.out}, which
 * must no longer reach the parent. Exits with 3 if a file it opens gets a standard stream's number.
 */
public final class StdioEchoChild {
    private StdioEchoChild() {}

    public static void main(String[] args) throws Exception {
        PipeTransport transport = PipeTransport.inherited(0, 1);
        // Had 0 and 1 been closed, the next files opened would take their numbers (and System.out).
        try (Descriptor next = Descriptor.openForReading(Path.of("/dev/null"))) {
            if (next.fd() <= 2) {
                System.exit(3);
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (transport.read(buffer.clear(), fd -> {}) > 0) {
            transport.write(new ByteBuffer[] {buffer.flip()});
        }
        System.out.println("stray output that must go nowhere");
        System.out.flush();
        transport.close();
    }
}
