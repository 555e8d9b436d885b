package io.ampjava.benchmarks.codec;

import io.ampjava.dispatch.Command;
import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.BoxEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The codec work of one request as a connection does it, without the socket: arguments record →
 * box → wire bytes (with {@code _command} and {@code _ask}), and wire bytes → box → record.
 */
final class Frames {
    private Frames() {}

    /** The request box a call of {@code command} puts on the wire with tag {@code tag}. */
    static <A> Box requestBox(Command<A, ?> command, A arguments, byte[] tag) {
        Box box = new Box();
        command.arguments().write(arguments, box, ArgumentContext.NONE);
        box.put(AmpKeys.COMMAND_KEY, command.name().getBytes(StandardCharsets.UTF_8));
        box.put(AmpKeys.ASK_KEY, tag);
        return box;
    }

    /** What {@code AmpConnection.callRemote} does before its write (the tag is formatted per call there too). */
    static <A> byte[] encodeRequest(Command<A, ?> command, byte[] name, A arguments, long tag) {
        Box box = new Box();
        command.arguments().write(arguments, box, ArgumentContext.NONE);
        box.put(AmpKeys.COMMAND_KEY, name);
        box.put(AmpKeys.ASK_KEY, hex(tag));
        return BoxEncoder.encode(box);
    }

    /** The tag as the connection writes it: lower-case hex digits. */
    private static byte[] hex(long tag) {
        int digits = Math.max(1, (67 - Long.numberOfLeadingZeros(tag)) >> 2);
        byte[] out = new byte[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = (byte) Character.forDigit((int) (tag & 0xf), 16);
            tag >>>= 4;
        }
        return out;
    }

    /** A decoder and its sink, reused across invocations as a connection reuses its own. */
    static final class Reader implements BoxDecoder.Sink {
        private final BoxDecoder decoder = new BoxDecoder();
        private Box last;

        /** Parses one complete box from {@code wire} (its position reset to 0 first). */
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
