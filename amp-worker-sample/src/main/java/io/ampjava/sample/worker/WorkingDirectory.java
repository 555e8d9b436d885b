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
final class WorkingDirectory {
    private WorkingDirectory() {}

    /** libc's {@code chdir}; public only because jnr-ffi implements it from another class loader. */
    public interface Chdir {
        int chdir(String path);
    }

    private static final class Holder {
        static final Chdir LIBC = LibraryLoader.create(Chdir.class).load("c");
    }

    /** Makes {@code directory} the process's working directory. */
    static void change(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new IOException("cannot run tests in " + directory + ": not a directory");
        }
        Path real = directory.toRealPath();
        if (Holder.LIBC.chdir(real.toString()) != 0) {
            throw new IOException("chdir " + real + " failed: errno " + LastError.getLastError(Runtime.getSystemRuntime()));
        }
        System.setProperty("user.dir", real.toString());
    }
}
