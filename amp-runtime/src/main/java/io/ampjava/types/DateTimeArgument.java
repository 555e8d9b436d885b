package io.ampjava.types;

import io.ampjava.wire.Bytes;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * AMP {@code DateTime} ↔ {@link OffsetDateTime}: exactly 32 ASCII bytes,
 * {@code YYYY-MM-DDTHH:MM:SS.ffffff±HH:MM}, e.g. {@code 9876-01-23T12:34:56.054321-01:23}.
 *
 * <p>Encoding follows Twisted: the offset is cut to whole minutes by floor division (+90 s gives
 * {@code +00:01}, −90 s gives {@code -00:02}) and its sign is {@code +} only when it is strictly
 * positive, so UTC is {@code -00:00}. Nanoseconds are truncated to microseconds. Only years 1 to
 * 9999 (Python's range) can be sent.
 *
 * <p>Decoding follows Twisted too: the fields are read from fixed positions and the separator bytes
 * between them are not checked ({@code 2010/12/25 00:00:00.000000+00:00} is accepted); each field
 * is read like Python's {@code int()} (so {@code " 1"} or {@code "+00001"} pass); the sign byte must
 * be {@code +} or {@code -}; the date and time must be valid with seconds at most 59; offsets of
 * 24 hours or more are rejected. The result has a fixed {@link ZoneOffset}; {@code -00:00} and
 * {@code +00:00} both give {@link ZoneOffset#UTC}. Python allows offsets up to 23:59 but
 * {@code ZoneOffset} stops at 18:00, so larger ones are rejected here.
 */
public final class DateTimeArgument implements ArgumentType<OffsetDateTime> {
    /** The one instance. */
    public static final DateTimeArgument INSTANCE = new DateTimeArgument();

    /** The wire length, always. */
    public static final int LENGTH = 32;

    private DateTimeArgument() {}

    /**
     * The 32 wire bytes of {@code value}.
     *
     * @param value the date-time
     * @return its wire bytes
     * @throws IllegalArgumentException if the year is outside 1..9999
     */
    public static byte[] encode(OffsetDateTime value) {
        int year = value.getYear();
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("AMP DateTime years are 1..9999, not " + year + " (" + value + ")");
        }
        int minutes = Math.floorDiv(value.getOffset().getTotalSeconds(), 60);
        int absolute = Math.abs(minutes);
        byte[] out = new byte[LENGTH];
        put(out, 0, 4, year);
        out[4] = '-';
        put(out, 5, 2, value.getMonthValue());
        out[7] = '-';
        put(out, 8, 2, value.getDayOfMonth());
        out[10] = 'T';
        put(out, 11, 2, value.getHour());
        out[13] = ':';
        put(out, 14, 2, value.getMinute());
        out[16] = ':';
        put(out, 17, 2, value.getSecond());
        out[19] = '.';
        put(out, 20, 6, value.getNano() / 1000);
        out[26] = (byte) (minutes > 0 ? '+' : '-');
        put(out, 27, 2, absolute / 60);
        out[29] = ':';
        put(out, 30, 2, absolute % 60);
        return out;
    }

    /**
     * The date-time the wire bytes spell.
     *
     * @param wire the bytes received
     * @return the date-time
     * @throws BadArgumentException if Twisted would reject them, or the offset is beyond ±18:00
     */
    public static OffsetDateTime decode(byte[] wire) {
        if (wire.length != LENGTH) {
            throw new BadArgumentException(
                    "a DateTime is 32 bytes, not " + wire.length + ": " + Bytes.repr(wire));
        }
        for (byte b : wire) {
            if (b < 0) {
                throw invalid(wire, "not ASCII");
            }
        }
        int year = field(wire, 0, 4);
        int month = field(wire, 5, 7);
        int day = field(wire, 8, 10);
        int hour = field(wire, 11, 13);
        int minute = field(wire, 14, 16);
        int second = field(wire, 17, 19);
        int micros = field(wire, 20, 26);
        int offsetHours = field(wire, 27, 29);
        int offsetMinutes = field(wire, 30, 32);
        byte sign = wire[26];
        if (sign != '+' && sign != '-') {
            throw invalid(wire, "the offset sign must be + or -");
        }
        // Python applies the sign to both fields, whatever their own signs: "+-1:00" is -01:00.
        int offset = (offsetHours * 60 + offsetMinutes) * (sign == '-' ? -1 : 1);
        if (Math.abs(offset) >= 24 * 60) {
            throw invalid(wire, "the offset must be less than 24 hours");
        }
        if (year < 1 || year > 9999) {
            throw invalid(wire, "year " + year + " is out of range");
        }
        if (month < 1 || month > 12) {
            throw invalid(wire, "month must be in 1..12");
        }
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            throw invalid(wire, "day is out of range for month");
        }
        if (hour < 0 || hour > 23) {
            throw invalid(wire, "hour must be in 0..23");
        }
        if (minute < 0 || minute > 59) {
            throw invalid(wire, "minute must be in 0..59");
        }
        if (second < 0 || second > 59) {
            throw invalid(wire, "second must be in 0..59");
        }
        if (micros < 0 || micros > 999_999) {
            throw invalid(wire, "microsecond must be in 0..999999");
        }
        if (Math.abs(offset) > 18 * 60) {
            throw invalid(wire, "java.time.ZoneOffset cannot hold offsets beyond 18:00");
        }
        return OffsetDateTime.of(year, month, day, hour, minute, second, micros * 1000,
                ZoneOffset.ofTotalSeconds(offset * 60));
    }

    @Override
    public byte[] toWire(OffsetDateTime value, ArgumentContext context) {
        return encode(value);
    }

    @Override
    public OffsetDateTime fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }

    private static void put(byte[] out, int from, int width, int value) {
        for (int i = from + width - 1; i >= from; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    /** {@code wire[from..to)} read as Python's {@code int()} reads text, as Twisted reads each field. */
    private static int field(byte[] wire, int from, int to) {
        try {
            return (int) IntegerText.decode(Arrays.copyOfRange(wire, from, to), -999_999, 999_999, "int");
        } catch (BadArgumentException e) {
            throw invalid(wire, "bytes " + from + ".." + to + " are not a number");
        }
    }

    private static BadArgumentException invalid(byte[] wire, String reason) {
        return new BadArgumentException("not a DateTime: " + Bytes.repr(wire) + " (" + reason + ")");
    }
}
