package io.ampjava.cli.proxy;

import com.google.gson.stream.JsonWriter;
import io.ampjava.cli.print.BoxJson;
import io.ampjava.cli.print.BoxText;
import io.ampjava.cli.print.BoxView;
import io.ampjava.cli.print.LineBuffer;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxDecoder;
import io.ampjava.wire.ProtocolException;
import io.ampjava.wire.TooLongException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints what passes through the proxy: every box, with its time, connection, direction, byte
 * offset and the descriptors that came with it, and what happens to each connection.
 *
 * <p>The relays hand over a copy of each chunk they read, before forwarding it, and go on at once;
 * one printer thread parses the copies and writes the lines. So printing never delays forwarding
 * (until its backlog reaches {@link #BACKLOG_LIMIT} bytes, when the relays wait for it rather than
 * lose lines), and the lines of a connection come in the order its bytes passed, which is also
 * the order in which a protocol switch must be noticed.
 */
final class TrafficLog implements AutoCloseable {
    /** Bytes of copied chunks the printer may be behind by before the relays wait for it. */
    static final long BACKLOG_LIMIT = 32L << 20;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** Output is written in blocks of about this size, and whenever the printer has caught up. */
    private static final int OUTPUT_BYTES = 64 * 1024;

    private final OutputStream stdout;
    private final boolean json;
    private final int limit;
    private final Set<String> switchCommands;
    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private final TimeText time = new TimeText();
    private final Thread printer;
    private volatile boolean closing;

    private interface Entry {}

    private record Chunk(Connection connection, Direction direction, long micros, byte[] bytes, List<String> fds)
            implements Entry {}

    private record Note(Connection connection, Direction direction, long micros, String event, String text)
            implements Entry {}

    /**
     * @param limit the longest value shown in text output, in characters
     * @param switchCommands the commands after whose successful answer the bytes are another protocol's
     */
    TrafficLog(OutputStream stdout, boolean json, int limit, Set<String> switchCommands) {
        this.stdout = stdout;
        this.json = json;
        this.limit = limit;
        this.switchCommands = switchCommands;
        this.printer = new Thread(this::printLoop, "amp-proxy printer");
        printer.setDaemon(true);
        printer.start();
    }

    /** Starts the log of connection {@code id}. */
    Connection open(int id) {
        return new Connection(id);
    }

    /** A line that belongs to no connection ({@code READY}, a failed accept). */
    void note(String event, String text) {
        enqueue(new Note(null, null, TimeText.nowMicros(), event, text));
    }

    private void enqueue(Entry entry) {
        queue.add(entry);
    }

    /** Prints everything handed over so far, then stops the printer. */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(printer);
        try {
            printer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The log of one proxied connection; its parsing state belongs to the printer thread. */
    final class Connection {
        private final int id;
        private final SwitchWatch switches = new SwitchWatch(switchCommands);
        private final Map<Direction, Stream> streams = new EnumMap<>(Direction.class);

        private Connection(int id) {
            this.id = id;
            for (Direction direction : Direction.values()) {
                streams.put(direction, new Stream());
            }
        }

        int id() {
            return id;
        }

        /**
         * Hands over bytes about to be forwarded {@code direction} (the array is the log's from now
         * on), with descriptions of the descriptors that came with them. Waits while the printer is
         * too far behind.
         */
        void chunk(Direction direction, byte[] bytes, List<String> fds) throws InterruptedException {
            while (backlog.get() > BACKLOG_LIMIT && printer.isAlive()) {
                Thread.sleep(1);
            }
            backlog.addAndGet(bytes.length);
            enqueue(new Chunk(this, direction, TimeText.nowMicros(), bytes, fds));
        }

        /** Something that happened to this connection, or to one of its directions. */
        void note(Direction direction, String event, String text) {
            enqueue(new Note(this, direction, TimeText.nowMicros(), event, text));
        }
    }

    /** One direction of one connection, as the printer parses it. */
    private static final class Stream {
        // No limits: whatever the peers accept is shown.
        final BoxDecoder decoder = new BoxDecoder(Integer.MAX_VALUE, Integer.MAX_VALUE);
        final List<String> fds = new ArrayList<>(); // received, not shown with a box yet
        long offset; // of the next byte to parse
        long boxStart;
        boolean raw; // after a protocol switch, or once the bytes were not AMP
        Box done;
    }

    // ---------------------------------------------------------------------------------------------
    // The printer thread

    private void printLoop() {
        BackgroundThread.lowerPriority();
        LineBuffer lines = new LineBuffer(OUTPUT_BYTES + 4096);
        while (true) {
            Entry entry = queue.poll();
            if (entry == null) {
                write(lines, true);
                if (closing && queue.isEmpty()) {
                    return;
                }
                LockSupport.parkNanos(IDLE_PARK_NANOS);
                continue;
            }
            int mark = lines.size();
            try {
                if (entry instanceof Chunk) {
                    Chunk chunk = (Chunk) entry;
                    backlog.addAndGet(-chunk.bytes.length);
                    parse(chunk, lines);
                } else {
                    Note note = (Note) entry;
                    appendNote(lines, note.connection, note.direction, note.micros, note.event, note.text);
                }
            } catch (RuntimeException | IOException e) {
                lines.truncate(mark);
                lines.append("amp proxy: cannot print what passed: ").append(e.toString()).append('\n');
            }
            if (lines.size() >= OUTPUT_BYTES) {
                write(lines, false);
            }
        }
    }

    private void write(LineBuffer lines, boolean flush) {
        try {
            lines.writeTo(stdout);
            if (flush) {
                stdout.flush();
            }
        } catch (IOException e) {
            lines.clear(); // standard output is gone (a closed pipe): forwarding goes on regardless
        }
    }

    private void parse(Chunk chunk, LineBuffer lines) throws IOException {
        Connection connection = chunk.connection;
        Stream stream = connection.streams.get(chunk.direction);
        stream.fds.addAll(chunk.fds);
        ByteBuffer buffer = ByteBuffer.wrap(chunk.bytes);
        long base = stream.offset;
        while (buffer.hasRemaining() && !stream.raw) {
            try {
                stream.decoder.feed(buffer, box -> {
                    stream.done = box;
                    stream.decoder.stop(); // one box at a time: the buffer's position is then its end
                });
            } catch (TooLongException | ProtocolException e) {
                long at = base + buffer.position() - (e instanceof TooLongException ? 2 : 0);
                stream.raw = true;
                buffer.position((int) Math.max(0, at - base)); // the rest, from the offending bytes, is raw
                String why = e instanceof TooLongException
                        ? "a key length of " + ((TooLongException) e).length() + ", over the 255 AMP allows"
                        : e.getMessage();
                appendNote(lines, connection, chunk.direction, chunk.micros, "not-amp", "not AMP from byte offset "
                        + at + " (" + why + "): the rest is forwarded without being parsed");
                break;
            }
            Box box = stream.done;
            if (box == null) {
                break; // the chunk ends inside a box
            }
            stream.done = null;
            BoxView view = BoxView.of(box);
            appendBox(lines, connection, chunk.direction, chunk.micros, stream.boxStart, view, stream.fds);
            stream.fds.clear();
            stream.boxStart = base + buffer.position();
            String switched = connection.switches.onBox(chunk.direction, view);
            if (switched != null) {
                stream.raw = true;
                connection.streams.get(chunk.direction.opposite()).raw = true;
                appendNote(lines, connection, null, chunk.micros, "switch", "switched protocol with " + switched
                        + ": from here on the bytes are forwarded without being parsed");
            }
        }
        if (stream.raw && buffer.hasRemaining()) {
            appendRaw(lines, connection, chunk.direction, chunk.micros, base + buffer.position(), buffer.remaining(),
                    stream.fds);
            stream.fds.clear();
        }
        stream.offset = base + chunk.bytes.length;
    }

    private void appendBox(LineBuffer lines, Connection connection, Direction direction, long micros, long offset,
            BoxView view, List<String> fds) {
        if (json) {
            lines.append(BoxJson.line(w -> {
                begin(w, connection, direction, micros);
                w.name("offset").value(offset);
                BoxJson.members(w, view);
                fds(w, fds);
                w.endObject();
            })).append('\n');
            return;
        }
        prefix(lines, connection, direction, micros).append('@').append(offset).append(' ');
        BoxText.appendHeadline(lines, view, limit);
        fds(lines, fds);
        lines.append('\n');
        BoxText.appendFields(lines, "    ", view, limit);
    }

    private void appendRaw(LineBuffer lines, Connection connection, Direction direction, long micros, long offset,
            int length, List<String> fds) {
        if (json) {
            lines.append(BoxJson.line(w -> {
                begin(w, connection, direction, micros);
                w.name("offset").value(offset).name("kind").value("raw").name("length").value(length);
                fds(w, fds);
                w.endObject();
            })).append('\n');
            return;
        }
        prefix(lines, connection, direction, micros).append('@').append(offset).append(' ').append(length)
                .append(length == 1 ? " raw byte" : " raw bytes");
        fds(lines, fds);
        lines.append('\n');
    }

    private void appendNote(LineBuffer lines, Connection connection, Direction direction, long micros,
            String event, String message) {
        if (json) {
            lines.append(BoxJson.line(w -> {
                begin(w, connection, direction, micros);
                w.name("event").value(event).name("message").value(message);
                w.endObject();
            })).append('\n');
            return;
        }
        prefix(lines, connection, direction, micros).append(message).append('\n');
    }

    private LineBuffer prefix(LineBuffer lines, Connection connection, Direction direction, long micros) {
        time.appendLocal(lines, micros);
        if (connection != null) {
            lines.append(" [").append(connection.id).append(']');
        }
        if (direction != null) {
            lines.append(' ').append(direction.arrow());
        }
        return lines.append(' ');
    }

    private static void begin(JsonWriter w, Connection connection, Direction direction, long micros)
            throws IOException {
        w.beginObject().name("time").value(TimeText.utc(micros));
        if (connection != null) {
            w.name("connection").value(connection.id);
        }
        if (direction != null) {
            w.name("direction").value(direction.label());
        }
    }

    private static void fds(JsonWriter w, List<String> fds) throws IOException {
        if (!fds.isEmpty()) {
            w.name("fds").beginArray();
            for (String fd : fds) {
                w.value(fd);
            }
            w.endArray();
        }
    }

    private static void fds(LineBuffer lines, List<String> fds) {
        if (!fds.isEmpty()) {
            lines.append(" (").append(fds.size()).append(fds.size() == 1 ? " fd: " : " fds: ")
                    .append(String.join(", ", fds)).append(')');
        }
    }
}
