package io.ampjava.conformance.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the interop suite finds its pieces. Maven's failsafe configuration sets the system
 * properties; the defaults are the same places relative to the module directory, so a test also runs
 * from an IDE whose working directory is {@code amp-conformance}.
 */
public final class InteropPaths {
    private InteropPaths() {}

    /** The shaded peer jar, built by {@code package}. */
    public static Path peerJar() {
        return property("amp.peer.jar", "target/amp-peer.jar");
    }

    /** The Twisted peer, the Twisted client driver and the raw probes. */
    public static Path pythonDir() {
        return property("amp.python.dir", "src/test/python");
    }

    /**
     * Where the processor wrote {@code conformance_commands.py}, the command table as Twisted
     * declarations, generated from {@code io.ampjava.conformance.commands}: the Twisted peer and
     * client import it from there.
     */
    public static Path generatedPython() {
        return property("amp.python.generated", "target/generated-sources/annotations");
    }

    /** A process of one of the Python tools: run in their directory, the generated commands importable. */
    static ProcessBuilder python(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(pythonDir().toFile());
        builder.environment().put("PYTHONPATH", generatedPython().toString());
        return builder;
    }

    /** The transcripts the Twisted peer gave for the raw probes. */
    static Path twistedProbeTranscripts() {
        return property("amp.interop.dir", "src/test/resources/interop").resolve("twisted-probes.jsonl");
    }

    /** Standard error of every process the suite starts, for reading after a failure. */
    public static Path logDir() {
        Path dir = property("amp.log.dir", "target/interop-logs");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The java launcher of the JVM running the tests, so the peer runs on the same Java. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path property(String name, String fallback) {
        return Path.of(System.getProperty(name, fallback)).toAbsolutePath();
    }
}
