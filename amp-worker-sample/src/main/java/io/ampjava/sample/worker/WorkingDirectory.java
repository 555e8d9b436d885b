package io.ampjava.sample.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Trial's {@code Start(directory)}: the Python worker {@code chdir}s there, so files that tests
 * open by relative paths land in the worker's own directory. Java has no {@code chdir}; this class
 * calls the C library's through a one-function jnr-ffi binding (all of jnr-posix would cost a
 * worker a few hundred milliseconds of start-up), and sets {@code user.dir} to match.
 *
 * <p>What follows the new directory: everything that hands a relative path to the operating system
 * ({@code new FileInputStream("x")}, {@code Files.newBufferedWriter(Path.of("x"))},
 * {@code Files.exists}, {@code new File("x").exists()}), child processes, and code that reads
 * {@code user.dir} itself. What does not: {@code Path.toAbsolutePath()} and
 * {@code File.getAbsolutePath()}, which the JDK resolves against the directory the JVM started in
 * (it caches it at start-up). Tests that need an absolute path should build it from
 * {@code System.getProperty("user.dir")}.
 */
public final class WorkingDirectory {
    private WorkingDirectory() {}

    /**
     * The two calls of the C library a worker needs: {@code chdir}, and {@code dup2} for a worker on
     * standard streams ({@link #pointStdoutAtStderr}). Public only because jnr-ffi implements it
     * from another class loader.
     */
    public interface Libc {
        int chdir(String path);

        int dup2(int oldFd, int newFd);
    }

    private static final class Holder {
        static final Libc LIBC = LibraryLoader.create(Libc.class).load("c");
    }

    /**
     * Makes {@code directory} the process's working directory, creating it first if it does not
     * exist (a worker on another host gets the manager's path for it).
     */
    static void change(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new IOException("cannot run tests in " + directory + ": not a directory, and cannot create it ("
                        + e + ")", e);
            }
        }
        Path real = directory.toRealPath();
        if (Holder.LIBC.chdir(real.toString()) != 0) {
            throw new IOException("chdir " + real + " failed: errno " + LastError.getLastError(Runtime.getSystemRuntime()));
        }
        System.setProperty("user.dir", real.toString());
    }

    /**
     * Points fd 1 at whatever fd 2 is: for a worker that speaks AMP on its standard streams, once
     * the transport holds them, so that nothing written to standard output (by the JVM, by native
     * code, by a child process that inherits it) can reach the manager's stream; it lands in the
     * worker's standard error instead.
     */
    public static void pointStdoutAtStderr() throws IOException {
        if (Holder.LIBC.dup2(2, 1) < 0) {
            throw new IOException("dup2(2, 1) failed: errno " + LastError.getLastError(Runtime.getSystemRuntime()));
        }
    }
}
