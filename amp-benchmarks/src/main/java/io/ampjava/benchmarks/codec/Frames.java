package io.ampjava.benchmarks.codec;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The codec work of one request, as a connection does it, without the socket: arguments record →
 * box → wire bytes (with {@code _command} and {@code _ask}), and wire bytes → box → record.
 */
final class Frames {
    private Frames() {}

    /** What {@code AmpConnection.callRemote} does before its write. */
    static <A> byte[] encodeRequest(byte[] name, BoxCodec<A> codec, A arguments, long tag) {
        Box box = new Box();
        codec.write(arguments, box, ArgumentContext.NONE);
        box.put(AmpKeys.COMMAND_KEY, name);
        box.put(AmpKeys.ASK_KEY, Long.toHexString(tag).getBytes(StandardCharsets.US_ASCII));
        return BoxEncoder.encode(box);
    }

    /** A decoder and its sink, reused across invocations as a connection reuses its own. */
    static final class Reader implements BoxDecoder.Sink {
        private final BoxDecoder decoder = new BoxDecoder();
        private Box last;

        /** Parses one complete box from {@code wire} (position reset to 0 first). */
        Box read(ByteBuffer wire) {
            wire.clear();
            decoder.feed(wire, this);
            Box box = last;
            last = null;
            return box;
        }

        @Override
        public void onBox(Box box) {
            last = box;
        }
    }
}
