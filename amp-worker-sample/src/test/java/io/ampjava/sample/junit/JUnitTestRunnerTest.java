package io.ampjava.sample.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.demo.DemoTest;
import io.ampjava.sample.demo.LargeReportsTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class JUnitTestRunnerTest {
    private static final String DEMO = DemoTest.class.getName();
    private final JUnitTestRunner runner = JUnitTestRunner.forApplicationClassPath();

    @AfterEach
    void endSession() {
        runner.close();
    }

    @BeforeAll
    static void enableFixtures() {
        System.setProperty("amp.sample.fixtures", "on");
    }

    @AfterAll
    static void disableFixtures() {
        System.clearProperty("amp.sample.fixtures");
    }

    private List<TestOutcome> run(String name) {
        List<TestOutcome> outcomes = new ArrayList<>();
        int count = runner.run(name, outcomes::add);
        assertEquals(outcomes.size(), count);
        return outcomes;
    }

    private TestOutcome runOne(String name) {
        List<TestOutcome> outcomes = run(name);
        assertEquals(1, outcomes.size(), outcomes::toString);
        return outcomes.get(0);
    }

    @Test
    void passingTestIsASuccess() {
        assertEquals(new TestOutcome.Passed(DEMO + "#passes"), runOne(DEMO + "#passes"));
    }

    @Test
    void failedAssertionIsAFailureWithItsMessageAndTheTestFrame() {
        TestOutcome.Failed failed = assertInstanceOf(TestOutcome.Failed.class, runOne(DEMO + "#failsAssertion"));
        assertEquals(DEMO + "#failsAssertion", failed.testName());
        FailureDetails details = failed.details();
        assertEquals("builtins.AssertionError", details.pythonClass());
        assertTrue(details.text().startsWith("org.opentest4j.AssertionFailedError: "), details.text());
        assertTrue(details.text().contains("expected"), details.text());
        // Trimmed at the test method: JUnit's own frames below it are left out.
        List<String> frames = details.frames();
        assertEquals(DEMO + ".failsAssertion", frames.get(0));
        assertEquals("DemoTest.java", frames.get(1));
        assertTrue(Integer.parseInt(frames.get(2)) > 0);
        assertEquals(DEMO + ".failsAssertion", frames.get(frames.size() - 3 * details.frameCount()));
    }

    @Test
    void otherExceptionIsAnErrorNamingTheJavaClass() {
        TestOutcome.Errored errored = assertInstanceOf(TestOutcome.Errored.class, runOne(DEMO + "#throwsError"));
        assertEquals("builtins.Exception", errored.details().pythonClass());
        assertEquals("java.lang.IllegalStateException: demo error, on purpose", errored.details().text());
        assertEquals(List.of(DEMO + ".throwsError", "DemoTest.java"), errored.details().frames().subList(0, 2));
        assertEquals(1, errored.details().frameCount());
    }

    @Test
    void failedAssumptionIsASkipWithTheReason() {
        TestOutcome.Skipped skipped = assertInstanceOf(TestOutcome.Skipped.class, runOne(DEMO + "#isSkipped"));
        assertTrue(skipped.reason().contains("demo skip: the assumption does not hold"), skipped.reason());
    }

    @Test
    void wholeClassReportsEachTest() {
        Set<String> kinds = run(DEMO).stream()
                .map(outcome -> outcome.getClass().getSimpleName() + " " + outcome.testName().substring(DEMO.length()))
                .collect(Collectors.toSet());
        assertEquals(Set.of("Passed #passes", "Failed #failsAssertion", "Errored #throwsError",
                "Skipped #isSkipped", "Passed #printsOutput"), kinds);
    }

    @Test
    void trialStyleDottedNameFindsTheMethod() {
        assertEquals(new TestOutcome.Passed(DEMO + "#passes"), runOne(DEMO + ".passes"));
    }

    @Test
    void unknownClassIsAnErrorThatPythonCanResolve() {
        TestOutcome.Errored errored = assertInstanceOf(TestOutcome.Errored.class, runOne("no.such.Thing"));
        assertEquals("no.such.Thing", errored.testName());
        assertEquals("builtins.AttributeError", errored.details().pythonClass());
        assertTrue(errored.details().text().startsWith("no.such.Thing does not exist."), errored.details().text());
    }

    @Test
    void unknownMethodIsAnError() {
        TestOutcome.Errored errored = assertInstanceOf(TestOutcome.Errored.class, runOne(DEMO + "#nope"));
        assertEquals("builtins.AttributeError", errored.details().pythonClass());
        assertTrue(errored.details().text().contains("nope"), errored.details().text());
    }

    @Test
    void emptyNameIsAnError() {
        assertInstanceOf(TestOutcome.Errored.class, runOne(""));
    }

    @Test
    void disabledClassIsOneSkip() {
        String name = "io.ampjava.sample.junit.fixtures.DisabledClassFixture";
        TestOutcome.Skipped skipped = assertInstanceOf(TestOutcome.Skipped.class, runOne(name));
        assertEquals(name, skipped.testName());
        assertEquals("switched off for the test", skipped.reason());
    }

    @Test
    void failingSetUpIsAnErrorOfTheClass() {
        String name = "io.ampjava.sample.junit.fixtures.FailingSetupFixture";
        TestOutcome.Errored errored = assertInstanceOf(TestOutcome.Errored.class, runOne(name + "#neverRuns"));
        assertEquals(name, errored.testName());
        assertEquals("builtins.ValueError", errored.details().pythonClass());
        assertTrue(errored.details().text().contains("set-up broke"));
    }

    @Test
    void deepStackKeepsEveryFrameTheJvmRecorded() {
        TestOutcome.Errored errored = assertInstanceOf(TestOutcome.Errored.class,
                runOne(LargeReportsTest.class.getName() + "#throwsFromDeepStack"));
        // The JVM records at most 1024 frames by default (-XX:MaxJavaStackTraceDepth).
        assertEquals(1_024, errored.details().frameCount());
    }
}
