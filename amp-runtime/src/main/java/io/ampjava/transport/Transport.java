package io.ampjava.transport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * A blocking, bidirectional byte stream under one AMP connection: a Unix socket, a TCP socket, a
 * pair of inherited pipes or an in-memory pair. The connection ({@code io.ampjava.dispatch.AmpConnection})
 * runs one reader thread that calls {@link #read} in a loop; any thread may call {@link #write},
 * never two at once (the connection serializes writers and coalesces their boxes).
 */
public interface Transport extends Closeable {
    /**
     * Reads at least one byte into {@code dst}, blocking until some arrive.
     *
     * <p>Descriptors that arrive (Unix sockets only) are handed to {@code descriptors} before this
     * method returns, in the order received and before the bytes that carried them are returned,
     * so a box is never parsed before the descriptors it names. The callee owns each fd handed over.
     *
     * @param dst where the bytes go
     * @param descriptors takes each received descriptor
     * @return the number of bytes read, or -1 at end of stream
     * @throws IOException on failure, or after {@link #close()} from another thread
     */
    int read(ByteBuffer dst, IntConsumer descriptors) throws IOException;

    /**
     * Writes all remaining bytes of {@code srcs}, in order, blocking as needed (gathering write).
     *
     * @param srcs the buffers to write
     * @throws IOException on failure
     */
    void write(ByteBuffer[] srcs) throws IOException;

    /**
     * Writes {@code frames[from, to)} whole, in order, as {@link #write} would write them wrapped:
     * the connection's queue hands its encoded boxes over this way. Transports that copy into a
     * buffer of their own anyway override it and need no wrapper per box. The frames are not
     * modified.
     *
     * @param frames encoded boxes
     * @param from index of the first frame to write
     * @param to index after the last frame to write
     * @throws IOException on failure
     */
    default void writeFrames(byte[][] frames, int from, int to) throws IOException {
        ByteBuffer[] buffers = new ByteBuffer[to - from];
        for (int i = from; i < to; i++) {
            buffers[i - from] = ByteBuffer.wrap(frames[i]);
        }
        write(buffers);
    }

    /**
     * Writes exactly one byte of {@code src} together with {@code fd} (one {@code sendmsg} with an
     * {@code SCM_RIGHTS} control message), as Twisted does for each descriptor. The caller keeps
     * ownership of {@code fd}.
     *
     * @param src holds the byte to send
     * @param fd the descriptor to send with it
     * @throws IOException on failure
     * @throws UnsupportedOperationException if {@link #canPassDescriptors()} is false
     */
    default void writeWithDescriptor(ByteBuffer src, int fd) throws IOException {
        throw new UnsupportedOperationException(describe() + " cannot carry file descriptors");
    }

    /**
     * Writes all remaining bytes of {@code src}, the first of them together with {@code fd}: still
     * one descriptor per message, but the bytes after it need not travel separately. The default
     * is {@link #writeWithDescriptor} for the first byte, then {@link #write} for the rest; a Unix
     * socket sends it all in one {@code sendmsg} when it can, so the peer reads the descriptor and
     * the box that names it in one read. The caller keeps ownership of {@code fd}.
     *
     * @param src the bytes to send
     * @param fd the descriptor to send with the first
     * @throws IOException on failure
     * @throws UnsupportedOperationException if {@link #canPassDescriptors()} is false
     */
    default void writeWithDescriptorAndRest(ByteBuffer src, int fd) throws IOException {
        ByteBuffer first = src.duplicate();
        first.limit(first.position() + 1);
        writeWithDescriptor(first, fd);
        src.position(src.position() + 1);
        if (src.hasRemaining()) {
            write(new ByteBuffer[] {src});
        }
    }

    /**
     * Writes {@code frames[from, to)} whole, in order, with the descriptors {@code fds[fdFrom, fdTo)}
     * riding on the first bytes, so the peer receives each of them no later than the first of these
     * bytes (the box that names a descriptor may come later among the frames). A message carries at
     * most {@link #descriptorsPerMessage()} descriptors, each message but the last with one byte, so
     * the frames must hold at least one byte per message. The default sends one descriptor per
     * message with one byte each ({@link #writeWithDescriptor}), the last together with the rest
     * ({@link #writeWithDescriptorAndRest}); a Unix socket sends them all with the first bytes in one
     * {@code sendmsg}. The caller keeps ownership of the descriptors.
     *
     * @param frames encoded boxes
     * @param from index of the first frame to write
     * @param to index after the last frame to write
     * @param fds descriptors
     * @param fdFrom index of the first descriptor to send
     * @param fdTo index after the last descriptor to send
     * @throws IOException on failure
     * @throws IllegalArgumentException if the frames hold fewer bytes than the descriptors need
     * @throws UnsupportedOperationException if {@link #canPassDescriptors()} is false
     */
    default void writeFramesWithDescriptors(byte[][] frames, int from, int to, int[] fds, int fdFrom, int fdTo)
            throws IOException {
        int length = 0;
        for (int i = from; i < to; i++) {
            length += frames[i].length;
        }
        if (length < fdTo - fdFrom) {
            throw new IllegalArgumentException((fdTo - fdFrom) + " descriptors need as many bytes to ride on;"
                    + " the frames hold " + length);
        }
        ByteBuffer all = ByteBuffer.allocate(length);
        for (int i = from; i < to; i++) {
            all.put(frames[i]);
        }
        all.flip();
        for (int fd = fdFrom; fd < fdTo; fd++) {
            if (fd == fdTo - 1) {
                writeWithDescriptorAndRest(all, fds[fd]);
            } else {
                ByteBuffer one = all.duplicate();
                one.limit(one.position() + 1);
                writeWithDescriptor(one, fds[fd]);
                all.position(all.position() + 1);
            }
        }
        if (all.hasRemaining()) {
            write(new ByteBuffer[] {all});
        }
    }

    /**
     * {@return how many descriptors one message may carry in {@link #writeFramesWithDescriptors}:
     * one by default, as Twisted sends them; the kernel's limit ({@code SCM_MAX_FD}) on a Unix socket.
     * A transport that carries more overrides both methods}
     */
    default int descriptorsPerMessage() {
        return 1;
    }

    /**
     * For a reader that has stopped reading for a while (its connection is at a limit): tells,
     * without blocking for more than a millisecond, whether the peer has hung up, so that a paused
     * connection still closes when its peer leaves. A transport that can ask the kernel (Unix
     * sockets and inherited pipes, with {@code poll}) reads nothing; one that cannot may read what
     * has arrived into {@code dst}'s remaining room (none when it has none), handing descriptors
     * to {@code descriptors} as {@link #read} does.
     *
     * @param dst room for bytes that have arrived
     * @param descriptors takes each received descriptor
     * @return -1 if the peer has hung up; otherwise how many bytes were put into {@code dst}
     *     (usually 0). The default cannot tell, and returns 0.
     * @throws IOException on failure
     */
    default int pollWhilePaused(ByteBuffer dst, IntConsumer descriptors) throws IOException {
        return 0;
    }

    /** {@return whether {@link #writeWithDescriptor} works here (Unix sockets)} */
    default boolean canPassDescriptors() {
        return false;
    }

    /**
     * Stops sending: the peer reads end of stream once written bytes are consumed. Idempotent.
     *
     * @throws IOException on failure
     */
    void shutdownOutput() throws IOException;

    /** Closes both directions and wakes a blocked {@link #read}. Idempotent. */
    @Override
    void close() throws IOException;

    /** {@return a short description for messages and thread names, e.g. {@code unix:/tmp/amp.sock}} */
    String describe();

    /**
     * Whether this side connected or accepted; StartTLS makes the connecting side the TLS client.
     * {@link TransportRole#UNKNOWN} unless the transport knows.
     *
     * @return this side's role
     */
    default TransportRole role() {
        return TransportRole.UNKNOWN;
    }
}
