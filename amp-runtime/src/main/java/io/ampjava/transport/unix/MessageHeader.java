package io.ampjava.transport.unix;

import io.ampjava.internal.io.DirectBuffers;
import io.ampjava.internal.posix.NativePosix;
import io.ampjava.internal.posix.SocketLibrary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.IntConsumer;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A {@code struct msghdr} with one {@code iovec} and a control buffer, laid out in one block of
 * native memory that this object owns, so nothing the kernel reads or writes can be reclaimed
 * while a call is in flight. One per direction of a transport; not thread-safe.
 *
 * <p>Layout (Linux LP64, checked by {@link NativePosix#requireLinux64}): msghdr is 56 bytes
 * (name 0, namelen 8, iov 16, iovlen 24, control 32, controllen 40, flags 48), the iovec follows at
 * 56 (base, len), the control buffer at 72; a cmsghdr is {@code len:size_t, level:int, type:int}
 * followed by its data, each aligned to 8 bytes.
 */
final class MessageHeader {
    private static final int MSGHDR_SIZE = 56;
    private static final int IOVEC_OFFSET = MSGHDR_SIZE;
    private static final int CONTROL_OFFSET = IOVEC_OFFSET + 16;
    private static final int CMSG_HEADER = 16;
    private static final int INT_SIZE = 4;

    private final ByteBuffer block;
    private final Pointer pointer;
    private final long base;
    private final int controlCapacity;

    /** @param maxDescriptors how many descriptors one message may carry in its control data */
    MessageHeader(int maxDescriptors) {
        this.controlCapacity = space(maxDescriptors * INT_SIZE);
        this.block = ByteBuffer.allocateDirect(CONTROL_OFFSET + controlCapacity).order(ByteOrder.nativeOrder());
        this.pointer = Pointer.wrap(Runtime.getSystemRuntime(), block);
        this.base = pointer.address();
        block.putLong(16, base + IOVEC_OFFSET);
        block.putLong(24, 1);
    }

    /** Frees the native memory; the header must not be used again. */
    void free() {
        DirectBuffers.free(block);
    }

    /** The {@code struct msghdr *} to pass to recvmsg/sendmsg. */
    Pointer pointer() {
        return pointer;
    }

    /** Points the single iovec at {@code length} bytes at native {@code address}. */
    void setData(long address, int length) {
        block.putLong(IOVEC_OFFSET, address);
        block.putLong(IOVEC_OFFSET + 8, length);
    }

    /** No control data: a plain send. */
    void clearControl() {
        block.putLong(32, 0);
        block.putLong(40, 0);
        block.putInt(48, 0);
    }

    /** Offers the whole control buffer to the next recvmsg (the kernel shrinks the length). */
    void expectControl() {
        block.putLong(32, base + CONTROL_OFFSET);
        block.putLong(40, controlCapacity);
        block.putInt(48, 0);
    }

    /** One {@code SCM_RIGHTS} control message carrying {@code fds[from, to)}, in that order. */
    void putRights(int[] fds, int from, int to) {
        int length = (to - from) * INT_SIZE;
        if (space(length) > controlCapacity) {
            throw new IllegalArgumentException((to - from) + " descriptors do not fit in one message");
        }
        for (int i = from; i < to; i++) {
            block.putInt(CONTROL_OFFSET + CMSG_HEADER + (i - from) * INT_SIZE, fds[i]);
        }
        block.putLong(CONTROL_OFFSET, CMSG_HEADER + length);
        block.putInt(CONTROL_OFFSET + 8, SocketLibrary.SOL_SOCKET);
        block.putInt(CONTROL_OFFSET + 12, SocketLibrary.SCM_RIGHTS);
        block.putLong(32, base + CONTROL_OFFSET);
        block.putLong(40, space(length));
        block.putInt(48, 0);
    }

    /** The {@code msg_flags} the kernel set on the last recvmsg. */
    int flags() {
        return block.getInt(48);
    }

    /**
     * Hands every descriptor of the {@code SCM_RIGHTS} messages received by the last recvmsg to
     * {@code sink}, in order. If the sink throws, or the kernel truncated the control data, the
     * descriptors not handed over are closed and the failure is reported.
     */
    void takeDescriptors(IntConsumer sink) throws IOException {
        int[] fds = receivedDescriptors();
        boolean truncated = (flags() & SocketLibrary.MSG_CTRUNC) != 0;
        int handed = 0;
        try {
            if (truncated) {
                throw new IOException("the peer sent more descriptors in one message than fit (" + fds.length
                        + " arrived; the kernel closed the rest): the descriptor ordinals are lost");
            }
            for (int fd : fds) {
                sink.accept(fd);
                handed++;
            }
        } finally {
            for (int i = handed; i < fds.length; i++) {
                NativePosix.posix().close(fds[i]);
            }
        }
    }

    private int[] receivedDescriptors() {
        long controlLength = block.getLong(40);
        if (block.getLong(32) == 0 || controlLength < CMSG_HEADER) {
            return NONE;
        }
        int[] fds = NONE;
        int offset = 0;
        while (offset + CMSG_HEADER <= controlLength) {
            int at = CONTROL_OFFSET + offset;
            long length = block.getLong(at);
            if (length < CMSG_HEADER || offset + length > controlLength) {
                break;
            }
            if (block.getInt(at + 8) == SocketLibrary.SOL_SOCKET && block.getInt(at + 12) == SocketLibrary.SCM_RIGHTS) {
                int count = (int) ((length - CMSG_HEADER) / INT_SIZE);
                int start = fds.length;
                fds = java.util.Arrays.copyOf(fds, start + count);
                for (int i = 0; i < count; i++) {
                    fds[start + i] = block.getInt(at + CMSG_HEADER + i * INT_SIZE);
                }
            }
            offset += align((int) length);
        }
        return fds;
    }

    private static final int[] NONE = new int[0];

    private static int align(int length) {
        return (length + 7) & ~7;
    }

    private static int space(int dataLength) {
        return CMSG_HEADER + align(dataLength);
    }
}
