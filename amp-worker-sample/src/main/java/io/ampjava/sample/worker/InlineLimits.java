package io.ampjava.sample.worker;

import io.ampjava.sample.junit.Utf8;
import io.ampjava.wire.AmpKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Cutting reports to fit the inline dialect (Twisted 22.8 and earlier), where a whole text or the
 * whole frame list must fit in one AMP value of 65535 bytes. A Twisted worker of that era fails the
 * whole run on a longer traceback; this one sends what fits and says what it left out.
 */
final class InlineLimits {
    static final int MAX_VALUE = AmpKeys.MAX_VALUE_LENGTH;
    private static final int LENGTH_PREFIX = 2;

    private InlineLimits() {}

    /** {@code text} cut to one value, with a note of how much was cut. */
    static String text(String text) {
        int length = Utf8.length(text);
        if (length <= MAX_VALUE) {
            return text;
        }
        return Utf8.truncate(text, MAX_VALUE, "\n[... " + length + " bytes in all, cut to fit one AMP value]");
    }

    /**
     * The innermost frames (the end of the list, nearest the failure) that fit in one
     * {@code ListOf(Unicode)} value, preceded, when some were left out, by a made-up frame saying so.
     */
    static List<String> frames(List<String> frames) {
        if (encodedSize(frames, 0, frames.size()) <= MAX_VALUE) {
            return frames;
        }
        List<String> note = omissionNote(frames.size() / 3);
        int budget = MAX_VALUE - encodedSize(note, 0, note.size());
        int start = frames.size();
        int used = 0;
        while (start >= 3) {
            int triple = encodedSize(frames, start - 3, start);
            if (used + triple > budget) {
                break;
            }
            used += triple;
            start -= 3;
        }
        List<String> kept = new ArrayList<>(omissionNote(start / 3));
        kept.addAll(frames.subList(start, frames.size()));
        return kept;
    }

    private static List<String> omissionNote(int omittedFrames) {
        return List.of("[" + omittedFrames + " outer frames left out to fit one AMP value]", "-", "0");
    }

    private static int encodedSize(List<String> strings, int from, int to) {
        int size = 0;
        for (int i = from; i < to; i++) {
            size += LENGTH_PREFIX + Utf8.length(strings.get(i));
        }
        return size;
    }

    /** One element of a frame list: a frame string longer than any value could hold is cut. */
    static String frameString(String frame) {
        return Utf8.length(frame) <= MAX_VALUE - LENGTH_PREFIX ? frame : Utf8.truncate(frame, MAX_VALUE - LENGTH_PREFIX, "...");
    }
}
