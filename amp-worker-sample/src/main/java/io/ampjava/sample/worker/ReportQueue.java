package io.ampjava.sample.worker;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.sample.junit.FailureDetails;
import io.ampjava.sample.junit.PythonExceptionTypes;
import io.ampjava.sample.junit.TestOutcome;
import io.ampjava.sample.junit.Utf8;
import io.ampjava.sample.protocol.AddErrorCommand;
import io.ampjava.sample.protocol.AddFailureCommand;
import io.ampjava.sample.protocol.AddSkipCommand;
import io.ampjava.sample.protocol.AddSuccessCommand;
import io.ampjava.sample.protocol.StreamOpenCommand;
import io.ampjava.sample.protocol.StreamWriteCommand;
import io.ampjava.sample.protocol.TestWriteCommand;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Sends a worker's reports to the manager, one after another, in the order they were made.
 *
 * <p>Every report is handed to one sender thread, so reports never overtake each other and the
 * thread that runs tests never waits for the manager. The sender waits for an answer only where it
 * needs one: the id of a new stream. Everything else is pipelined; the manager handles requests in
 * order, so a report always arrives after the stream writes it names. Each report's future says
 * whether the manager answered it.
 *
 * <p>The dialect is found by asking: the first report that needs a stream opens one;
 * a manager that answers {@code StreamOpen} with {@code UNHANDLED} is a Twisted 22.8-or-earlier
 * manager, and from then on texts and frames travel inline, cut to fit (see {@link InlineLimits}).
 */
final class ReportQueue implements AutoCloseable {
    private final AmpConnection connection;
    private final ExecutorService sender;
    /** The worker's own stderr (its err.log): while a test runs, System.err is the test's. */
    private final PrintStream diagnostics = System.err;
    private Dialect dialect = Dialect.UNKNOWN; // touched only by the sender thread
    private Long probeStream; // the stream the dialect probe opened, for the next report to use

    ReportQueue(AmpConnection connection) {
        this.connection = connection;
        this.sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "amp-worker-reports");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One line of the test log ({@code TestWrite}), split into several when it exceeds one value. */
    CompletableFuture<Boolean> log(String line) {
        return submit(() -> {
            List<CompletableFuture<Boolean>> pieces = new ArrayList<>();
            for (String piece : Utf8.split(line, InlineLimits.MAX_VALUE)) {
                pieces.add(TestWriteCommand.call(connection, piece).thenApply(result -> result.success()));
            }
            return all(pieces);
        });
    }

    /** One test result ({@code AddSuccess}, {@code AddFailure}, {@code AddError} or {@code AddSkip}). */
    CompletableFuture<Boolean> report(TestOutcome outcome) {
        return submit(() -> send(outcome));
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }

    private CompletableFuture<Boolean> submit(Supplier<CompletableFuture<Boolean>> task) {
        return CompletableFuture.supplyAsync(task, sender)
                .thenCompose(delivered -> delivered)
                .exceptionally(failure -> {
                    diagnostics.println("amp-worker: a report was not delivered: " + failure);
                    return false;
                });
    }

    private CompletableFuture<Boolean> send(TestOutcome outcome) {
        if (outcome instanceof TestOutcome.Passed) {
            return AddSuccessCommand.call(connection, outcome.testName()).thenApply(result -> result.success());
        }
        if (outcome instanceof TestOutcome.Skipped) {
            String reason = InlineLimits.text(((TestOutcome.Skipped) outcome).reason());
            return AddSkipCommand.call(connection, outcome.testName(), reason).thenApply(result -> result.success());
        }
        if (outcome instanceof TestOutcome.Failed) {
            return sendFailure(outcome.testName(), ((TestOutcome.Failed) outcome).details());
        }
        return sendError(outcome.testName(), ((TestOutcome.Errored) outcome).details());
    }

