package io.ampjava.cli.packaging;

import io.ampjava.cli.AmpCli;
import io.ampjava.cli.Terminal;
import io.ampjava.wire.Box;
import io.ampjava.wire.BoxEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@link ClassArchive} has the JVM record the classes of: every subcommand once, in this JVM,
 * as people use them (help, echo server, calls over Unix and TCP with text, JSON, a descriptor, a
 * failure, a repeat; a proxied call; a decoded capture). Fails if any of it fails, so that a broken
 * build never ships an archive.
 */
public final class ClassArchiveTraining {
    private static final InputStream NO_INPUT = new ByteArrayInputStream(new byte[0]);

    private ClassArchiveTraining() {}

    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("amp-class-archive");
        try {
            train(directory);
        } finally {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(path);
                }
            }
        }
        System.exit(0); // the servers' threads are daemons, but leave no doubt
    }

    private static void train(Path directory) throws Exception {
        expect(0, "--help");
        for (String subcommand : new String[] {"call", "serve", "proxy", "decode"}) {
            expect(0, subcommand, "--help");
        }
        expect(4, "call", "tcp:1", "Sum", "not-key-value");
        String unix = "unix:" + directory.resolve("echo.sock");
        Running echo = Running.start("serve", unix, "--echo");
        Running tcpEcho = Running.start("serve", "tcp:0", "--echo");
        Running proxy = Running.start("proxy", "unix:" + directory.resolve("proxy.sock"), unix);
        Path file = Files.writeString(directory.resolve("value"), "file value");
        expect(0, "call", unix, "Sum", "a=13", "b=81");
        expect(0, "call", "--json", tcpEcho.address, "Sum", "a=13", "b=@" + file);
        expect(0, "call", unix, "Take", "fd=fd:" + file);
        expect(0, "call", "--repeat", "200", "--outstanding", "4", tcpEcho.address, "Sum", "a=1");
        expect(0, "call", proxy.address, "Sum", "a=1", "b=2");
        expect(3, "call", "unix:" + directory.resolve("nobody.sock"), "Sum");
        proxy.stop();
        echo.stop();
        tcpEcho.stop();
        byte[] capture = BoxEncoder.encode(new Box().put("_command", "Sum").put("_ask", "1").put("a", "1"));
        Path captured = Files.write(directory.resolve("capture.amp"), capture);
        expect(0, "decode", captured.toString());
        expect(0, "decode", "--json", captured.toString());
        expect(1, "decode", directory.resolve("value").toString());
    }

    private static void expect(int status, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int actual = AmpCli.run(args, OutputStream.nullOutputStream(), err, NO_INPUT);
        if (actual != status) {
            throw new IllegalStateException("amp " + String.join(" ", args) + " ended with " + actual + ", not "
                    + status + ": " + err.toString(StandardCharsets.UTF_8));
        }
    }

    /** A serve or proxy subcommand on a thread, until {@link #stop()}. */
    private static final class Running {
        final String address;
        private final CompletableFuture<Void> stop;
        private final CompletableFuture<Integer> status;

        private Running(String address, CompletableFuture<Void> stop, CompletableFuture<Integer> status) {
            this.address = address;
            this.stop = stop;
            this.status = status;
        }

        static Running start(String... args) throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CompletableFuture<Void> stop = new CompletableFuture<>();
            CompletableFuture<Integer> status = new CompletableFuture<>();
            Terminal terminal = new Terminal(out, OutputStream.nullOutputStream(), NO_INPUT, stop);
            Thread thread = new Thread(() -> status.complete(AmpCli.run(args, terminal)));
            thread.setDaemon(true);
            thread.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!out.toString(StandardCharsets.UTF_8).contains("\n")) {
                if (status.isDone() || System.nanoTime() > deadline) {
                    throw new IOException("amp " + String.join(" ", args) + " did not start");
                }
                Thread.sleep(5);
            }
            String line = out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            return new Running(line.substring("READY ".length()), stop, status);
        }

        void stop() throws Exception {
            stop.complete(null);
            int code = status.get(30, TimeUnit.SECONDS);
            if (code != 0) {
                throw new IllegalStateException("a server ended with " + code);
            }
        }
    }
}
