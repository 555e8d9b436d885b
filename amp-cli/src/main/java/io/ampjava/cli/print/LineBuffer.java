package io.ampjava.cli.print;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Output lines built as UTF-8 bytes, for output in bulk (a proxy prints every box that passes):
 * values that are printable ASCII, as most are, are copied as they are, without a {@code String}
 * or a character encoder in between.
 */
public final class LineBuffer {
    private byte[] bytes;
    private int size;

    public LineBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** The bytes so far. */
    public int size() {
        return size;
    }

    public LineBuffer append(char ascii) {
        ensure(1);
        bytes[size++] = (byte) ascii;
        return this;
    }

    /** Appends {@code text} as UTF-8. */
    public LineBuffer append(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return appendBytes(text.substring(i).getBytes(StandardCharsets.UTF_8));
            }
            bytes[size++] = (byte) c;
        }
        return this;
    }

    public LineBuffer append(long number) {
        if (number >= 0 && number < 10) {
            return append((char) ('0' + number));
        }
        return append(Long.toString(number));
    }

    /** Appends {@code bytes} as they are. */
    public LineBuffer appendBytes(byte[] more) {
        ensure(more.length);
        System.arraycopy(more, 0, bytes, size, more.length);
        size += more.length;
        return this;
    }

    /** Appends {@code value} as {@link ValueText#escape(byte[], int)} shows it. */
    public LineBuffer appendEscaped(byte[] value, int limit) {
        if (value.length <= limit && isPlain(value)) {
            return appendBytes(value);
        }
        return append(ValueText.escape(value, limit));
    }

    /** Printable ASCII without a backslash: shown as it is. */
    private static boolean isPlain(byte[] value) {
        for (byte b : value) {
            if (b < 0x20 || b == 0x7f || b == '\\') { // bytes over 0x7f are negative
                return false;
            }
        }
        return true;
    }

    /** Writes the bytes to {@code out} and empties the buffer. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
        size = 0;
    }

    public void clear() {
        size = 0;
    }

    /** Drops what was appended after the first {@code length} bytes. */
    public void truncate(int length) {
        size = Math.min(size, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, size, StandardCharsets.UTF_8);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
