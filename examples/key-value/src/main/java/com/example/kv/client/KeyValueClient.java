package com.example.kv.client;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.kv.Endpoint;
import com.example.kv.protocol.Entries;
import com.example.kv.protocol.EntriesCommand;
import com.example.kv.protocol.Entry;
import com.example.kv.protocol.ExportCommand;
import com.example.kv.protocol.GetCommand;
import com.example.kv.protocol.KeyNotFoundException;
import com.example.kv.protocol.Limits;
import com.example.kv.protocol.PutAllCommand;
import com.example.kv.protocol.PutCommand;
import com.example.kv.protocol.WaitForCommand;
import com.example.kv.protocol.WatchCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tour of the key-value server from Java, on each endpoint given, and the few helpers a real
 * client of it wants (reading every page, storing in batches).
 *
 * <pre>
 * java -cp target/key-value.jar com.example.kv.client.KeyValueClient --unix /tmp/kv.sock --tcp 127.0.0.1:4242
 * </pre>
 */
public final class KeyValueClient {
    /** How long one blocking call of the tour waits for its answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private KeyValueClient() {}

    /**
     * A client's options: a bounded connect, a timeout for every call (the server's {@code
     * WaitFor} may never answer), and an executor for the server's calls to us ({@code Changed}).
     */
    public static ConnectionOptions options(Executor responders) {
        return ConnectionOptions.builder()
                .connectTimeout(Duration.ofSeconds(3))
                .callTimeout(Duration.ofSeconds(30))
                .responderExecutor(responders)
                .build();
    }

    /** Every entry, in key order, {@code pageSize} at most per call. */
    public static List<Entry> entries(AmpConnection connection, int pageSize) {
        List<Entry> all = new ArrayList<>();
        String after = null;
        while (true) {
            Entries.Page page = EntriesCommand.callBlocking(connection, TIMEOUT, after, pageSize);
            all.addAll(page.entries());
            if (!page.more()) {
                return all;
            }
            after = page.entries().get(page.entries().size() - 1).key();
        }
    }

    /**
     * Stores {@code entries} in as few {@code PutAll} calls as fit in AMP's values, sent together
     * and awaited together.
     *
     * @return how many the server stored
     */
    public static CompletableFuture<Integer> putAll(AmpConnection connection, List<? extends Entry> entries) {
        List<CompletableFuture<Integer>> stored = new ArrayList<>();
        for (List<Entry> batch : Limits.batches(entries)) {
            stored.add(PutAllCommand.call(connection, batch).thenApply(answer -> answer.count()));
        }
        CompletableFuture<Integer> total = CompletableFuture.completedFuture(0);
        for (CompletableFuture<Integer> count : stored) {
            total = total.thenCombine(count, Integer::sum);
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        List<Endpoint> endpoints = Endpoint.ofCommandLine("KeyValueClient", args);
        ExecutorService responders = Executors.newSingleThreadExecutor();
        try {
            for (Endpoint endpoint : endpoints) {
                BlockingQueue<String> changes = new LinkedBlockingQueue<>();
                ChangeHandler handler = new ChangeHandler((key, value) -> changes.add(key + " = " + text(value)));
                try (AmpConnection connection = endpoint.connect(new ChangeHandlerLocator(handler), options(responders))) {
                    tour(connection, endpoint, changes, System.out);
                }
            }
        } finally {
            responders.shutdown();
        }
    }

    /**
     * Calls every command once over {@code connection}, printing what happens. {@code changes}
     * receives what the connection's {@link ChangeHandler} is told.
     */
    public static void tour(AmpConnection connection, Endpoint endpoint, BlockingQueue<String> changes, PrintStream out)
            throws IOException, InterruptedException, KeyNotFoundException {
        String at = "[" + endpoint + "] ";

        // Blocking calls, each with its own timeout; Get's declared error is rebuilt here as the exception.
        PutCommand.callBlocking(connection, TIMEOUT, "greeting", bytes("hello"));
        out.println(at + "put greeting");
        out.println(at + "get greeting: " + text(GetCommand.callBlocking(connection, TIMEOUT, "greeting").value()));
        try {
            GetCommand.callBlocking(connection, TIMEOUT, "nobody");
        } catch (KeyNotFoundException e) {
            out.println(at + "get nobody: " + e.getMessage());
        }

        // A list of records: one PutAll per batch that fits, then the entries page by page.
        List<Entry> fruit = List.of(
                PutAllCommand.entry("fruit/apple", bytes("green")),
                PutAllCommand.entry("fruit/banana", bytes("yellow")),
                PutAllCommand.entry("fruit/cherry", bytes("red")));
        out.println(at + "putAll: stored " + putAll(connection, fruit).orTimeout(5, TimeUnit.SECONDS).join());
        List<String> keys = entries(connection, 2).stream().map(Entry::key).toList();
        out.println(at + "entries: " + keys.size() + ", from " + keys.get(0) + " to " + keys.get(keys.size() - 1));

        // The server calls us: Changed, for each value stored under fruit/ from now on.
        WatchCommand.callBlocking(connection, TIMEOUT, "fruit/");
        PutCommand.callBlocking(connection, TIMEOUT, "fruit/damson", bytes("purple"));
        out.println(at + "changed: " + changes.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));

        // A call that gets no answer in time: nobody has stored this new key yet.
        String later = "later/" + UUID.randomUUID();
        try {
            WaitForCommand.callBlocking(connection, Duration.ofMillis(200), later);
        } catch (CallTimeoutException e) {
            out.println(at + "waitFor a new key: " + e.command() + " gave up after " + e.waited().toMillis() + " ms");
        }

        // Asynchronous calls, composed: wait for the key again, copy its value once it comes, and store it.
        CompletableFuture<Void> copied = WaitForCommand.call(connection, later)
                .thenCompose(value -> PutCommand.call(connection, later + "/copy", value.value()));
        PutCommand.call(connection, later, bytes("at last"))
                .thenCompose(stored -> copied)
                .orTimeout(5, TimeUnit.SECONDS)
                .join();
        String copy = text(GetCommand.call(connection, later + "/copy").orTimeout(5, TimeUnit.SECONDS).join().value());
        out.println(at + "waitFor, then copy: " + copy);

        // A file descriptor: the server writes its snapshot into a file we opened (Unix sockets only).
        if (endpoint instanceof Endpoint.Unix) {
            Path snapshot = Files.createTempFile("kv-snapshot", ".tsv");
            try {
                int count;
                try (Descriptor target = Descriptor.openForWriting(snapshot)) {
                    count = ExportCommand.callBlocking(connection, TIMEOUT, target).count();
                }
                out.println(at + "export: " + count + " entries, " + Files.readAllLines(snapshot).size() + " lines");
            } finally {
                Files.delete(snapshot);
            }
        } else {
            out.println(at + "export: descriptors travel over Unix sockets only");
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
