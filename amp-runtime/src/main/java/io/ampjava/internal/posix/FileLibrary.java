package io.ampjava.internal.posix;

/**
 * The few libc file calls a pipe transport needs to give up inherited descriptor numbers. A
 * binding this small loads in a fraction of jnr-posix's time (which builds its whole libc
 * interface on first use), and a worker process pays that on its start-up path.
 *
 * <p>Internal to amp-java (public only because jnr-ffi implements it from another class loader).
 * Every method returns -1 and sets errno on failure, exactly as libc does.
 */
public interface FileLibrary {
    /** Linux's {@code O_RDWR}. */
    int O_RDWR = 2;
    /** Linux's {@code O_CLOEXEC}. */
    int O_CLOEXEC = 02000000;

    int open(String path, int flags, int mode);

    /** Linux's {@code F_DUPFD_CLOEXEC}. */
    int F_DUPFD_CLOEXEC = 1030;

    int dup2(int from, int to);

    /** {@code fcntl} with an int argument. */
    int fcntl(int fd, int command, int argument);

    int close(int fd);
}
