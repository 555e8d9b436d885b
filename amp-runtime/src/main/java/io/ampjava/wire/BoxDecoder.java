package io.ampjava.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * An incremental AMP parser: feed it bytes as they arrive, in any fragmentation, and it hands out
 * each box as soon as its terminator is read.
 *
 * <p>Each key and value is allocated once at its announced length and the input is copied straight
 * into it, so every byte is copied at most once and the decoder never buffers more than the box in
 * progress. A key-length prefix over 255 fails the moment its two bytes are seen, as in Twisted
 * (and an HTTP request, {@code GET ...}, fails on its first two bytes).
 *
 * <p>Not thread-safe: one decoder per connection, fed by one thread.
 */
public final class BoxDecoder {
    /** Receives the decoded boxes. */
    @FunctionalInterface
    public interface Sink {
        void onBox(Box box);
    }

    /** The default limit on keys per box: far above any real command, far below harm. */
    public static final int DEFAULT_MAX_KEYS = 4096;

    private static final int KEY_LENGTH = 0;
    private static final int KEY = 1;
    private static final int VALUE_LENGTH = 2;
    private static final int VALUE = 3;

    private final int maxKeys;
    private final int maxBoxBytes;
    private int boxBytes; // of the box in progress: its complete keys and values with their prefixes
    private int state = KEY_LENGTH;
    private int prefixHigh = -1; // first byte of a length prefix split across reads, or -1
    private byte[] field; // the key or value being filled
    private int filled;
    private byte[] key;
    private Box box;
    private boolean stopped;
    private RuntimeException failure; // set once the stream broke the protocol

    public BoxDecoder() {
        this(DEFAULT_MAX_KEYS);
    }

    /** A decoder that refuses boxes of more than {@code maxKeys} keys. */
    public BoxDecoder(int maxKeys) {
        this(maxKeys, Integer.MAX_VALUE);
    }

    /**
     * A decoder that refuses boxes of more than {@code maxKeys} keys or more than
     * {@code maxBoxBytes} bytes (keys, values and their length prefixes, not the terminator). A
     * value that would cross the byte limit is refused from its length prefix, before it is read.
     */
    public BoxDecoder(int maxKeys, int maxBoxBytes) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        if (maxBoxBytes < 1) {
            throw new IllegalArgumentException("maxBoxBytes must be positive: " + maxBoxBytes);
        }
        this.maxKeys = maxKeys;
        this.maxBoxBytes = maxBoxBytes;
    }

    /**
     * Parses all of {@code data}, handing each complete box to {@code sink}, and leaves the buffer's
     * position at its limit. If the sink calls {@link #stop()}, parsing stops right after that box
     * and the position is left just past it, so the caller can hand the rest to another protocol.
     *
     * <p>An exception thrown by the sink propagates; the buffer's position is then just past the box
     * the sink was given, and feeding the rest later continues correctly.
     *
     * @throws TooLongException if a key-length prefix is over 255 (the connection must be closed)
     * @throws ProtocolException if a box has more keys or bytes than the limits, or if this decoder failed
     *     earlier (once the framing is broken, no later byte can be trusted)
     */
    public void feed(ByteBuffer data, Sink sink) {
        if (failure != null) {
            // The stream's framing is lost: whatever follows cannot be parsed meaningfully.
            throw new ProtocolException("this decoder already failed: " + failure.getMessage(), failure);
        }
        stopped = false;
        while (data.hasRemaining() && !stopped) {
            switch (state) {
                case KEY_LENGTH: {
                    int length = readLength(data);
                    if (length < 0) {
                        return;
                    }
                    if (length == 0) {
                        Box done = box == null ? new Box(0) : box;
                        box = null;
                        boxBytes = 0;
                        sink.onBox(done);
                    } else if (length > AmpKeys.MAX_KEY_LENGTH) {
                        throw fail(new TooLongException(true, false, null, length));
                    } else {
                        startField(length, KEY);
                    }
                    break;
                }
                case KEY:
                    if (fill(data)) {
                        key = field;
                        state = VALUE_LENGTH;
                    }
                    break;
                case VALUE_LENGTH: {
                    int length = readLength(data);
                    if (length < 0) {
                        return;
                    }
                    // In long arithmetic: the running total is near the limit, which may be MAX_VALUE.
                    long total = (long) boxBytes + 4 + key.length + length;
                    if (total > maxBoxBytes) {
                        throw fail(new ProtocolException("a box of more than " + maxBoxBytes + " bytes"));
                    }
                    boxBytes = (int) total;
                    startField(length, VALUE);
                    if (length == 0) {
                        finishValue();
                    }
                    break;
                }
                case VALUE:
                    if (fill(data)) {
                        finishValue();
                    }
                    break;
                default:
                    throw new AssertionError(state);
            }
        }
    }

    /** Parses a complete byte string into boxes; a truncated tail is ignored (Twisted's {@code parseString}). */
    public static List<Box> parse(byte[] bytes) {
        List<Box> boxes = new ArrayList<>();
        new BoxDecoder().feed(ByteBuffer.wrap(bytes), boxes::add);
        return boxes;
    }

    /** Called from a {@link Sink}: stop parsing after the current box. */
    public void stop() {
        stopped = true;
    }

    /** Whether the decoder is between boxes (it holds no partial box). */
    public boolean isIdle() {
        return state == KEY_LENGTH && prefixHigh < 0 && box == null;
    }

    // Only the decoder's own failures poison it; an exception from the sink leaves it usable.
    private RuntimeException fail(RuntimeException e) {
        failure = e;
        return e;
    }

    private int readLength(ByteBuffer data) {
        if (prefixHigh < 0) {
            if (data.remaining() >= 2) {
                // Not getShort(): that follows the buffer's byte order, the wire is always big-endian.
                return ((data.get() & 0xff) << 8) | (data.get() & 0xff);
            }
            prefixHigh = data.get() & 0xff;
            return -1;
        }
        int length = (prefixHigh << 8) | (data.get() & 0xff);
        prefixHigh = -1;
        return length;
    }

    private void startField(int length, int nextState) {
        field = new byte[length];
        filled = 0;
        state = nextState;
    }

    private boolean fill(ByteBuffer data) {
        int count = Math.min(field.length - filled, data.remaining());
        data.get(field, filled, count);
        filled += count;
        return filled == field.length;
    }

    private void finishValue() {
        if (box == null) {
            box = new Box();
        }
        box.put(key, field);
        if (box.size() > maxKeys) {
            throw fail(new ProtocolException("a box with more than " + maxKeys + " keys"));
        }
        key = null;
        field = null;
        state = KEY_LENGTH;
    }
}
