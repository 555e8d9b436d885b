package io.ampjava.sample.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.DiscoveryIssueException;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs tests by name through the JUnit Platform Launcher, in this JVM, on the calling thread.
 *
 * <p>Names are {@code pkg.Class#method} (one test method) or {@code pkg.Class} (every test of the
 * class). A trial-style dotted {@code pkg.Class.method} is accepted too when no class has the whole
 * name. A name that finds no test is reported as an error, as trial does for an unknown name.
 *
 * <p>One {@link LauncherSession} serves every run, as one Surefire fork does: a launcher made by
 * {@code LauncherFactory.create()} would open a session per request, which loads the test engines
 * and listeners through {@code ServiceLoader} again for every test. The configuration parameters
 * ({@code junit-platform.properties}, system properties) are likewise resolved once. Close the
 * runner to end the session. JUnit's flight recorder listeners are left out unless this JVM records
 * a flight recording ({@link LauncherClassLoader}).
 *
 * <p>Not thread-safe: one test at a time, like a trial worker.
 */
public final class JUnitTestRunner implements AutoCloseable {
    /**
     * JUnit logs every discovery issue at SEVERE on its own; this runner reports them as the test's
     * error instead. Held here because {@code java.util.logging} keeps loggers only weakly.
     */
    private static final Logger DISCOVERY_ISSUE_LOG = Logger.getLogger("org.junit.platform.launcher.core.DiscoveryIssueNotifier");

    private final ClassLoader classLoader;
    private final LauncherSession session;
    private final Launcher launcher;
    /** The implicit configuration parameters, read by the first request and reused by the others. */
    private ConfigurationParameters configuration;

    /** A runner that loads test classes (and test engines) from {@code classLoader}. */
    public JUnitTestRunner(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
        DISCOVERY_ISSUE_LOG.setLevel(Level.OFF);
        // JUnit reads the context loader when it makes the launcher: see LauncherClassLoader for why it differs.
        this.session = withContextLoader(LauncherClassLoader.of(classLoader), LauncherFactory::openSession);
        this.launcher = session.getLauncher();
    }

    /** Where this runner loads test classes from. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** A runner for the classes this JVM was started with. */
    public static JUnitTestRunner forApplicationClassPath() {
        return new JUnitTestRunner(JUnitTestRunner.class.getClassLoader());
    }

