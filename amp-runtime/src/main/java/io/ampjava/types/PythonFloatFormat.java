package io.ampjava.types;

import java.nio.charset.StandardCharsets;

/**
 * Python 3's {@code repr(float)} (which {@code str(float)} equals), as ASCII bytes: the shortest
 * digits that read back as the same double ({@link PythonFloatDigits}), laid out as Python does.
 *
 * <ul>
 *   <li>Fixed notation when the decimal point falls within 16 digits left of and 4 zeros right of
 *       the first digit (1e-4 <= |x| < 1e16), always with a fractional part: {@code 1.0},
 *       {@code 0.0001}, {@code 123456789.123}, {@code 1000000000000000.0}.
 *   <li>Otherwise scientific notation: a {@code .} only when there is more than one digit, then
 *       {@code e}, a sign and at least two exponent digits: {@code 1e+16}, {@code 2.5e-07},
 *       {@code 5e-324}.
 *   <li>{@code inf}, {@code -inf}, {@code nan} (any NaN) and {@code -0.0}.
 * </ul>
 */
final class PythonFloatFormat {
    private static final byte[] NAN = {'n', 'a', 'n'};
    private static final byte[] INF = {'i', 'n', 'f'};
    private static final byte[] MINUS_INF = {'-', 'i', 'n', 'f'};
    private static final byte[] ZERO = {'0', '.', '0'};
    private static final byte[] MINUS_ZERO = {'-', '0', '.', '0'};

    private PythonFloatFormat() {}

    /** The repr of {@code value} as a String. */
    static String format(double value) {
        return new String(encode(value), StandardCharsets.US_ASCII);
    }

    /** The repr of {@code value} as fresh ASCII bytes. */
    static byte[] encode(double value) {
        if (Double.isNaN(value)) {
            return NAN.clone();
        }
        if (Double.isInfinite(value)) {
            return (value > 0 ? INF : MINUS_INF).clone();
        }
        boolean negative = Double.doubleToRawLongBits(value) < 0;
        if (value == 0) {
            return (negative ? MINUS_ZERO : ZERO).clone();
        }
        PythonFloatDigits decimal = PythonFloatDigits.of(Math.abs(value));
        long significand = decimal.significand();
        int length = digitCount(significand);
        // Python's "decpt": the value is 0.d1d2...dn × 10^point.
        int point = length + decimal.exponent();
        int sign = negative ? 1 : 0;
        if (point > -4 && point <= 16) {
            return fixed(significand, length, point, sign);
        }
        return scientific(significand, length, point - 1, sign);
    }

    private static byte[] fixed(long significand, int length, int point, int sign) {
        byte[] out;
        if (point <= 0) {
            // 0.000ddd
            out = new byte[sign + 2 - point + length];
            int at = sign;
            out[at++] = '0';
            out[at++] = '.';
            for (int i = 0; i < -point; i++) {
                out[at++] = '0';
            }
            writeDigits(significand, out, at, length);
        } else if (point < length) {
            // ddd.ddd
            out = new byte[sign + length + 1];
            writeDigits(significand, out, sign + 1, length);
            System.arraycopy(out, sign + 1, out, sign, point);
            out[sign + point] = '.';
        } else {
            // ddd000.0
            out = new byte[sign + point + 2];
            writeDigits(significand, out, sign, length);
            for (int i = sign + length; i < sign + point; i++) {
                out[i] = '0';
            }
            out[sign + point] = '.';
            out[sign + point + 1] = '0';
        }
        if (sign != 0) {
            out[0] = '-';
        }
        return out;
    }

    private static byte[] scientific(long significand, int length, int exponent, int sign) {
        int magnitude = Math.abs(exponent);
        int exponentDigits = magnitude >= 100 ? 3 : 2;
        int mantissa = length == 1 ? 1 : length + 1;
        byte[] out = new byte[sign + mantissa + 2 + exponentDigits];
        if (sign != 0) {
            out[0] = '-';
        }
        if (length == 1) {
            out[sign] = (byte) ('0' + significand);
        } else {
            writeDigits(significand, out, sign + 1, length);
            out[sign] = out[sign + 1];
            out[sign + 1] = '.';
        }
        int at = sign + mantissa;
        out[at++] = 'e';
        out[at++] = (byte) (exponent < 0 ? '-' : '+');
        for (int i = at + exponentDigits - 1; i >= at; i--) {
            out[i] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        }
        return out;
    }

    /** Writes the {@code length} decimal digits of {@code value} to {@code out[from..]}. */
    private static void writeDigits(long value, byte[] out, int from, int length) {
        for (int i = from + length - 1; i >= from; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static int digitCount(long value) {
        int count = 1;
        for (long bound = 10; count < 19 && value >= bound; bound *= 10) {
            count++;
        }
        return count;
    }
}
