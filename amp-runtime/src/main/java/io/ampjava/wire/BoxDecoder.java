package io.ampjava.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An incremental AMP parser: feed it bytes as they arrive, in any fragmentation, and it hands out
 * each box as soon as its terminator is read.
 *
 * <p>Each value is allocated once at its announced length and the input is copied straight into
 * it, so every byte is copied at most once (from a direct buffer, at most once more through a small
 * staging array) and the decoder never buffers more than the box in progress. Keys are interned: a
 * key equal to one this decoder saw recently (or to one of the {@link AmpKeys}) is the same array
 * again, so the keys of a stream of similar boxes cost no allocation. A key-length prefix over 255
 * fails the moment its two bytes are seen, as in Twisted (and an HTTP request, {@code GET ...},
 * fails on its first two bytes). A command name that repeats the last one ({@code _command}'s
 * value) is that same array again too: values are never to be modified.
 *
 * <p>Not thread-safe: one decoder per connection, fed by one thread.
 */
public final class BoxDecoder {
    /** Receives the decoded boxes. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes one decoded box.
         *
         * @param box the box, now the sink's
         */
        void onBox(Box box);
    }

    /** The default limit on keys per box: far above any real command, far below harm. */
    public static final int DEFAULT_MAX_KEYS = 4096;

    private static final int KEY_LENGTH = 0;
    private static final int KEY = 1;
    private static final int VALUE_LENGTH = 2;
    private static final int VALUE = 3;

    private static final byte[] EMPTY_VALUE = new byte[0];
    /** Bytes of a direct buffer parsed at a time, through {@link #staging}. */
    private static final int STAGING_BYTES = 4096;
    /** Slots of the key cache: direct-mapped, so a stream with many distinct keys costs no memory. */
    private static final int KEY_SLOTS = 32;
    /** Slots after them in the same array for the template: the keys of a box's first positions. */
    private static final int TEMPLATE_SLOTS = 32;
    private static final byte[][] WELL_KNOWN_KEYS = wellKnownKeys();

    private final int maxKeys;
    private final int maxBoxBytes;
    private int boxBytes; // of the box in progress: its complete keys and values with their prefixes
    private int state = KEY_LENGTH;
    private int prefixHigh = -1; // first byte of a length prefix split across reads, or -1
    private byte[] field; // a key or value split across reads, being filled
    private int filled;
    private byte[] key;
    private Box box;
    private int lastBoxSize = 4; // boxes on one stream tend to have the same size: start there
    private byte[][] keyCache; // created on the first key
    // The keys of the last box whose keys differed from the box before, in their order: a stream
    // mostly repeats a few kinds of box, so the next key is usually the one at the same position
    // here, found without hashing, and known to be new and in wire order if these are.
    // They live in keyCache after the KEY_SLOTS, so that a decoder costs no array more than before
    // (AmpList values are parsed by a decoder each); only the first TEMPLATE_SLOTS positions.
    private int templateSize;
    private boolean templateAscending = true;
    private boolean matching = true; // whether the box in progress so far has exactly the template's first keys
    private byte[] staging; // created on the first direct buffer
    // Array index just past the last box handed out, or the prefix or value that failed a limit:
    // where feed leaves the buffer when parse throws. Set before anything in parse can throw.
    private int cursor;
    private boolean stopped;
    private byte[] lastCommandName; // the value of the last _command parsed whole
    private Box recycled; // a box given back, to hold the next one
    private RuntimeException failure; // set once the stream broke the protocol

    /** A decoder with {@link #DEFAULT_MAX_KEYS} and no byte limit beyond the wire's. */
    public BoxDecoder() {
        this(DEFAULT_MAX_KEYS);
    }

    /**
     * A decoder that refuses boxes of more than {@code maxKeys} keys.
     *
     * @param maxKeys the most keys a box may have
     */
    public BoxDecoder(int maxKeys) {
        this(maxKeys, Integer.MAX_VALUE);
    }

    /**
     * A decoder that refuses boxes of more than {@code maxKeys} keys or more than
     * {@code maxBoxBytes} bytes (keys, values and their length prefixes, not the terminator). A
     * value that would cross the byte limit is refused from its length prefix, before it is read.
     *
     * @param maxKeys the most keys a box may have
     * @param maxBoxBytes the most bytes a box may take
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
     * @param data the bytes received
     * @param sink takes each complete box
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
        if (data.hasArray()) {
            byte[] array = data.array();
            int base = data.arrayOffset();
            try {
                data.position(parse(array, base + data.position(), base + data.limit(), sink) - base);
            } catch (RuntimeException | Error e) {
                data.position(cursor - base);
                throw e;
            }
            return;
        }
        while (data.hasRemaining() && !stopped) {
            if (field != null) {
                // A long key or value: straight from the buffer into its array, no staging.
                int count = Math.min(field.length - filled, data.remaining());
                data.get(field, filled, count);
                filled += count;
                if (filled == field.length) {
                    fieldFilled();
                }
                continue;
            }
            if (staging == null) {
                staging = new byte[STAGING_BYTES];
            }
            int start = data.position();
            int count = Math.min(staging.length, data.remaining());
            data.get(staging, 0, count);
            try {
                data.position(start + parse(staging, 0, count, sink));
            } catch (RuntimeException | Error e) {
                data.position(start + cursor);
                throw e;
            }
        }
    }

    /** Parses {@code bytes[from, to)}; returns the index parsing stopped at (to, unless stopped). */
    private int parse(byte[] bytes, int from, int to, Sink sink) {
        int i = from;
        while (i < to && !stopped) {
            if (state == KEY_LENGTH && prefixHigh < 0) {
                // Between fields: take every field that is whole in the input in one tight loop, and
                // leave only a field split across reads to the state machine below.
                i = parseWhole(bytes, i, to, sink);
                if (i == to || stopped) {
                    break;
                }
            }
            switch (state) {
                case KEY_LENGTH:
                case VALUE_LENGTH: {
                    int length;
                    if (prefixHigh >= 0) {
                        length = (prefixHigh << 8) | (bytes[i++] & 0xff);
                        prefixHigh = -1;
                    } else if (to - i >= 2) {
                        // Big-endian whatever the buffer's byte order: the wire always is.
                        length = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
                        i += 2;
                    } else {
                        prefixHigh = bytes[i++] & 0xff;
                        continue;
                    }
                    if (state == VALUE_LENGTH) {
                        // In long arithmetic: the running total is near the limit, which may be MAX_VALUE.
                        long total = (long) boxBytes + 4 + key.length + length;
                        if (total > maxBoxBytes) {
                            cursor = i;
                            throw fail(new ProtocolException("a box of more than " + maxBoxBytes + " bytes"));
                        }
                        boxBytes = (int) total;
                        if (length == 0) {
                            cursor = i; // in case the value is one key too many
                            addValue(EMPTY_VALUE);
                        } else if (to - i >= length) {
                            cursor = i + length;
                            addValue(Arrays.copyOfRange(bytes, i, i + length));
                            i += length;
                        } else {
                            startField(length, VALUE);
                        }
                    } else if (length == 0) {
                        Box done = finishBox(box);
                        cursor = i;
                        sink.onBox(done);
                    } else if (length > AmpKeys.MAX_KEY_LENGTH) {
                        cursor = i;
                        throw fail(new TooLongException(true, false, null, length));
                    } else if (to - i >= length) {
                        key = intern(bytes, i, length, null);
                        i += length;
                        state = VALUE_LENGTH;
                    } else {
                        startField(length, KEY);
                    }
                    break;
                }
                case KEY:
                case VALUE: {
                    int count = Math.min(field.length - filled, to - i);
                    System.arraycopy(bytes, i, field, filled, count);
                    filled += count;
                    i += count;
                    if (filled == field.length) {
                        cursor = i;
                        fieldFilled();
                    }
                    break;
                }
                default:
                    throw new AssertionError(state);
            }
        }
        return i;
    }

    /**
     * Parses the key-value pairs and terminators that lie whole in {@code bytes[from, to)}, from a
     * point between fields; returns the index of the first field that does not (or {@code to}, or
     * the end of the box the sink stopped at). Does what the state machine in {@link #parse} does
     * for the same bytes, with the same limits, errors and cursor, without a state per field.
     */
    private int parseWhole(byte[] bytes, int from, int to, Sink sink) {
        int i = from;
        Box box = this.box;
        int boxBytes = this.boxBytes;
        while (to - i >= 2) {
            int keyLength = ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
            if (keyLength == 0) {
                i += 2;
                Box done = finishBox(box);
                box = null;
                boxBytes = 0;
                cursor = i;
                sink.onBox(done);
                if (stopped) {
                    return i;
                }
                continue;
            }
            if (keyLength > AmpKeys.MAX_KEY_LENGTH) {
                this.box = box;
                this.boxBytes = boxBytes;
                cursor = i + 2;
                throw fail(new TooLongException(true, false, null, keyLength));
            }
            int valuePrefix = i + 2 + keyLength;
            if (to - valuePrefix < 2) {
                break;
            }
            int valueLength = ((bytes[valuePrefix] & 0xff) << 8) | (bytes[valuePrefix + 1] & 0xff);
            int valueStart = valuePrefix + 2;
            if (to - valueStart < valueLength) {
                break; // the state machine reads this pair again, checks the limit and waits for the value
            }
            long total = (long) boxBytes + 4 + keyLength + valueLength;
            // The key the last box had at this position, if it is the same again (the usual case on
            // a stream of one kind of command or answer), else the interned key.
            int position = box == null ? 0 : box.size;
            byte[] key = matching && position < templateSize ? keyCache[KEY_SLOTS + position] : null;
            boolean predicted = key != null && key.length == keyLength && sameBytes(key, bytes, i + 2);
            if (!predicted) {
                key = intern(bytes, i + 2, keyLength, null);
                if (position < TEMPLATE_SLOTS) {
                    matching = false;
                }
            }
            if (total > maxBoxBytes) {
                failAtValue(box, boxBytes, key);
                cursor = valueStart;
                throw fail(new ProtocolException("a box of more than " + maxBoxBytes + " bytes"));
            }
            boxBytes = (int) total;
            if (box == null) {
                box = newBox();
            }
            byte[] value = key == AmpKeys.COMMAND_KEY
                    ? commandName(bytes, valueStart, valueLength)
                    : copy(bytes, valueStart, valueLength);
            if (predicted && templateAscending) {
                // The box holds the template's first keys and this is the next one: new and in order.
                box.appendAscending(key, value);
            } else {
                box.put(key, value);
            }
            i = valueStart + valueLength;
            if (box.size() > maxKeys) {
                failAtValue(box, boxBytes, key);
                cursor = i;
                throw fail(new ProtocolException("a box with more than " + maxKeys + " keys"));
            }
        }
        this.box = box;
        this.boxBytes = boxBytes;
        return i;
    }

    /**
     * Ends the box in progress and returns it (an empty box if it has no key), leaving the decoder
     * between boxes; if its keys were not those of the template, they become the template.
     */
    private Box finishBox(Box box) {
        Box done = box == null ? new Box(0) : box;
        this.box = null;
        boxBytes = 0;
        int size = done.size;
        lastBoxSize = Math.max(2, size);
        if (!matching) {
            int count = Math.min(size, TEMPLATE_SLOTS);
            for (int k = 0; k < count; k++) {
                keyCache[KEY_SLOTS + k] = done.entries[2 * k]; // the cache exists: the box has keys
            }
            templateSize = count;
            templateAscending = done.isAscending();
        }
        matching = true;
        return done;
    }

    /** A new array of {@code bytes[from, from + length)}. */
    private static byte[] copy(byte[] bytes, int from, int length) {
        if (length > 16) {
            return Arrays.copyOfRange(bytes, from, from + length);
        }
        if (length == 0) {
            return EMPTY_VALUE;
        }
        byte[] copy = new byte[length];
        Bytes.copyShort(bytes, from, copy, 0, length);
        return copy;
    }

    /** Leaves the state as the state machine would when the value of {@code key} fails a limit. */
    private void failAtValue(Box box, int boxBytes, byte[] key) {
        this.box = box;
        this.boxBytes = boxBytes;
        this.key = key;
        state = VALUE_LENGTH;
    }

    /**
     * Parses a complete byte string into boxes; a truncated tail is ignored (Twisted's {@code parseString}).
     *
     * @param bytes the byte string
     * @return its boxes
     */
    public static List<Box> parse(byte[] bytes) {
        List<Box> boxes = new ArrayList<>();
        new BoxDecoder().feed(ByteBuffer.wrap(bytes), boxes::add);
        return boxes;
    }

    /**
     * Gives back a box this decoder handed out, which nobody holds any more (its values were decoded
     * into a record, say), to hold the next box: a connection answering a stream of requests then
     * allocates no box per request. Only for a box that nothing references any more.
     *
     * @param box a box this decoder produced, no longer referenced anywhere
     */
    public void recycle(Box box) {
        box.clear();
        recycled = box;
    }

    private Box newBox() {
        Box reused = recycled;
        if (reused != null) {
            recycled = null;
            return reused;
        }
        return new Box(lastBoxSize);
    }

    /** Called from a {@link Sink}: stop parsing after the current box. */
    public void stop() {
        stopped = true;
    }

    /** {@return whether the decoder is between boxes (it holds no partial box)} */
    public boolean isIdle() {
        return state == KEY_LENGTH && prefixHigh < 0 && box == null;
    }

    /**
     * The bytes the decoder holds for the box in progress: its complete keys and values with their
     * prefixes, and the whole of the key or value being filled (allocated at its announced length).
     *
     * @return the byte count
     */
    public int bufferedBytes() {
        byte[] partial = field;
        return boxBytes + (partial == null ? 0 : partial.length);
    }

    // Only the decoder's own failures poison it; an exception from the sink leaves it usable.
    private RuntimeException fail(RuntimeException e) {
        failure = e;
        return e;
    }

    private void startField(int length, int nextState) {
        field = new byte[length];
        filled = 0;
        state = nextState;
    }

    private void fieldFilled() {
        byte[] complete = field;
        field = null;
        if (state == KEY) {
            key = intern(complete, 0, complete.length, complete);
            state = VALUE_LENGTH;
        } else {
            addValue(complete);
        }
    }

    private void addValue(byte[] value) {
        if (box == null) {
            box = newBox();
        }
        int position = box.size;
        if (position < TEMPLATE_SLOTS && (position >= templateSize || keyCache[KEY_SLOTS + position] != key)) {
            matching = false;
        }
        box.put(key, value);
        if (box.size() > maxKeys) {
            throw fail(new ProtocolException("a box with more than " + maxKeys + " keys"));
        }
        key = null;
        state = KEY_LENGTH;
    }

    /**
     * The key {@code bytes[from, from + length)} as a shared array: from the cache, or else
     * {@code owned} (an array of exactly these bytes that the decoder may keep) or a copy.
     */
    private byte[] intern(byte[] bytes, int from, int length, byte[] owned) {
        if (keyCache == null) {
            keyCache = WELL_KNOWN_KEYS.clone();
        }
        int slot = hash(bytes, from, length) & (KEY_SLOTS - 1);
        byte[] cached = keyCache[slot];
        if (cached != null && cached.length == length && sameBytes(cached, bytes, from)) {
            return cached;
        }
        byte[] key = owned != null ? owned : Arrays.copyOfRange(bytes, from, from + length);
        keyCache[slot] = key;
        return key;
    }

    /**
     * The value of a {@code _command} key: the same array as the last one when the name repeats,
     * as it mostly does on a connection (so a dispatcher can tell it has seen it by identity).
     */
    private byte[] commandName(byte[] bytes, int from, int length) {
        byte[] last = lastCommandName;
        if (last != null && last.length == length && sameBytes(last, bytes, from)) {
            return last;
        }
        return lastCommandName = Arrays.copyOfRange(bytes, from, from + length);
    }

    /** Whether {@code key} equals {@code bytes[from, from + key.length)}; keys are short, so a plain loop. */
    private static boolean sameBytes(byte[] key, byte[] bytes, int from) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != bytes[from + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(byte[] bytes, int from, int length) {
        int h = length;
        for (int i = from, end = from + length; i < end; i++) {
            h = h * 31 + bytes[i];
        }
        return h ^ (h >>> 7) ^ (h >>> 14);
    }

    private static byte[][] wellKnownKeys() {
        byte[][] table = new byte[KEY_SLOTS + TEMPLATE_SLOTS][];
        for (byte[] key : new byte[][] {AmpKeys.ERROR_DESCRIPTION_KEY, AmpKeys.ERROR_CODE_KEY, AmpKeys.ERROR_KEY,
                AmpKeys.COMMAND_KEY, AmpKeys.ANSWER_KEY, AmpKeys.ASK_KEY}) {
            table[hash(key, 0, key.length) & (KEY_SLOTS - 1)] = key; // on a collision the later one wins
        }
        return table;
    }
}
