package io.ampjava.sample.manager;

import io.ampjava.annotations.Responder;
import io.ampjava.sample.protocol.AddError;
import io.ampjava.sample.protocol.AddErrorCommand;
import io.ampjava.sample.protocol.AddExpectedFailure;
import io.ampjava.sample.protocol.AddExpectedFailureCommand;
import io.ampjava.sample.protocol.AddFailure;
import io.ampjava.sample.protocol.AddFailureCommand;
import io.ampjava.sample.protocol.AddSkip;
import io.ampjava.sample.protocol.AddSkipCommand;
import io.ampjava.sample.protocol.AddSuccess;
import io.ampjava.sample.protocol.AddSuccessCommand;
import io.ampjava.sample.protocol.AddUnexpectedSuccess;
import io.ampjava.sample.protocol.AddUnexpectedSuccessCommand;
import io.ampjava.sample.protocol.StreamOpen;
import io.ampjava.sample.protocol.StreamOpenCommand;
import io.ampjava.sample.protocol.StreamWrite;
import io.ampjava.sample.protocol.TestWrite;
import io.ampjava.sample.protocol.TestWriteCommand;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The manager's side of one worker connection: answers the worker's reports (its generated locator
 * is {@code ReportReceiverLocator}). It accepts both dialects: a failure's text and frames either
 * inline (Twisted 22.8 and earlier) or as stream ids (22.10 and later). Like Twisted's manager it
 * answers every report {@code success: True}.
 *
 * <p>Responders run on the connection's reader thread, one request at a time, in order; so the
 * stream writes a report names have always been handled before the report.
 */
public final class ReportReceiver {
    /** What a result keeps of its test's output; the whole of it is in {@code test.log}. */
    static final int MAX_OUTPUT_CHARS = 1 << 20;

    private final int worker;
    private final String host;
    private final RunReport report;
    private final StreamRegistry streams;
    private final TestLog log;
    private final AtomicInteger resultsThisRun = new AtomicInteger();
    private volatile String currentTest = "";
    private volatile int currentPosition;
    /** Touched only on the connection's reader thread, and by begin() before the Run is sent. */
    private final StringBuilder output = new StringBuilder();
    private long droppedOutput;
    private long mark;

    ReportReceiver(int worker, RunReport report, StreamRegistry streams, TestLog log) {
        this(worker, "", report, streams, log);
    }

    /** The receiver for worker {@code worker}, which runs on {@code host} (empty: this machine). */
    ReportReceiver(int worker, String host, RunReport report, StreamRegistry streams, TestLog log) {
        this.worker = worker;
        this.host = host;
        this.report = report;
        this.streams = streams;
        this.log = log;
    }

    /** A {@code Run} of {@code testCase}, the run's {@code position}th name, is about to be sent. */
    void begin(String testCase, int position) {
        synchronized (output) {
            currentTest = testCase;
            currentPosition = position;
            resultsThisRun.set(0);
            output.setLength(0);
            droppedOutput = 0;
            mark = System.nanoTime();
        }
    }

    /**
     * How long since the {@code Run} was sent or its last result arrived: how long the test now
     * running has taken.
     */
    long nanosSinceLastResult() {
        synchronized (output) {
            return System.nanoTime() - mark;
        }
    }

    /** The {@code Run} was answered; returns how many results it reported. */
    int end() {
        return resultsThisRun.get();
    }

    @Responder(AddSuccess.class)
    AddSuccess.Result addSuccess(String testName) {
        record(TestResult.of(name(testName), ResultKind.SUCCESS, "", worker, currentPosition));
        return AddSuccessCommand.response(true);
    }

    @Responder(AddSkip.class)
    AddSkip.Result addSkip(String testName, String reason) {
        record(TestResult.of(name(testName), ResultKind.SKIP, reason, worker, currentPosition));
        return AddSkipCommand.response(true);
    }

