package io.ampjava.types;

import io.ampjava.wire.Bytes;

/**
 * Reads bytes the way Python's {@code float(bytes)} does, which is how Twisted decodes an AMP Float.
 *
 * <p>Accepted: surrounding ASCII whitespace (tab, LF, VT, FF, CR, space); an optional sign; then
 * {@code inf}, {@code infinity} or {@code nan} in any case, or a decimal number with an optional
 * exponent, where a single {@code _} may separate two digits ({@code 1_0.5}, {@code 1e1_0}).
 * Everything else is rejected, notably {@code ""}, {@code "."}, {@code "1,5"}, hex floats
 * ({@code 0x1p3}) and Java's suffixes ({@code 1.0d}). The grammar is checked here; the digits are then
 * converted by {@link Double#parseDouble}, which rounds correctly.
 */
final class PythonFloatParser {
    private PythonFloatParser() {}

    /**
     * The double {@code wire} spells.
     *
     * @throws BadArgumentException if Python's {@code float()} would raise {@code ValueError}
     */
    static double parse(byte[] wire) {
        int start = AsciiText.trimmedStart(wire);
        int end = AsciiText.trimmedEnd(wire, start);
        int at = start;
        boolean negative = false;
        if (at < end && (wire[at] == '+' || wire[at] == '-')) {
            negative = wire[at] == '-';
            at++;
        }
        if (at < end && !AsciiText.isDigit(wire[at]) && wire[at] != '.') {
            double special = special(wire, at, end);
            if (Double.isNaN(special)) {
                return Double.NaN;
            }
            if (special != 0) {
                return negative ? -special : special;
            }
            throw invalid(wire);
        }
        // The number without underscores, in the form Double.parseDouble reads the same way.
        char[] clean = new char[end - start];
        int length = 0;
        if (negative) {
            clean[length++] = '-';
        }
        int digits = 0;
        int next = digitPart(wire, at, end);
        if (next < 0) {
            throw invalid(wire);
        }
        length = copyDigits(wire, at, next, clean, length);
        digits += next - at;
        at = next;
        if (at < end && wire[at] == '.') {
            clean[length++] = '.';
            at++;
            next = digitPart(wire, at, end);
            if (next < 0) {
                throw invalid(wire);
            }
            length = copyDigits(wire, at, next, clean, length);
            digits += next - at;
            at = next;
        }
        if (digits == 0) {
            throw invalid(wire);
        }
        if (at < end && (wire[at] == 'e' || wire[at] == 'E')) {
            clean[length++] = 'e';
            at++;
            if (at < end && (wire[at] == '+' || wire[at] == '-')) {
                clean[length++] = (char) wire[at];
                at++;
            }
            next = digitPart(wire, at, end);
            if (next <= at) {
                throw invalid(wire);
            }
            length = copyDigits(wire, at, next, clean, length);
            at = next;
        }
        if (at != end) {
            throw invalid(wire);
        }
        return Double.parseDouble(new String(clean, 0, length));
    }

    /**
     * The end of the run of digits starting at {@code from}, where single underscores may separate
     * digits; {@code from} itself when there is no digit; -1 when an underscore is misplaced.
     */
    private static int digitPart(byte[] wire, int from, int end) {
        int at = from;
        while (at < end) {
            byte b = wire[at];
            if (AsciiText.isDigit(b)) {
                at++;
            } else if (b == '_') {
                if (at == from || at + 1 >= end || !AsciiText.isDigit(wire[at + 1])) {
                    return -1;
                }
                at++;
            } else {
                break;
            }
        }
        return at;
    }

    private static int copyDigits(byte[] wire, int from, int to, char[] clean, int length) {
        for (int i = from; i < to; i++) {
            if (wire[i] != '_') {
                clean[length++] = (char) wire[i];
            }
        }
        return length;
    }

    /** +Infinity or NaN if {@code wire[from..end)} is inf, infinity or nan in any case; else 0. */
    private static double special(byte[] wire, int from, int end) {
        int length = end - from;
        if (length == 3 && matches(wire, from, "nan")) {
            return Double.NaN;
        }
        if ((length == 3 || length == 8) && matches(wire, from, length == 3 ? "inf" : "infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        return 0;
    }

    private static boolean matches(byte[] wire, int from, String lowerCase) {
        for (int i = 0; i < lowerCase.length(); i++) {
            if ((wire[from + i] | 0x20) != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }


    private static BadArgumentException invalid(byte[] wire) {
        return new BadArgumentException("not a Float: could not convert " + Bytes.repr(wire) + " to float");
    }
}
