package io.ampjava.sample.realsuite;

import java.nio.file.Path;
import java.util.Set;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * One plain JUnit run, in this JVM, of the test classes in a jar, as the JUnit console launcher
 * runs them (its standard class-name pattern), with nothing of the worker sample in it: what a
 * distributed run of the same classes must add up to. Prints JUnit's own counts on one line.
 *
 * <pre>java -cp ... io.ampjava.sample.realsuite.ReferenceRun TESTS.jar</pre>
 */
public final class ReferenceRun {
    private ReferenceRun() {}

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(Path.of(args[0]))))
                .filters(ClassNameFilter.includeClassNamePatterns(ClassNameFilter.STANDARD_INCLUDE_PATTERN))
                .build();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long started = System.nanoTime();
        LauncherFactory.create().execute(request, listener);
        TestExecutionSummary summary = listener.getSummary();
        System.out.printf("reference: found=%d succeeded=%d failed=%d aborted=%d skipped=%d containersFailed=%d"
                        + " containersSkipped=%d seconds=%.1f%n",
                summary.getTestsFoundCount(), summary.getTestsSucceededCount(), summary.getTestsFailedCount(),
                summary.getTestsAbortedCount(), summary.getTestsSkippedCount(), summary.getContainersFailedCount(),
                summary.getContainersSkippedCount(), (System.nanoTime() - started) / 1e9);
    }
}