    @Responder(AddError.class)
    AddError.Result addError(AddError error) {
        String text = text(error.error(), error.errorStreamId());
        List<String> frames = frames(error.frames(), error.framesStreamId());
        recordFailure(error.testName(), ResultKind.ERROR, error.errorClass(), text, frames);
        return AddErrorCommand.response(true);
    }

    @Responder(AddFailure.class)
    AddFailure.Result addFailure(AddFailure failure) {
        String text = text(failure.fail(), failure.failStreamId());
        List<String> frames = frames(failure.frames(), failure.framesStreamId());
        recordFailure(failure.testName(), ResultKind.FAILURE, failure.failClass(), text, frames);
        return AddFailureCommand.response(true);
    }

    @Responder(AddExpectedFailure.class)
    AddExpectedFailure.Result addExpectedFailure(String testName, String todo, String error, Long errorStreamId) {
        String text = text(error, errorStreamId);
        String reason = todo == null ? "<unknown>" : todo;
        record(new TestResult(name(testName), ResultKind.EXPECTED_FAILURE, reason, text, worker, currentPosition));
        return AddExpectedFailureCommand.response(true);
    }

    @Responder(AddUnexpectedSuccess.class)
    AddUnexpectedSuccess.Result addUnexpectedSuccess(String testName, String todo) {
        record(TestResult.of(name(testName), ResultKind.UNEXPECTED_SUCCESS, todo, worker, currentPosition));
        return AddUnexpectedSuccessCommand.response(true);
    }

    @Responder(TestWrite.class)
    TestWrite.Result testWrite(String out) {
        log.line(out);
        synchronized (output) {
            // The worker's own "--> name <--" marker opens each Run; it is not the test's output.
            if (!out.equals("--> " + currentTest + " <--")) {
                if (output.length() + out.length() < MAX_OUTPUT_CHARS) {
                    output.append(out).append('\n');
                } else {
                    droppedOutput += out.length() + 1;
                }
            }
        }
        return TestWriteCommand.response(true);
    }

    @Responder(StreamOpen.class)
    StreamOpen.Result streamOpen() {
        return StreamOpenCommand.response(streams.open());
    }

    @Responder(StreamWrite.class)
    void streamWrite(long streamId, byte[] data) {
        streams.write(streamId, data);
    }

    private void recordFailure(String testName, ResultKind kind, String errorClass, String text, List<String> frames) {
        record(new TestResult(name(testName), kind, Tracebacks.headline(errorClass, text),
                Tracebacks.format(errorClass, text, frames), worker, currentPosition));
    }

    /**
     * Adds {@code result} with the output printed since the previous result of this Run (a worker
     * sends what a test prints before its result) and the time since then.
     */
    private void record(TestResult result) {
        String printed;
        double seconds;
        synchronized (output) {
            long now = System.nanoTime();
            seconds = (now - mark) / 1e9;
            mark = now;
            printed = droppedOutput == 0 ? output.toString()
                    : output + "[... " + droppedOutput + " more characters in test.log]\n";
            output.setLength(0);
            droppedOutput = 0;
        }
        resultsThisRun.incrementAndGet();
        report.add(result.with(host, seconds, printed));
    }

    /** The reported name; Twisted's manager ignores it, but it names the method of a class run. */
    private String name(String reported) {
        return reported == null || reported.isEmpty() ? currentTest : reported;
    }

    /** The inline text (old dialect) or the named stream's (new dialect). */
    private String text(String inline, Long streamId) {
        if (inline != null) {
            return inline;
        }
        String streamed = streams.finishText(streamId);
        if (streamed != null) {
            return streamed;
        }
        return streamId == null ? "[the worker sent no text]" : "[the worker named stream " + streamId + ", which is not open]";
    }

    private List<String> frames(List<String> inline, Long streamId) {
        if (inline != null) {
            return inline;
        }
        List<String> streamed = streams.finishStrings(streamId);
        return streamed == null ? List.of() : streamed;
    }
}
