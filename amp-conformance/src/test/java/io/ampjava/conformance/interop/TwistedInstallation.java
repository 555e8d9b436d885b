package io.ampjava.conformance.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether Twisted can run here. On a developer machine without it the interop suite skips and says
 * how to install it; in CI ({@code CI=true}) a missing Twisted fails the build, because a skipped
 * interop suite would prove nothing.
 */
final class TwistedInstallation {
    static final String HOW_TO_INSTALL = "Twisted is not installed for " + InteropPaths.python()
            + ": run `apt-get update && apt-get install -y python3-twisted` (Debian's Twisted 22.4 is what the"
            + " suite is checked against), or point AMP_PYTHON at a Python 3 that can `import twisted`";

    private static String version;
    private static String problem;

    private TwistedInstallation() {}

    /** Skips the calling test (or fails it in CI) unless Twisted is installed; returns its version. */
    static synchronized String require() {
        if (version == null && problem == null) {
            probe();
        }
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true, so the interop suite must run. " + problem);
            }
            Assumptions.abort(problem);
        }
        return version;
    }

    private static void probe() {
        ProcessBuilder builder = new ProcessBuilder(InteropPaths.python(), "-c", "import twisted; print(twisted.__version__)")
                .redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                problem = "`" + InteropPaths.python() + " -c 'import twisted'` did not finish. " + HOW_TO_INSTALL;
            } else if (process.exitValue() != 0) {
                problem = HOW_TO_INSTALL + " (" + new String(output, StandardCharsets.UTF_8).strip() + ")";
            } else {
                version = new String(output, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            problem = HOW_TO_INSTALL + " (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while looking for Twisted";
        }
    }
}