    private CompletableFuture<Boolean> sendError(String testName, FailureDetails details) {
        if (usesStreams()) {
            Stream text = stream(utf8Chunks(details.text()));
            Stream frames = stream(frameChunks(details.frames()));
            CompletableFuture<Boolean> added = AddErrorCommand.call(connection, testName, details.pythonClass(),
                    null, null, text.id, frames.id).thenApply(result -> result.success());
            return all(List.of(text.written, frames.written, added));
        }
        return AddErrorCommand.call(connection, testName, details.pythonClass(),
                InlineLimits.text(details.text()), InlineLimits.frames(details.frames()), null, null)
                .thenApply(result -> result.success());
    }

    private CompletableFuture<Boolean> sendFailure(String testName, FailureDetails details) {
        if (usesStreams()) {
            Stream text = stream(utf8Chunks(details.text()));
            Stream frames = stream(frameChunks(details.frames()));
            CompletableFuture<Boolean> added = AddFailureCommand.call(connection, testName, details.pythonClass(),
                    null, null, text.id, frames.id).thenApply(result -> result.success());
            return all(List.of(text.written, frames.written, added));
        }
        return AddFailureCommand.call(connection, testName, details.pythonClass(),
                InlineLimits.text(details.text()), InlineLimits.frames(details.frames()), null, null)
                .thenApply(result -> result.success());
    }

    /** Reports that reporting {@code testName}'s results failed: trial's one retry, as an error. */
    CompletableFuture<Boolean> reportDeliveryFailure(String testName) {
        FailureDetails details = FailureDetails.of(PythonExceptionTypes.GENERIC,
                "the worker could not deliver every result of " + testName + " (see the worker's err.log)");
        return submit(() -> sendError(testName, details));
    }

    /** Whether to stream; asks the manager the first time (on the sender thread, so it may block). */
    private boolean usesStreams() {
        if (dialect == Dialect.UNKNOWN) {
            try {
                long id = StreamOpenCommand.callBlocking(connection).streamId();
                dialect = Dialect.STREAMS;
                probeStream = id;
            } catch (UnhandledCommandException e) {
                dialect = Dialect.INLINE;
            }
        }
        return dialect == Dialect.STREAMS;
    }

    /** An opened stream and the future of its writes. */
    private static final class Stream {
        final long id;
        final CompletableFuture<Boolean> written;

        Stream(long id, CompletableFuture<Boolean> written) {
            this.id = id;
            this.written = written;
        }
    }

    /** Opens a stream (waiting for its id) and pipelines one {@code StreamWrite} per chunk. */
    private Stream stream(List<byte[]> chunks) {
        long id;
        if (probeStream != null) {
            id = probeStream;
            probeStream = null;
        } else {
            id = StreamOpenCommand.callBlocking(connection).streamId();
        }
        List<CompletableFuture<Boolean>> writes = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            writes.add(StreamWriteCommand.call(connection, id, chunk).thenApply(ignored -> true));
        }
        return new Stream(id, all(writes));
    }

    /** A text as stream chunks: its UTF-8 bytes in pieces of at most one value, whole characters. */
    private static List<byte[]> utf8Chunks(String text) {
        return Utf8.chunks(text.getBytes(StandardCharsets.UTF_8), InlineLimits.MAX_VALUE);
    }

    /** Frames as stream chunks: one write per frame string, as Twisted sends them. */
    private static List<byte[]> frameChunks(List<String> frames) {
        List<byte[]> chunks = new ArrayList<>(frames.size());
        for (String frame : frames) {
            chunks.add(InlineLimits.frameString(frame).getBytes(StandardCharsets.UTF_8));
        }
        return chunks;
    }

    private static CompletableFuture<Boolean> all(List<CompletableFuture<Boolean>> futures) {
        CompletableFuture<Boolean> result = CompletableFuture.completedFuture(true);
        for (CompletableFuture<Boolean> future : futures) {
            result = result.thenCombine(future, Boolean::logicalAnd);
        }
        return result;
    }
}
