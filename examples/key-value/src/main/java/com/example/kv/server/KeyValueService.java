package com.example.kv.server;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.example.kv.protocol.Entries;
import com.example.kv.protocol.EntriesCommand;
import com.example.kv.protocol.Entry;
import com.example.kv.protocol.Export;
import com.example.kv.protocol.ExportCommand;
import com.example.kv.protocol.ExportFailedException;
import com.example.kv.protocol.Get;
import com.example.kv.protocol.GetCommand;
import com.example.kv.protocol.KeyNotFoundException;
import com.example.kv.protocol.Put;
import com.example.kv.protocol.PutAll;
import com.example.kv.protocol.PutAllCommand;
import com.example.kv.protocol.WaitFor;
import com.example.kv.protocol.WaitForCommand;
import com.example.kv.protocol.Watch;
import io.ampjava.annotations.Responder;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The responders of one connection; the processor generates {@code KeyValueServiceLocator} from
 * them. They run on the connection's reader thread, one request after the other, so they must not
 * block: {@link #export}, which writes to a descriptor, and the answers and calls that write to
 * other connections go to the {@code workers} executor.
 */
public final class KeyValueService {
    /** Export writes its snapshot in writes of about this many bytes. */
    private static final int EXPORT_CHUNK = 64 << 10;

    private final KeyValueStore store;
    private final Executor workers;
    /** What to undo when the connection closes: its waits and watches. */
    private final Set<Runnable> untilClosed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closeHooked = new AtomicBoolean();

    /** Serves {@code store}; {@code workers} runs what may block. */
    public KeyValueService(KeyValueStore store, Executor workers) {
        this.store = store;
        this.workers = workers;
    }

    @Responder(Put.class)
    void put(String key, byte[] value) {
        store.put(key, value);
    }

    @Responder(Get.class)
    Get.Value get(String key) throws KeyNotFoundException {
        byte[] value = store.get(key);
        if (value == null) {
            throw KeyNotFoundException.forKey(key);
        }
        return GetCommand.response(value);
    }

    @Responder(PutAll.class)
    PutAll.Stored putAll(List<Entry> entries) {
        store.putAll(entries);
        return PutAllCommand.response(entries.size());
    }

    @Responder(Entries.class)
    Entries.Page entries(String after, int limit) {
        KeyValueStore.Page page = store.page(after, limit);
        return EntriesCommand.response(page.entries(), page.more());
    }

    /**
     * Answers later: the returned future completes when the value is stored, on a worker rather
     * than on the thread of the connection that stored it, which the answer would hold up.
     */
    @Responder(WaitFor.class)
    CompletableFuture<WaitFor.Value> waitFor(String key, AmpConnection connection) {
        CompletableFuture<byte[]> value = store.waitFor(key);
        Runnable cancel = () -> value.cancel(false);
        untilClosed(connection, cancel);
        value.whenComplete((ignored, failure) -> untilClosed.remove(cancel));
        return value.thenApplyAsync(WaitForCommand::response, workers);
    }

    @Responder(Watch.class)
    void watch(String prefix, AmpConnection connection) {
        ChangeNotifier notifier = new ChangeNotifier(connection, workers);
        untilClosed(connection, store.watch(prefix, notifier));
    }

    /**
     * Writes the snapshot into the caller's descriptor, which is ours to close. On a worker: a
     * write to a pipe blocks until the reader takes the bytes.
     */
    @Responder(Export.class)
    CompletableFuture<Export.Exported> export(Descriptor target) {
        List<Entry> snapshot = store.snapshot();
        CompletableFuture<Export.Exported> answer = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try (target) {
                    write(snapshot, target);
                    answer.complete(ExportCommand.response(snapshot.size()));
                } catch (IOException e) {
                    answer.completeExceptionally(new ExportFailedException("could not write the snapshot: " + e.getMessage()));
                }
            });
        } catch (RejectedExecutionException stopping) {
            target.close();
            throw stopping;
        }
        return answer;
    }

    /** One line per entry: the key URL-encoded, a tab, the value in Base64. */
    private static void write(List<Entry> snapshot, Descriptor target) throws IOException {
        StringBuilder chunk = new StringBuilder();
        for (Entry entry : snapshot) {
            chunk.append(URLEncoder.encode(entry.key(), UTF_8)).append('\t')
                    .append(Base64.getEncoder().encodeToString(entry.value())).append('\n');
            if (chunk.length() >= EXPORT_CHUNK) {
                target.write(chunk.toString().getBytes(UTF_8));
                chunk.setLength(0);
            }
        }
        target.write(chunk.toString().getBytes(UTF_8));
    }

    private void untilClosed(AmpConnection connection, Runnable undo) {
        untilClosed.add(undo);
        if (closeHooked.compareAndSet(false, true)) {
            connection.closeFuture().thenRun(() -> untilClosed.forEach(Runnable::run));
        }
        if (!connection.isOpen()) {
            undo.run(); // closed before the hook could see this one
        }
    }
}
