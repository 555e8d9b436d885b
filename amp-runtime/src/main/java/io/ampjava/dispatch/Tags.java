package io.ampjava.dispatch;

import java.nio.charset.StandardCharsets;

/**
 * The {@code _ask} tags this side issues: a per-connection counter written as lower-case hex without
 * padding ({@code 1..9, a..f, 10...}), as Twisted writes them.
 */
final class Tags {
    /** Returned by {@link #parse} for bytes this side can never have issued. */
    static final long NOT_OURS = -1;

    // 15 hex digits stay below Long.MAX_VALUE; a counter never gets there.
    private static final int MAX_DIGITS = 15;

    private Tags() {}

    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    static byte[] format(long tag) {
        return formatInto(tag, new byte[digits(tag)]);
    }

    /** How many hex digits {@code tag} has. */
    static int digits(long tag) {
        return Math.max(1, (67 - Long.numberOfLeadingZeros(tag)) >> 2);
    }

    /** Writes {@code tag}'s digits into {@code out}, which is {@link #digits} long; returns it. */
    static byte[] formatInto(long tag, byte[] out) {
        // Long.toHexString's digits, written straight into the array the box keeps.
        int digits = out.length;
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX_DIGITS[(int) (tag & 0xf)];
            tag >>>= 4;
        }
        return out;
    }

    /**
     * The counter value that {@link #format} turned into {@code tag}, or {@link #NOT_OURS}. Only the
     * canonical spelling matches: {@code "01"} or {@code "A"} name no call of ours, as in Twisted,
     * where tags are compared as bytes.
     */
    static long parse(byte[] tag) {
        if (tag.length == 0 || tag.length > MAX_DIGITS || tag[0] == '0') {
            return NOT_OURS;
        }
        long value = 0;
        for (byte b : tag) {
            int digit;
            if (b >= '0' && b <= '9') {
                digit = b - '0';
            } else if (b >= 'a' && b <= 'f') {
                digit = b - 'a' + 10;
            } else {
                return NOT_OURS;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
