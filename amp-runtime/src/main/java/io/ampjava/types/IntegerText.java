package io.ampjava.types;

import io.ampjava.wire.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of an AMP Integer. Written strictly (decimal digits, {@code -} for negatives, never
 * {@code +}); read as Twisted reads it, with Python's {@code int()} on bytes: optional ASCII
 * whitespace around, an optional sign, and digits with single underscores between them.
 */
final class IntegerText {
    /** The longest digit run that always fits a long (10^18 - 1 < 2^63). */
    private static final int SAFE_LONG_DIGITS = 18;
    /**
     * The most digits Python converts between int and text (its default {@code sys.int_max_str_digits},
     * since 3.11 and in patched 3.7+): a Twisted peer refuses longer integers both ways. Honouring it
     * also bounds the work, since reading decimal text is quadratic in its length.
     */
    static final int MAX_DIGITS = 4300;
    /** Error messages quote at most this many bytes of a bad value. */
    private static final int QUOTE_LIMIT = 64;

    private IntegerText() {}

    /** The decimal digits of {@code value}, straight into a byte array of the exact size. */
    static byte[] encode(long value) {
        // Digits are produced from the negative magnitude, which also covers Long.MIN_VALUE.
        long negative = value < 0 ? value : -value;
        int length = digitCount(negative) + (value < 0 ? 1 : 0);
        byte[] out = new byte[length];
        int position = length;
        do {
            out[--position] = (byte) ('0' - (negative % 10));
            negative /= 10;
        } while (negative != 0);
        if (value < 0) {
            out[0] = '-';
        }
        return out;
    }

    /** @throws IllegalArgumentException if the value has more than {@link #MAX_DIGITS} digits */
    static byte[] encode(BigInteger value) {
        if (value.bitLength() < 64) {
            return encode(value.longValue());
        }
        byte[] text = value.toString().getBytes(StandardCharsets.US_ASCII);
        int digits = text.length - (value.signum() < 0 ? 1 : 0);
        if (digits > MAX_DIGITS) {
            throw new IllegalArgumentException("an integer of " + digits + " digits is over the " + MAX_DIGITS
                    + "-digit limit of Python's int(): a Twisted peer could not read it");
        }
        return text;
    }

    /**
     * Reads a value that must lie in [{@code min}, {@code max}]; {@code javaType} names the range in
     * the error.
     *
     * @throws BadArgumentException if the text is not an integer or is out of range
     */
    static long decode(byte[] wire, long min, long max, String javaType) {
        int length = wire.length;
        int start = length > 0 && wire[0] == '-' ? 1 : 0;
        if (length > start && length - start <= SAFE_LONG_DIGITS) {
            // Fast path: what every AMP peer sends, plain digits with an optional minus.
            long magnitude = 0;
            int i = start;
            for (; i < length; i++) {
                int digit = wire[i] - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                magnitude = magnitude * 10 + digit;
            }
            if (i == length) {
                return checkRange(start == 1 ? -magnitude : magnitude, min, max, javaType, wire);
            }
        }
        byte[] canonical = canonical(wire);
        int digits = canonical.length - (canonical[0] == '-' ? 1 : 0);
        if (digits > 19) { // more digits than Long.MIN_VALUE has: out of any long range
            throw outOfRange(wire, javaType);
        }
        long value;
        try {
            value = Long.parseLong(new String(canonical, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw outOfRange(wire, javaType);
        }
        return checkRange(value, min, max, javaType, wire);
    }

    /**
     * Reads an integer of any size.
     *
     * @throws BadArgumentException if the text is not an integer
     */
    static BigInteger decodeBig(byte[] wire) {
        int start = wire.length > 0 && wire[0] == '-' ? 1 : 0;
        if (wire.length > start && wire.length - start <= SAFE_LONG_DIGITS) {
            return BigInteger.valueOf(decode(wire, Long.MIN_VALUE, Long.MAX_VALUE, "long"));
        }
        return new BigInteger(new String(canonical(wire), StandardCharsets.US_ASCII));
    }

    /**
     * The value's digits with whitespace, {@code +}, underscores and leading zeros removed, behind a
     * {@code -} when negative: text that {@code Long.parseLong} and {@code new BigInteger} accept.
     */
    private static byte[] canonical(byte[] wire) {
        int start = AsciiText.trimmedStart(wire);
        int end = AsciiText.trimmedEnd(wire, start);
        boolean negative = false;
        if (start < end && (wire[start] == '+' || wire[start] == '-')) {
            negative = wire[start] == '-';
            start++;
        }
        // Python allows one underscore between two digits, nowhere else.
        if (start == end || !AsciiText.isDigit(wire[start]) || !AsciiText.isDigit(wire[end - 1])) {
            throw notAnInteger(wire);
        }
        byte[] out = new byte[end - start + 1];
        int length = 0;
        out[length++] = '-';
        boolean leadingZero = true;
        int digits = 0; // as Python counts them: leading zeros included, underscores not
        for (int i = start; i < end; i++) {
            byte b = wire[i];
            if (b == '_') {
                if (!AsciiText.isDigit(wire[i + 1])) { // i + 1 < end: the last byte is a digit
                    throw notAnInteger(wire);
                }
            } else if (!AsciiText.isDigit(b)) {
                throw notAnInteger(wire);
            } else {
                digits++;
                if (b != '0' || !leadingZero) {
                    leadingZero = false;
                    out[length++] = b;
                }
            }
        }
        if (digits > MAX_DIGITS) {
            throw new BadArgumentException("AMP Integer of " + digits + " digits is over the " + MAX_DIGITS
                    + "-digit limit of Python's int(): " + quote(wire));
        }
        if (length == 1) { // all zeros: "0", and never "-0"
            return new byte[] {'0'};
        }
        return negative
                ? Arrays.copyOf(out, length)
                : Arrays.copyOfRange(out, 1, length);
    }


    private static long checkRange(long value, long min, long max, String javaType, byte[] wire) {
        if (value < min || value > max) {
            throw outOfRange(wire, javaType);
        }
        return value;
    }

    private static BadArgumentException outOfRange(byte[] wire, String javaType) {
        return new BadArgumentException("AMP Integer " + quote(wire) + " is out of range for " + javaType);
    }

    private static BadArgumentException notAnInteger(byte[] wire) {
        return new BadArgumentException("not an AMP Integer: " + quote(wire));
    }

    /** Python-style repr of a wire value for error messages, shortened if long. */
    static String quote(byte[] wire) {
        return Bytes.repr(wire, QUOTE_LIMIT);
    }

    /** The number of decimal digits of a value that is zero or negative. */
    private static int digitCount(long negative) {
        // Comparisons, not divisions: the small numbers most calls carry return after a few.
        long bound = -10;
        for (int count = 1; count < 19; count++) {
            if (negative > bound) {
                return count;
            }
            bound *= 10;
        }
        return 19;
    }
}
