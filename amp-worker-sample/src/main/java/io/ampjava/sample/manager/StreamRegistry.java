package io.ampjava.sample.manager;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The manager's open streams (Twisted 22.10's {@code StreamReceiver}): ids count up from 0 across
 * all workers of the run, as in Twisted; a report that names a stream closes it.
 *
 * <p>A stream keeps at most {@value #MAX_STREAM_BYTES} bytes, so a runaway worker cannot exhaust the
 * manager's heap; what is dropped is noted in the text.
 */
final class StreamRegistry {
    static final int MAX_STREAM_BYTES = 16 << 20;

    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, Chunks> streams = new ConcurrentHashMap<>();

    long open() {
        long id = nextId.getAndIncrement();
        streams.put(id, new Chunks());
        return id;
    }

    /**
     * Appends to an open stream.
     *
     * @throws IllegalArgumentException if no stream has that id (Twisted's {@code KeyError}: the
     *     worker is answered {@code UNKNOWN} and the connection closes)
     */
    void write(long id, byte[] chunk) {
        Chunks stream = streams.get(id);
        if (stream == null) {
            throw new IllegalArgumentException("no open stream " + id);
        }
        stream.add(chunk);
    }

    /** Closes the stream and returns its text, or null when there is no such stream. */
    String finishText(Long id) {
        Chunks stream = id == null ? null : streams.remove(id);
        return stream == null ? null : stream.text();
    }

    /** Closes the stream and returns its chunks as strings (one frame string each), or null. */
    List<String> finishStrings(Long id) {
        Chunks stream = id == null ? null : streams.remove(id);
        return stream == null ? null : stream.strings();
    }

    /** How many streams are open (for tests). */
    int openCount() {
        return streams.size();
    }

    private static final class Chunks {
        private final List<byte[]> chunks = new ArrayList<>();
        private long size;
        private long dropped;

        synchronized void add(byte[] chunk) {
            if (size + chunk.length > MAX_STREAM_BYTES) {
                dropped += chunk.length;
                return;
            }
            chunks.add(chunk);
            size += chunk.length;
        }

        synchronized String text() {
            ByteArrayOutputStream all = new ByteArrayOutputStream((int) size);
            for (byte[] chunk : chunks) {
                all.writeBytes(chunk);
            }
            String text = all.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? text : text + "\n[... " + dropped + " more bytes dropped by the manager]";
        }

        synchronized List<String> strings() {
            List<String> strings = new ArrayList<>(chunks.size());
            for (byte[] chunk : chunks) {
                strings.add(new String(chunk, StandardCharsets.UTF_8));
            }
            return strings;
        }
    }
}
