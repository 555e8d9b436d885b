package io.ampjava.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * A heap buffer that gathers frames into large writes to a blocking channel, with no allocation per
 * write: a transport's queue hands over many small boxes at once. Made on the first write, so a
 * connection that never writes costs nothing. One writer at a time, as for every transport.
 * Internal to amp-java.
 */
public final class FrameStaging {
    private static final int BYTES = 32 * 1024;

    private ByteBuffer buffer;

    /** Writes {@code frames[from, to)} whole, in order, to {@code channel}. */
    public void write(WritableByteChannel channel, byte[][] frames, int from, int to) throws IOException {
        ByteBuffer staging = buffer;
        if (staging == null) {
            staging = buffer = ByteBuffer.allocate(BYTES);
        }
        staging.clear();
        for (int i = from; i < to; i++) {
            byte[] frame = frames[i];
            int offset = 0;
            while (offset < frame.length) {
                int take = Math.min(frame.length - offset, staging.remaining());
                staging.put(frame, offset, take);
                offset += take;
                if (!staging.hasRemaining()) {
                    drain(channel, staging);
                }
            }
        }
        drain(channel, staging);
    }

    private static void drain(WritableByteChannel channel, ByteBuffer staging) throws IOException {
        staging.flip();
        while (staging.hasRemaining()) {
            channel.write(staging);
        }
        staging.clear();
    }
}
