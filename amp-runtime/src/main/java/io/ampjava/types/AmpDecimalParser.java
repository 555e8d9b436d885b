package io.ampjava.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's {@code Decimal(str)} constructor as CPython 3.11 implements it (checked against it):
 * strip surrounding whitespace, drop every underscore wherever it is, then read
 * {@code [sign] (number [exponent] | inf | infinity | nan [digits] | snan [digits])} without regard to
 * case. Only ASCII is accepted (Twisted decodes the wire bytes as ASCII first).
 */
final class AmpDecimalParser {
    private AmpDecimalParser() {}

    /** Parses {@code text}; failures are NumberFormatExceptions naming the text. */
    static AmpDecimal parse(CharSequence text) {
        int start = 0;
        int end = text.length();
        while (start < end && AsciiText.isTextSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && AsciiText.isTextSpace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder body = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c > 0x7f) {
                throw invalid(text);
            }
            if (c != '_') {
                body.append(c);
            }
        }
        int at = 0;
        int length = body.length();
        boolean negative = false;
        if (at < length && (body.charAt(at) == '+' || body.charAt(at) == '-')) {
            negative = body.charAt(at) == '-';
            at++;
        }
        if (at < length && !AsciiText.isDigit(body.charAt(at)) && body.charAt(at) != '.') {
            return special(body, at, negative, text);
        }
        return number(body, at, negative, text);
    }

    private static AmpDecimal number(CharSequence body, int at, boolean negative, CharSequence text) {
        int length = body.length();
        StringBuilder digits = new StringBuilder(length);
        long fractionDigits = 0;
        while (at < length && AsciiText.isDigit(body.charAt(at))) {
            digits.append(body.charAt(at++));
        }
        if (at < length && body.charAt(at) == '.') {
            at++;
            while (at < length && AsciiText.isDigit(body.charAt(at))) {
                digits.append(body.charAt(at++));
                fractionDigits++;
            }
        }
        if (digits.length() == 0) {
            throw invalid(text);
        }
        long exponent = 0;
        if (at < length && (body.charAt(at) == 'e' || body.charAt(at) == 'E')) {
            at++;
            boolean negativeExponent = false;
            if (at < length && (body.charAt(at) == '+' || body.charAt(at) == '-')) {
                negativeExponent = body.charAt(at) == '-';
                at++;
            }
            int first = at;
            while (at < length && AsciiText.isDigit(body.charAt(at))) {
                // Saturate: anything this large is out of BigDecimal's range anyway.
                exponent = Math.min(exponent * 10 + (body.charAt(at++) - '0'), 1L << 40);
            }
            if (at == first) {
                throw invalid(text);
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (at != length) {
            throw invalid(text);
        }
        long scale = fractionDigits - exponent;
        if (scale != (int) scale) {
            throw new NumberFormatException("Decimal exponent out of range for java.math.BigDecimal: " + quoted(text));
        }
        BigDecimal value = new BigDecimal(new BigInteger(digits.toString()), (int) scale);
        if (!negative) {
            return AmpDecimal.of(value);
        }
        return value.signum() == 0 ? AmpDecimal.of(value).negate() : AmpDecimal.of(value.negate());
    }

    private static AmpDecimal special(CharSequence body, int at, boolean negative, CharSequence text) {
        int length = body.length();
        String word = body.subSequence(at, length).toString().toLowerCase(java.util.Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return AmpDecimal.infinity(negative);
        }
        boolean signaling = word.startsWith("snan");
        if (!signaling && !word.startsWith("nan")) {
            throw invalid(text);
        }
        int payloadStart = signaling ? 4 : 3;
        for (int i = payloadStart; i < word.length(); i++) {
            if (!AsciiText.isDigit(word.charAt(i))) {
                throw invalid(text);
            }
        }
        BigInteger payload = payloadStart == word.length()
                ? BigInteger.ZERO
                : new BigInteger(word.substring(payloadStart));
        return AmpDecimal.nan(negative, signaling, payload);
    }



    private static NumberFormatException invalid(CharSequence text) {
        return new NumberFormatException("not a Decimal: " + quoted(text));
    }

    private static String quoted(CharSequence text) {
        StringBuilder quoted = new StringBuilder("'");
        for (int i = 0; i < text.length() && i < 100; i++) {
            char c = text.charAt(i);
            quoted.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return quoted.append(text.length() > 100 ? "...'" : "'").toString();
    }
}
