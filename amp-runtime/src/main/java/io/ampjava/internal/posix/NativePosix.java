package io.ampjava.internal.posix;

import java.io.IOException;
import jnr.constants.platform.Errno;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Platform;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/**
 * The process's native POSIX bindings, loaded on first use so that code which never touches a file
 * descriptor never loads native code: jnr-posix for the file calls, and {@link SocketLibrary} for
 * the few socket calls jnr-posix does not offer in a form we can use safely.
 *
 * <p>Internal to amp-java: shared by {@code io.ampjava.types.Descriptor} and the transports; not an
 * API for applications.
 */
public final class NativePosix {
    private NativePosix() {}

    private static final class PosixHolder {
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    private static final class FilesHolder {
        static final FileLibrary FILES = LibraryLoader.create(FileLibrary.class).load("c");
    }

    private static final class SocketsHolder {
        static final SocketLibrary SOCKETS = LibraryLoader.create(SocketLibrary.class).load("c");
    }

    private static final class MemoryHolder {
        static final MemoryLibrary MEMORY = LibraryLoader.create(MemoryLibrary.class).load("c");
    }

    /**
     * {@code malloc_trim}, which only glibc has: calling it elsewhere throws (an
     * {@link UnsatisfiedLinkError} or a {@link LinkageError}).
     */
    public static MemoryLibrary memory() {
        return MemoryHolder.MEMORY;
    }

    /** jnr-posix's native binding (open, read, write, dup, close, pipe, fcntl...). */
    public static POSIX posix() {
        return PosixHolder.POSIX;
    }

    /**
     * {@code open}, {@code dup2} and {@code close} alone, for code that needs nothing else and should
     * not pay for loading all of {@link #posix()}.
     */
    public static FileLibrary files() {
        return FilesHolder.FILES;
    }

    /**
     * The raw socket calls; only on 64-bit Linux (see {@link #requireLinux64}). Internal to
     * amp-java: the transports and {@code Descriptor} use them.
     */
    public static SocketLibrary sockets() {
        return SocketsHolder.SOCKETS;
    }

    /**
     * Whether {@code fd} reports a hang-up right now ({@code poll} with no wait): the peer closed
     * or, for a socket, shut down its sending side. Bytes it sent before are not read, and still
     * there.
     *
     * @throws IOException if poll fails
     */
    public static boolean hungUp(int fd) throws IOException {
        Pointer entry = Memory.allocateDirect(Runtime.getSystemRuntime(), 8);
        entry.putInt(0, fd);
        entry.putShort(4, (short) (SocketLibrary.POLLIN | SocketLibrary.POLLRDHUP));
        entry.putShort(6, (short) 0);
        int ready = sockets().poll(entry, 1, 0);
        if (ready < 0) {
            throw new IOException("poll(" + fd + ") failed: " + describeErrno(errno()));
        }
        short events = entry.getShort(6);
        return (events & (SocketLibrary.POLLHUP | SocketLibrary.POLLRDHUP | SocketLibrary.POLLERR)) != 0;
    }

    /** The errno left by the last native call on this thread. */
    public static int errno() {
        return LastError.getLastError(Runtime.getSystemRuntime());
    }

    /** A readable form of {@code errno}, e.g. {@code "EPIPE (Broken pipe)"}. */
    public static String describeErrno(int errno) {
        Errno known = Errno.valueOf(errno);
        if (known == null || known == Errno.__UNKNOWN_CONSTANT__) {
            return "errno " + errno;
        }
        return known.name() + " (" + known.description() + ")";
    }

    /**
     * Fails unless this is 64-bit Linux: the message layouts in {@code MessageHeader} and the
     * constants in {@code SocketLibrary} are Linux's LP64 ones (x86-64 and AArch64 share them).
     */
    public static void requireLinux64(String what) {
        Platform.OS os = Platform.getNativePlatform().getOS();
        int addressBits = Runtime.getSystemRuntime().addressSize() * 8;
        if (os != Platform.OS.LINUX || addressBits != 64) {
            throw new UnsupportedOperationException(what + " needs 64-bit Linux; this is " + os + " " + addressBits + "-bit");
        }
    }
}
