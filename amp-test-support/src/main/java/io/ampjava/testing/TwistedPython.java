package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The Python the tests run scripts under: {@code $AMP_PYTHON}, by default {@code /usr/bin/python3},
 * where Debian installs Twisted (a {@code python3} earlier on PATH may lack it). A test says what it
 * needs of it with {@link #require}; a missing need skips the test, or fails it under
 * {@code CI=true} ({@link Prerequisites}).
 *
 * <pre>{@code
 * Path python = TwistedPython.require(TwistedPython.Need.TWISTED_TLS);
 * }</pre>
 */
public final class TwistedPython {
    /** The environment variable that names another interpreter. */
    public static final String AMP_PYTHON = "AMP_PYTHON";
    /** The interpreter Debian's python3-twisted is installed for. */
    public static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");

    private static final long PROBE_SECONDS = 60;
    private static final Map<Need, Optional<String>> PROBED = new EnumMap<>(Need.class);

    /** What a test needs of the interpreter; each need includes the ones before it. */
    public enum Need {
        /** The interpreter alone: scripts that speak AMP over plain sockets. */
        PYTHON("import sys", "python3"),
        /** Twisted. */
        TWISTED("import twisted", "python3-twisted"),
        /** Twisted with its TLS support: pyOpenSSL and service_identity. */
        TWISTED_TLS("import twisted, OpenSSL, service_identity", "python3-twisted python3-openssl python3-service-identity");

        private final String imports;
        private final String packages;

        Need(String imports, String packages) {
            this.imports = imports;
            this.packages = packages;
        }
    }

    private TwistedPython() {}

    /** The interpreter, whether or not it is there: {@code $AMP_PYTHON}, else {@code /usr/bin/python3}. */
    public static Path interpreter() {
        String configured = System.getenv(AMP_PYTHON);
        return configured == null || configured.isBlank() ? DEBIAN_PYTHON : Path.of(configured);
    }

    /**
     * The interpreter, once it is known to have {@code need}; otherwise the calling test is skipped,
     * or fails under {@code CI=true}, with what is missing and how to install it. Each need is
     * checked once per JVM.
     */
    public static Path require(Need need) {
        Prerequisites.require(problem(need).isEmpty(), problem(need).orElse(""));
        return interpreter();
    }

    /**
     * Runs the interpreter with {@code arguments} and returns its standard output, stripped; fails
     * the test if it exits with an error. For asking Python a question, such as where a module is.
     */
    public static String output(String... arguments) {
        List<String> command = new ArrayList<>(List.of(interpreter().toString()));
        command.addAll(List.of(arguments));
        Ran ran = run(command);
        if (ran.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + ran.exitCode() + ": " + ran.output());
        }
        return ran.output();
    }

    private static synchronized Optional<String> problem(Need need) {
        return PROBED.computeIfAbsent(need, n -> probe(interpreter(), n));
    }

    /** Why {@code python} does not meet {@code need}, with how to fix it; empty if it does. */
    static Optional<String> probe(Path python, Need need) {
        String install = "install it with `apt-get install -y " + need.packages + "`, or point " + AMP_PYTHON
                + " at a Python 3 that has it";
        if (!Files.isExecutable(python)) {
            return Optional.of(python + " is not an executable file: " + install);
        }
        Ran ran = run(List.of(python.toString(), "-c", need.imports));
        if (ran.exitCode() != 0) {
            String[] lines = ran.output().split("\n");
            return Optional.of(python + " cannot `" + need.imports + "` (" + lines[lines.length - 1] + "): " + install);
        }
        return Optional.empty();
    }

    private record Ran(int exitCode, String output) {}

    /** Runs {@code command} to its end, standard error joined to standard output. */
    private static Ran run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(PROBE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Ran(-1, "did not finish within " + PROBE_SECONDS + " s");
            }
            return new Ran(process.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
