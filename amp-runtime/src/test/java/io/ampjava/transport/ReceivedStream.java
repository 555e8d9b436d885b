package io.ampjava.transport;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reader got from a {@link Transport}: the bytes, and each descriptor with the number of
 * bytes that had been returned before it was handed over.
 */
final class ReceivedStream {
    /** A received descriptor and how many stream bytes had been returned before it arrived. */
    record Arrival(int fd, int bytesBefore) {}

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Arrival> descriptors = new ArrayList<>();

    /** Reads until {@code count} bytes have arrived, in reads of at most {@code chunk} bytes. */
    static ReceivedStream read(Transport transport, int count, ByteBuffer buffer) throws IOException {
        ReceivedStream received = new ReceivedStream();
        while (received.bytes.size() < count) {
            buffer.clear();
            buffer.limit(Math.min(buffer.capacity(), count - received.bytes.size()));
            int before = received.bytes.size();
            int n = transport.read(buffer, fd -> received.descriptors.add(new Arrival(fd, before)));
            if (n < 0) {
                throw new EOFException("end of stream after " + received.bytes.size() + " of " + count + " bytes");
            }
            buffer.flip();
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            received.bytes.write(chunk, 0, chunk.length);
        }
        return received;
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }
}
