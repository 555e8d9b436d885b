package io.ampjava.cli.decode;

import io.ampjava.dispatch.StartTlsResponder;
import io.ampjava.wire.AmpKeys;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a captured AMP byte stream (one direction of a connection) and hands out each box with its
 * byte offset, or says at which offset and why the stream stops being AMP.
 */
final class CaptureReader {
    /** What the reader finds. */
    interface Listener {
        /** A whole box, {@code length} bytes from {@code offset}. */
        void box(long offset, long length, Box box) throws IOException;
    }

    /** How a stream ended. */
    record Ending(boolean clean, String problem) {}

    private static final int CHUNK = 64 * 1024;
    private static final byte[] START_TLS = StartTlsResponder.COMMAND.getBytes(StandardCharsets.US_ASCII);

    private CaptureReader() {}

    /** Reads {@code in} to its end; returns whether it ended between boxes, and if not, why. */
    static Ending read(InputStream in, Listener listener) throws IOException {
        // No limit on keys or size: a capture is the user's own file, and every box in it is shown.
        BoxDecoder decoder = new BoxDecoder(Integer.MAX_VALUE, Integer.MAX_VALUE);
        byte[] chunk = new byte[CHUNK];
        long chunkOffset = 0;
        long boxStart = 0;
        // The bytes of the box in progress, to say where it stops if the stream ends inside it.
        ByteArrayOutputStream unfinished = new ByteArrayOutputStream();
        Box[] done = new Box[1];
        boolean afterStartTls = false;
        BoxDecoder.Sink sink = box -> {
            done[0] = box;
            decoder.stop(); // one box at a time, so that the buffer's position is its end
        };
        for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; chunkOffset += n) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
            while (buffer.hasRemaining()) {
                int from = buffer.position();
                try {
                    decoder.feed(buffer, sink);
                } catch (TooLongException e) {
                    long at = chunkOffset + buffer.position() - 2;
                    return new Ending(false, "at byte offset " + at + ": a key length of " + e.length()
                            + " (bytes " + hex(e.length()) + "), over the 255 AMP allows: "
                            + (at != boxStart ? "the box from offset " + boxStart + " is broken"
                                    : afterStartTls ? "the box before asked for StartTLS, so TLS may follow it"
                                    : "this is not the start of an AMP box (a protocol switch?)"));
                } catch (ProtocolException e) {
                    return new Ending(false, "at byte offset " + (chunkOffset + buffer.position()) + ": "
                            + e.getMessage());
                }
                if (done[0] != null) {
                    Box box = done[0];
                    done[0] = null;
                    long end = chunkOffset + buffer.position();
                    listener.box(boxStart, end - boxStart, box);
                    afterStartTls = Arrays.equals(box.get(AmpKeys.COMMAND_KEY), START_TLS);
                    boxStart = end;
                    unfinished.reset();
                } else {
                    unfinished.write(chunk, from, buffer.position() - from);
                }
            }
        }
        if (decoder.isIdle()) {
            return new Ending(true, null);
        }
        return new Ending(false, "the stream ends at byte offset " + chunkOffset + " inside the box that starts at "
                + boxStart + ", " + PartialBox.describe(unfinished.toByteArray()));
    }

    private static String hex(int prefix) {
        return String.format("%02x %02x", prefix >> 8, prefix & 0xff);
    }
}
