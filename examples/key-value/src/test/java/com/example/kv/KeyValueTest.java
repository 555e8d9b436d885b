package com.example.kv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.kv.client.ChangeHandler;
import com.example.kv.client.ChangeHandlerLocator;
import com.example.kv.client.KeyValueClient;
import com.example.kv.protocol.Entries;
import com.example.kv.protocol.EntriesCommand;
import com.example.kv.protocol.Entry;
import com.example.kv.protocol.EntryElement;
import com.example.kv.protocol.EntryTooLargeException;
import com.example.kv.protocol.ExportCommand;
import com.example.kv.protocol.ExportFailedException;
import com.example.kv.protocol.GetCommand;
import com.example.kv.protocol.KeyNotFoundException;
import com.example.kv.protocol.Limits;
import com.example.kv.protocol.PutCommand;
import com.example.kv.protocol.WaitFor;
import com.example.kv.protocol.WaitForCommand;
import com.example.kv.protocol.WatchCommand;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.types.Descriptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The server and the Java client end to end, over a Unix socket and over TCP. */
@Timeout(60)
class KeyValueTest {
    /** Long enough for any answer on a loaded machine; only the timeout tests expect none. */
    private static final Duration ANSWER = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private Servers servers;

    @BeforeEach
    void start() throws Exception {
        servers = new Servers(directory);
    }

