package io.ampjava.sample.junit;

/**
 * The context class loader a JUnit launcher is created under: the test classes' own loader, except
 * that it hides {@code jdk.jfr} when this JVM records no flight recording.
 *
 * <p>Why: JUnit 6 registers its Java Flight Recorder listeners whenever it can load
 * {@code jdk.jfr.FlightRecorder} through the context class loader. Setting them up loads and
 * initialises JFR's event machinery (metadata, generated event handlers), about 0.1 s of a worker's
 * start-up, and without a recording their events go nowhere. A JVM started with
 * {@code -XX:StartFlightRecording} has its recorder initialised by then, and keeps JUnit's events.
 *
 * <p>Hiding is all the loader does: every other class and resource comes from the test loader
 * (classes are that loader's own {@code Class} objects), so the launcher finds the same engines,
 * listeners and {@code junit-platform.properties} either way.
 */
final class LauncherClassLoader extends ClassLoader {
    private static final String HIDDEN_PACKAGE = "jdk.jfr.";

    private LauncherClassLoader(ClassLoader tests) {
        super("amp-junit-launcher", tests);
    }

    /** {@code tests} itself while a flight recording runs, else {@code tests} without {@code jdk.jfr}. */
    static ClassLoader of(ClassLoader tests) {
        return of(tests, flightRecorderRunning());
    }

    static ClassLoader of(ClassLoader tests, boolean recording) {
        return recording ? tests : new LauncherClassLoader(tests);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(HIDDEN_PACKAGE)) {
            throw new ClassNotFoundException(name + " (JUnit's flight recorder events are off: this JVM records no flight recording)");
        }
        return super.loadClass(name, resolve);
    }

    /**
     * Whether this JVM's flight recorder is set up, which {@code -XX:StartFlightRecording} does at
     * start-up. Asked without initialising it; false on a runtime built without {@code jdk.jfr}.
     */
    private static boolean flightRecorderRunning() {
        try {
            return jdk.jfr.FlightRecorder.isInitialized();
        } catch (LinkageError absent) {
            return false;
        }
    }
}
