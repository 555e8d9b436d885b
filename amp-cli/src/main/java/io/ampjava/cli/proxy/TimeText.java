package io.ampjava.cli.proxy;

import io.ampjava.cli.print.LineBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Timestamps of the proxy's lines: local {@code HH:MM:SS.ffffff} for text, UTC ISO-8601 for JSON. */
final class TimeText {
    private final ZoneId zone = ZoneId.systemDefault();

    /** Microseconds since the epoch, now. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /** {@code 23:51:17.123456} in the local time zone. */
    void appendLocal(LineBuffer text, long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000);
        int offset = zone.getRules().getOffset(Instant.ofEpochSecond(seconds)).getTotalSeconds();
        long secondOfDay = Math.floorMod(seconds + offset, 86_400);
        two(text, (int) (secondOfDay / 3600)).append(':');
        two(text, (int) (secondOfDay / 60 % 60)).append(':');
        two(text, (int) (secondOfDay % 60)).append('.');
        six(text, Math.floorMod(micros, 1_000_000));
    }

    /** {@code 2026-01-01T23:51:17.123456Z}. */
    static String utc(long micros) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), 0, ZoneOffset.UTC);
        LineBuffer text = new LineBuffer(27);
        text.append(time.getYear()).append('-');
        two(text, time.getMonthValue()).append('-');
        two(text, time.getDayOfMonth()).append('T');
        two(text, time.getHour()).append(':');
        two(text, time.getMinute()).append(':');
        two(text, time.getSecond()).append('.');
        six(text, Math.floorMod(micros, 1_000_000));
        return text.append('Z').toString();
    }

    private static LineBuffer two(LineBuffer text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void six(LineBuffer text, int value) {
        for (int divisor = 100_000; divisor > 0; divisor /= 10) {
            text.append((char) ('0' + value / divisor % 10));
        }
    }
}