    @AfterEach
    void stop() {
        servers.close();
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void aValueComesBackAsItWasStored(Servers.Kind kind) throws Exception {
        AmpConnection connection = servers.connect(kind);
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        PutCommand.callBlocking(connection, ANSWER, "clé/ü", everyByte);
        assertArrayEquals(everyByte, GetCommand.callBlocking(connection, ANSWER, "clé/ü").value());
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void aMissingKeyIsTheDeclaredError(Servers.Kind kind) throws Exception {
        AmpConnection connection = servers.connect(kind);

        KeyNotFoundException thrown = assertThrows(KeyNotFoundException.class,
                () -> GetCommand.callBlocking(connection, ANSWER, "nobody"));
        assertEquals("no value for key 'nobody'", thrown.getMessage());

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> GetCommand.call(connection, "nobody").get(ANSWER.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(KeyNotFoundException.class, failed.getCause());

        // A declared error ends the call, not the connection.
        PutCommand.callBlocking(connection, ANSWER, "somebody", "here".getBytes(UTF_8));
        assertEquals("here", new String(GetCommand.callBlocking(connection, ANSWER, "somebody").value(), UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void theLargestEntryIsStoredAndListedAndOneByteMoreIsRefused(Servers.Kind kind) throws Exception {
        AmpConnection connection = servers.connect(kind);
        byte[] largest = new byte[Limits.MAX_ENTRY_BYTES - "big".length()];
        new Random(7).nextBytes(largest);
        PutCommand.callBlocking(connection, ANSWER, "big", largest);
        PutCommand.callBlocking(connection, ANSWER, "small", new byte[] {1});

        Entries.Page first = EntriesCommand.callBlocking(connection, ANSWER, null, 100);
        assertEquals(List.of(EntryElement.of("big", largest)), first.entries(), "alone in a page: exactly one AMP value");
        assertTrue(first.more());

        EntryTooLargeException refused = assertThrows(EntryTooLargeException.class,
                () -> PutCommand.callBlocking(connection, ANSWER, "bigger", new byte[Limits.MAX_ENTRY_BYTES - 5]));
        assertTrue(refused.getMessage().contains("'bigger' holds " + (Limits.MAX_ENTRY_BYTES + 1) + " bytes"),
                refused.getMessage());
        assertThrows(KeyNotFoundException.class, () -> GetCommand.callBlocking(connection, ANSWER, "bigger"));
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void putAllThenEntriesPagesThroughEveryRecord(Servers.Kind kind) throws Exception {
        AmpConnection connection = servers.connect(kind);
        Random random = new Random(42);
        List<Entry> stored = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] value = new byte[random.nextInt(3_000)];
            random.nextBytes(value);
            stored.add(EntryElement.of("key/" + random.nextInt(1_000_000) + "/" + i, value));
        }

        assertEquals(60, KeyValueClient.putAll(connection, stored).get(ANSWER.toSeconds(), TimeUnit.SECONDS));

        Entries.Page page = EntriesCommand.callBlocking(connection, ANSWER, null, 7);
        assertEquals(7, page.entries().size());
        assertTrue(page.more());
        List<Entry> sorted = new ArrayList<>(stored);
        sorted.sort(Comparator.comparing(Entry::key));
        assertEquals(sorted, KeyValueClient.entries(connection, 7), "the same records, in key order");
    }

    @Test
    void aPageAndABatchHoldWhatFitsInOneValue() throws Exception {
        AmpConnection connection = servers.connect(Servers.Kind.TCP);
        List<Entry> large = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            large.add(EntryElement.of("large/" + i, new byte[20_000]));
        }
        // 3 entries of 20,000 bytes and their framing fit in 65,535; a 4th does not.
        assertEquals(List.of(3, 2), Limits.batches(large).stream().map(List::size).toList());
        assertEquals(5, KeyValueClient.putAll(connection, large).get(ANSWER.toSeconds(), TimeUnit.SECONDS));

        Entries.Page first = EntriesCommand.callBlocking(connection, ANSWER, null, 100);
        assertEquals(large.subList(0, 3), first.entries());
        assertTrue(first.more());
        Entries.Page second = EntriesCommand.callBlocking(connection, ANSWER, "large/2", 100);
        assertEquals(large.subList(3, 5), second.entries());
        assertFalse(second.more());

        assertThrows(EntryTooLargeException.class,
                () -> Limits.batches(List.of(EntryElement.of("x", new byte[Limits.MAX_ENTRY_BYTES]))));
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void aBlockingCallGivesUpAfterItsTimeoutAndTheConnectionGoesOn(Servers.Kind kind) throws Exception {
        AmpConnection connection = servers.connect(kind);

        CallTimeoutException timedOut = assertThrows(CallTimeoutException.class,
                () -> WaitForCommand.callBlocking(connection, Duration.ofMillis(200), "never"));
        assertEquals("WaitFor", timedOut.command());
        assertEquals(Duration.ofMillis(200), timedOut.waited());

        PutCommand.callBlocking(connection, ANSWER, "after", new byte[] {1});
        assertArrayEquals(new byte[] {1}, GetCommand.callBlocking(connection, ANSWER, "after").value());
    }

    @Test
    void theConnectionsCallTimeoutEndsAnAsyncCall() throws Exception {
        ConnectionOptions impatient = KeyValueClient.options(servers.clientResponders).toBuilder()
                .callTimeout(Duration.ofMillis(200))
                .build();
        AmpConnection connection = servers.connect(Servers.Kind.UNIX, ResponderLocator.NONE, impatient);

        CompletableFuture<WaitFor.Value> waiting = WaitForCommand.call(connection, "never");
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> waiting.get(ANSWER.toSeconds(), TimeUnit.SECONDS));
        assertInstanceOf(CallTimeoutException.class, failed.getCause());
        assertTrue(connection.isOpen());
    }

    @Test
    void orTimeoutBoundsAComposedAsyncCall() throws Exception {
        AmpConnection connection = servers.connect(Servers.Kind.TCP);

        CompletableFuture<String> waiting = WaitForCommand.call(connection, "never")
                .thenApply(answer -> new String(answer.value(), UTF_8))
                .orTimeout(200, TimeUnit.MILLISECONDS);
        CompletionException failed = assertThrows(CompletionException.class, waiting::join);
        assertInstanceOf(TimeoutException.class, failed.getCause());
    }

    @Test
    void waitForAnswersWhenAnotherClientStoresTheKey() throws Exception {
        AmpConnection waiter = servers.connect(Servers.Kind.UNIX);
        AmpConnection writer = servers.connect(Servers.Kind.TCP);

        CompletableFuture<WaitFor.Value> waiting = WaitForCommand.call(waiter, "soon");
        assertFalse(waiting.isDone());

        PutCommand.callBlocking(writer, ANSWER, "soon", "now".getBytes(UTF_8));
        assertEquals("now", new String(waiting.get(ANSWER.toSeconds(), TimeUnit.SECONDS).value(), UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Servers.Kind.class)
    void aWatcherIsToldOfEveryChangeUnderItsPrefixInOrder(Servers.Kind kind) throws Exception {
        BlockingQueue<String> changes = new LinkedBlockingQueue<>();
        ChangeHandler handler = new ChangeHandler((key, value) -> changes.add(key + "=" + new String(value, UTF_8)));
        AmpConnection watcher = servers.connect(kind, new ChangeHandlerLocator(handler),
                KeyValueClient.options(servers.clientResponders));
        AmpConnection writer = servers.connect(kind);

        WatchCommand.callBlocking(watcher, ANSWER, "fruit/");
        List<String> expected = new ArrayList<>();
        List<CompletableFuture<Void>> puts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            puts.add(PutCommand.call(writer, "fruit/" + i, ("v" + i).getBytes(UTF_8)));
            puts.add(PutCommand.call(writer, "vegetable/" + i, new byte[0]));
            expected.add("fruit/" + i + "=v" + i);
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(ANSWER.toSeconds(), TimeUnit.SECONDS);

        List<String> told = new ArrayList<>();
        while (told.size() < expected.size()) {
            String change = changes.poll(ANSWER.toSeconds(), TimeUnit.SECONDS);
            if (change == null) {
                break;
            }
            told.add(change);
        }
        assertEquals(expected, told);
    }

    @Test
    void exportWritesASnapshotIntoTheCallersDescriptor() throws Exception {
        AmpConnection connection = servers.connect(Servers.Kind.UNIX);
        List<Entry> stored = List.of(
                EntryElement.of("a b/ü\t", "first".getBytes(UTF_8)),
                EntryElement.of("z", new byte[] {0, -1, 10}));
        KeyValueClient.putAll(connection, stored).get(ANSWER.toSeconds(), TimeUnit.SECONDS);

        Path file = directory.resolve("snapshot.tsv");
        int count;
        try (Descriptor target = Descriptor.openForWriting(file)) {
            count = ExportCommand.callBlocking(connection, ANSWER, target).count();
        }

        assertEquals(2, count);
        List<Entry> exported = new ArrayList<>();
        for (String line : Files.readAllLines(file, UTF_8)) {
            String[] fields = line.split("\t", -1);
            assertEquals(2, fields.length, line);
            exported.add(EntryElement.of(URLDecoder.decode(fields[0], UTF_8), Base64.getDecoder().decode(fields[1])));
        }
        assertEquals(stored, exported);
    }

    @Test
    void aSnapshotThatCannotBeWrittenIsTheDeclaredError() throws Exception {
        AmpConnection connection = servers.connect(Servers.Kind.UNIX);
        PutCommand.callBlocking(connection, ANSWER, "key", new byte[] {1});
        Path file = Files.writeString(directory.resolve("read-only"), "");

        try (Descriptor readOnly = Descriptor.openForReading(file)) {
            ExportFailedException failed = assertThrows(ExportFailedException.class,
                    () -> ExportCommand.callBlocking(connection, ANSWER, readOnly));
            assertTrue(failed.getMessage().startsWith("could not write the snapshot: "), failed.getMessage());
        }
        assertTrue(connection.isOpen());
    }

    @Test
    void aDescriptorDoesNotTravelOverTcp() throws Exception {
        AmpConnection connection = servers.connect(Servers.Kind.TCP);
        try (Descriptor target = Descriptor.openForWriting(directory.resolve("never"))) {
            assertThrows(UnsupportedOperationException.class,
                    () -> ExportCommand.callBlocking(connection, ANSWER, target));
        }
        assertTrue(connection.isOpen());
    }

    @Test
    void theClientsTourRunsOverBothTransports() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, UTF_8);
        for (Servers.Kind kind : Servers.Kind.values()) {
            BlockingQueue<String> changes = new LinkedBlockingQueue<>();
            ChangeHandler handler = new ChangeHandler((key, value) -> changes.add(key + " = " + new String(value, UTF_8)));
            AmpConnection connection = servers.connect(kind, new ChangeHandlerLocator(handler),
                    KeyValueClient.options(servers.clientResponders));
            KeyValueClient.tour(connection, servers.endpoint(kind), changes, out);
        }

        List<String> lines = printed.toString(UTF_8).lines().toList();
        String unix = "[" + servers.unix + "] ";
        String tcp = "[" + servers.tcp + "] ";
        assertEquals(List.of(
                unix + "put greeting",
                unix + "get greeting: hello",
                unix + "get nobody: no value for key 'nobody'",
                unix + "putAll: stored 3",
                unix + "entries: 4, from fruit/apple to greeting",
                unix + "changed: fruit/damson = purple",
                unix + "waitFor a new key: WaitFor gave up after 200 ms",
                unix + "waitFor, then copy: at last",
                unix + "export: 7 entries, 7 lines",
                tcp + "put greeting",
                tcp + "get greeting: hello",
                tcp + "get nobody: no value for key 'nobody'",
                tcp + "putAll: stored 3"), lines.subList(0, 13));
        assertTrue(lines.get(13).startsWith(tcp + "entries: 7, from fruit/apple to later/"), lines.get(13));
        assertEquals(List.of(
                tcp + "changed: fruit/damson = purple",
                tcp + "waitFor a new key: WaitFor gave up after 200 ms",
                tcp + "waitFor, then copy: at last",
                tcp + "export: descriptors travel over Unix sockets only"), lines.subList(14, lines.size()));
    }
}
