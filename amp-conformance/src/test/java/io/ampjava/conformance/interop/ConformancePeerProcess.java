package io.ampjava.conformance.interop;

import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.testing.TwistedPython;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A conformance peer running in its own process: the Java peer from {@code amp-peer.jar} or the
 * Twisted peer, serving on a Unix socket or on TCP (port 0). Starting returns once the peer printed
 * its {@code READY} line. Both are started with {@code --exit-on-eof} and keep our end of their
 * standard input open, so they also go away if the test JVM dies without closing them.
 */
final class ConformancePeerProcess implements AutoCloseable {
    /** Which implementation serves. */
    enum Implementation {
        JAVA,
        TWISTED
    }

    /** The transports the suite covers. */
    enum Transport {
        UNIX,
        TCP
    }

    private static final long READY_TIMEOUT_MILLIS = 60_000;

    private final String name;
    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final String address;

    private ConformancePeerProcess(String name, Process process, Path stdout, Path stderr, String address) {
        this.name = name;
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.address = address;
    }

    /**
     * Starts a peer. For {@link Transport#UNIX} the socket is created as {@code peer.sock} in
     * {@code socketDir}, which should be short: a Unix socket path has at most 107 bytes.
     */
    static ConformancePeerProcess start(Implementation implementation, Transport transport, Path socketDir) {
        List<String> command = new ArrayList<>();
        if (implementation == Implementation.JAVA) {
            command.addAll(List.of(InteropPaths.java(), "-jar", InteropPaths.peerJar().toString()));
        } else {
            command.addAll(List.of(TwistedPython.interpreter().toString(),
                    InteropPaths.pythonDir().resolve("twisted_peer.py").toString()));
        }
        command.add("serve");
        if (transport == Transport.UNIX) {
            command.addAll(List.of("--unix", socketDir.resolve(implementation.name().toLowerCase() + ".sock").toString()));
        } else {
            command.addAll(List.of("--tcp", "0"));
        }
        command.add("--exit-on-eof");
        String name = implementation.name().toLowerCase() + "-peer-" + transport.name().toLowerCase();
        Path stdout = InteropPaths.logDir().resolve(name + ".out");
        Path stderr = InteropPaths.logDir().resolve(name + ".err");
        ProcessBuilder builder = InteropPaths.python(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        return new ConformancePeerProcess(name, process, stdout, stderr, awaitReady(name, process, stdout, stderr));
    }

    private static String awaitReady(String name, Process process, Path stdout, Path stderr) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            String out = LogFiles.read(stdout);
            int newline = out.indexOf('\n');
            if (newline >= 0) {
                String line = out.substring(0, newline).strip();
                if (!line.startsWith("READY ")) {
                    process.destroyForcibly();
                    fail(name + " printed " + line + " instead of READY <address>; stderr:\n" + LogFiles.read(stderr));
                }
                return line.substring("READY ".length());
            }
            if (!process.isAlive()) {
                fail(name + " exited with " + process.exitValue() + " before READY; stderr:\n" + LogFiles.read(stderr));
            }
            sleep(20);
        }
        process.destroyForcibly();
        return fail(name + " printed no READY line within " + READY_TIMEOUT_MILLIS + " ms; stderr:\n" + LogFiles.read(stderr));
    }

    /** The address the peer printed, e.g. {@code unix:/tmp/x/java.sock} or {@code tcp:127.0.0.1:41234}. */
    String address() {
        return address;
    }

    /** The Unix socket path. */
    Path unixPath() {
        if (!address.startsWith("unix:")) {
            throw new IllegalStateException(name + " serves " + address);
        }
        return Path.of(address.substring("unix:".length()));
    }

    /** The TCP port. */
    int tcpPort() {
        if (!address.startsWith("tcp:")) {
            throw new IllegalStateException(name + " serves " + address);
        }
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }

    /** Arguments that point a Python tool at this peer: {@code --unix PATH} or {@code --tcp HOST:PORT}. */
    List<String> toolArguments() {
        return address.startsWith("unix:")
                ? List.of("--unix", unixPath().toString())
                : List.of("--tcp", address.substring("tcp:".length()));
    }

    /** Fails unless the peer is still running: no connection may make it exit. */
    void assertAlive() {
        if (!process.isAlive()) {
            fail(name + " exited with " + process.exitValue() + "; stderr:\n" + LogFiles.tail(LogFiles.read(stderr)));
        }
    }

    /** The peer's standard error so far, for failure messages. */
    String stderr() {
        return LogFiles.read(stderr);
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // --exit-on-eof: a polite stop
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name + " at " + address;
    }


    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
