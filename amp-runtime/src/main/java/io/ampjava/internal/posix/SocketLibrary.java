package io.ampjava.internal.posix;

import jnr.ffi.Pointer;

/**
 * The libc socket calls the Unix transport makes on raw memory it owns. jnr-posix has
 * {@code recvmsg}/{@code sendmsg}, but its message header points at temporary native memory that
 * nothing keeps alive, which the garbage collector may reclaim between filling the header and the
 * call; here the caller owns every byte the kernel reads or writes (see {@code MessageHeader}).
 *
 * <p>Internal to amp-java (public only because jnr-ffi implements it from another class loader).
 * Every method returns -1 and sets errno on failure, exactly as libc does.
 */
public interface SocketLibrary {
    /** Linux's {@code SOL_SOCKET}. */
    int SOL_SOCKET = 1;
    /** Linux's {@code SCM_RIGHTS}. */
    int SCM_RIGHTS = 1;
    /** Received descriptors get close-on-exec atomically. */
    int MSG_CMSG_CLOEXEC = 0x40000000;
    /** A write to a socket whose peer is gone fails with EPIPE instead of raising SIGPIPE. */
    int MSG_NOSIGNAL = 0x4000;
    /** The kernel dropped control data that did not fit (and closed the descriptors in it). */
    int MSG_CTRUNC = 0x8;
    int SHUT_RD = 0;
    int SHUT_WR = 1;
    int SHUT_RDWR = 2;
    int AF_UNIX = 1;
    int SOCK_STREAM = 1;
    /** Or-ed into a socket type: the new descriptors are close-on-exec. */
    int SOCK_CLOEXEC = 02000000;
    /** Linux's {@code SO_PEERCRED}: the pid, uid and gid of the peer of a Unix socket ({@code struct ucred}). */
    int SO_PEERCRED = 17;

    /** Linux's {@code F_DUPFD_CLOEXEC}: a duplicate that is close-on-exec from the start, in one call. */
    int F_DUPFD_CLOEXEC = 1030;

    /** {@code poll}'s event bits. */
    short POLLIN = 0x1;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    /** The peer shut down its writing side (or closed): Linux, sockets only. */
    short POLLRDHUP = 0x2000;

    int recvmsg(int fd, Pointer message, int flags);

    /** {@code poll} over {@code count} {@code struct pollfd} (int fd, short events, short revents). */
    int poll(Pointer fds, int count, int timeoutMillis);

    /** {@code fcntl} with an int argument (jnr-posix's lacks {@code F_DUPFD_CLOEXEC}). */
    int fcntl(int fd, int command, int argument);

    int sendmsg(int fd, Pointer message, int flags);

    int shutdown(int fd, int how);

    int bind(int fd, Pointer address, int length);

    int listen(int fd, int backlog);

    int getsockopt(int fd, int level, int option, Pointer value, Pointer length);
}
