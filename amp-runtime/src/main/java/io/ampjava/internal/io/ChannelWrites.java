package io.ampjava.internal.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;

/** Writing to blocking channels. Internal to amp-java: the TCP and pipe transports share it. */
public final class ChannelWrites {
    private ChannelWrites() {}

    /**
     * Writes every remaining byte of {@code srcs}, in order, with as few gathering writes as the
     * channel allows: a blocking channel may still write only part of them at a time.
     */
    public static void writeFully(GatheringByteChannel channel, ByteBuffer[] srcs) throws IOException {
        int first = 0;
        while (first < srcs.length) {
            if (!srcs[first].hasRemaining()) {
                first++;
                continue;
            }
            channel.write(srcs, first, srcs.length - first);
        }
    }
}