    /**
     * Runs the tests {@code name} selects and hands each outcome to {@code outcomes} as it happens.
     *
     * @return how many outcomes were reported (at least one)
     */
    public int run(String name, Consumer<TestOutcome> outcomes) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcomes, "outcomes");
        return withContextLoader(classLoader, () -> runWithContextLoader(name, outcomes));
    }

    private int runWithContextLoader(String name, Consumer<TestOutcome> outcomes) {
        List<String> issues = new ArrayList<>();
        TestPlan plan = null;
        if (!name.isBlank()) {
            plan = discover(selectorFor(name), issues);
            if (!hasTests(plan) && !name.contains("#")) {
                int dot = name.lastIndexOf('.');
                if (dot > 0 && dot < name.length() - 1) {
                    String trialStyle = name.substring(0, dot) + "#" + name.substring(dot + 1);
                    TestPlan alternative = discover(selectorFor(trialStyle), new ArrayList<>());
                    if (hasTests(alternative)) {
                        plan = alternative;
                    }
                }
            }
        }
        if (!hasTests(plan)) {
            StringBuilder text = new StringBuilder(name).append(" does not exist.");
            for (String issue : issues) {
                text.append('\n').append(issue);
            }
            outcomes.accept(new TestOutcome.Errored(name, FailureDetails.of(PythonExceptionTypes.NOT_FOUND, text.toString())));
            return 1;
        }
        OutcomeListener listener = new OutcomeListener(name, outcomes);
        launcher.execute(plan, listener);
        if (listener.reported() == 0) {
            outcomes.accept(new TestOutcome.Errored(name, FailureDetails.of(
                    PythonExceptionTypes.GENERIC, "JUnit ran " + name + " but reported no result")));
            return 1;
        }
        return listener.reported();
    }

    /**
     * The names ({@code pkg.Class#method}) of the test methods of {@code classes}, in JUnit's
     * order, for handing out one method at a time.
     */
    public List<String> testMethodNames(List<Class<?>> classes) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (Class<?> type : classes) {
            selectors.add(DiscoverySelectors.selectClass(type));
        }
        return discover(selectors, List.of());
    }

    /**
     * The test methods that {@code selectors} find and {@code filters} keep, in JUnit's order, as
     * names this runner runs: {@code pkg.Class#method}, or {@code pkg.Class#method(int,
     * java.lang.String)} for a method with parameters (a parameterized test); one name for all the
     * invocations of a method. Methods of {@code @Nested} classes are named by their binary class
     * name, {@code pkg.Outer$Inner#method}.
     *
     * @throws IllegalArgumentException when a selector names something JUnit cannot resolve
     */
    public List<String> discover(List<? extends DiscoverySelector> selectors, List<? extends Filter<?>> filters) {
        return withContextLoader(classLoader, () -> {
            TestPlan plan;
            try {
                plan = launcher.discover(request().selectors(selectors).filters(filters.toArray(Filter[]::new)).build());
            } catch (DiscoveryIssueException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            LinkedHashSet<String> names = new LinkedHashSet<>();
            for (TestIdentifier root : plan.getRoots()) {
                for (TestIdentifier node : plan.getDescendants(root)) {
                    if (!(node.getSource().orElse(null) instanceof MethodSource)) {
                        continue;
                    }
                    boolean methodLevel = plan.getParent(node).flatMap(TestIdentifier::getSource)
                            .map(parent -> parent instanceof ClassSource).orElse(false);
                    if (!methodLevel) {
                        continue; // an invocation below a method already listed
                    }
                    MethodSource method = (MethodSource) node.getSource().get();
                    String parameters = method.getMethodParameterTypes();
                    names.add(method.getClassName() + "#" + method.getMethodName()
                            + (parameters == null || parameters.isEmpty() ? "" : "(" + parameters + ")"));
                }
            }
            return List.copyOf(names);
        });
    }

    private static boolean hasTests(TestPlan plan) {
        return plan != null && plan.containsTests();
    }

    private DiscoverySelector selectorFor(String name) {
        return name.contains("#")
                ? DiscoverySelectors.selectMethod(classLoader, name)
                : DiscoverySelectors.selectClass(classLoader, name);
    }

    /** The plan for {@code selector}, or null when JUnit could not resolve it (the issues say why). */
    private TestPlan discover(DiscoverySelector selector, List<String> issues) {
        LauncherDiscoveryListener issueCollector = new LauncherDiscoveryListener() {
            @Override
            public void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
                String cause = issue.cause().map(c -> " (" + c + ")").orElse("");
                issues.add(issue.severity() + ": " + issue.message() + cause);
            }
        };
        try {
            return launcher.discover(request().selectors(selector).listeners(issueCollector).build());
        } catch (DiscoveryIssueException e) {
            // A name that does not resolve (no such class or method) is a critical discovery issue.
            return null;
        }
    }

    /** Ends the launcher session (its session listeners are told). */
    @Override
    public void close() {
        withContextLoader(classLoader, () -> {
            session.close();
            return null;
        });
    }

    /**
     * A request builder that reuses the configuration parameters the first request resolved, so
     * {@code junit-platform.properties} is looked up on the class path once, not once per test.
     */
    private LauncherDiscoveryRequestBuilder request() {
        if (configuration == null) {
            LauncherDiscoveryRequest first = LauncherDiscoveryRequestBuilder.request().build();
            configuration = first.getConfigurationParameters();
        }
        return LauncherDiscoveryRequestBuilder.request()
                .parentConfigurationParameters(configuration)
                .enableImplicitConfigurationParameters(false);
    }

    private interface Action<T> {
        T run();
    }

    private static <T> T withContextLoader(ClassLoader loader, Action<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
