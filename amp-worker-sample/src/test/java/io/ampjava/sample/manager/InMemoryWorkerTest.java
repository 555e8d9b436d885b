package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.sample.demo.LargeReportsTest;
import io.ampjava.sample.junit.JUnitTestRunner;
import io.ampjava.sample.junit.Utf8;
import io.ampjava.sample.protocol.Run;
import io.ampjava.sample.protocol.RunCommand;
import io.ampjava.sample.worker.TrialWorker;
import io.ampjava.sample.worker.TrialWorkerLocator;
import io.ampjava.transport.InMemoryTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java worker and the Java manager's receiver, connected in memory: both dialects, chosen by the
 * worker's probe (a manager without {@code StreamOpen} answers {@code UNHANDLED}), with reports too
 * large for one AMP value.
 */
@Timeout(60)
class InMemoryWorkerTest {
    private static final String DEMO = "io.ampjava.sample.demo.DemoTest";
    private static final String LARGE = LargeReportsTest.class.getName();

    @TempDir
    Path temp;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<TestResult> results = new ArrayList<>();
    private final RunReport report = new RunReport(result -> {
        synchronized (results) {
            results.add(result);
        }
    });
    private final StreamRegistry streams = new StreamRegistry();
    private TestLog log;
    private ReportReceiver receiver;
    private AmpConnection manager;

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** Connects a worker to a receiver; {@code streams} false hides StreamOpen, as Twisted 22.4 does. */
    private void connect(boolean offerStreams) throws Exception {
        log = new TestLog(temp.resolve("test.log"));
        open.add(log);
        receiver = new ReportReceiver(0, report, streams, log);
        ResponderLocator receiverLocator = new ReportReceiverLocator(receiver);
        ResponderLocator managerLocator = offerStreams ? receiverLocator
                : name -> name.equals("StreamOpen") || name.equals("StreamWrite") ? null : receiverLocator.locate(name);
        InMemoryTransport.Pair pair = InMemoryTransport.pair();
        TrialWorker worker = new TrialWorker(JUnitTestRunner.forApplicationClassPath(), false);
        AmpConnection workerSide = AmpConnection.open(pair.left(), new TrialWorkerLocator(worker));
        manager = AmpConnection.open(pair.right(), managerLocator);
        open.add(worker);
        open.add(workerSide);
        open.add(manager);
        worker.connected(workerSide);
    }

    private boolean runTest(String name) {
        receiver.begin(name, 1);
        Run.Result answer = RunCommand.callBlocking(manager, name);
        return answer.success();
    }

    private TestResult only(String name) {
        List<TestResult> matching = report.results().stream().filter(r -> r.testName().equals(name)).collect(Collectors.toList());
        assertEquals(1, matching.size(), () -> name + " in " + report.results());
        return matching.get(0);
    }

    @Test
    void everyKindOfResultArrivesOverStreams() throws Exception {
        connect(true);
        assertTrue(runTest(DEMO));
        Map<ResultKind, Integer> counts = report.counts();
        assertEquals(2, counts.get(ResultKind.SUCCESS));
        assertEquals(1, counts.get(ResultKind.FAILURE));
        assertEquals(1, counts.get(ResultKind.ERROR));
        assertEquals(1, counts.get(ResultKind.SKIP));
        assertEquals("builtins.Exception: java.lang.IllegalStateException: demo error, on purpose",
                only(DEMO + "#throwsError").headline());
        assertEquals(0, streams.openCount(), "every stream a report named is closed");
        List<String> lines = Files.readAllLines(temp.resolve("test.log"));
        assertEquals("Log opened.", lines.get(0));
        assertTrue(lines.contains("hello from demo"), lines.toString());
    }

    @Test
    void largeReportsArriveWholeOverStreams() throws Exception {
        connect(true);
        assertTrue(runTest(LARGE));
        TestResult failure = only(LARGE + "#failsWithLongMessage");
        assertTrue(failure.details().contains("long message: " + LargeReportsTest.longText('€')), "text cut");
        TestResult error = only(LARGE + "#throwsFromDeepStack");
        assertEquals(1_024, error.details().lines().filter(line -> line.startsWith("    at ")).count());
        String log = String.join("", Files.readAllLines(temp.resolve("test.log")));
        assertTrue(log.contains(LargeReportsTest.longText('é')), "long line cut");
        for (String line : Files.readAllLines(temp.resolve("test.log"))) {
            assertTrue(Utf8.length(line) <= 65_535, "a TestWrite line over one value");
        }
    }

    @Test
    void managerWithoutStreamsGetsInlineReportsCutToFit() throws Exception {
        connect(false);
        assertTrue(runTest(DEMO + "#failsAssertion"));
        assertTrue(runTest(LARGE));
        assertEquals(ResultKind.FAILURE, only(DEMO + "#failsAssertion").kind());
        TestResult failure = only(LARGE + "#failsWithLongMessage");
        assertTrue(failure.details().contains("cut to fit one AMP value"), "no cut note");
        TestResult error = only(LARGE + "#throwsFromDeepStack");
        assertTrue(error.details().contains("outer frames left out to fit one AMP value"), "no frames note");
        long frames = error.details().lines().filter(line -> line.startsWith("    at ")).count();
        assertTrue(frames > 500 && frames < 1_025, "frames: " + frames);
        assertEquals(0, streams.openCount());
    }
}
