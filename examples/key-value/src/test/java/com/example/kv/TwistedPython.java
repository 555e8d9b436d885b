package com.example.kv;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python that has Twisted: {@code $AMP_PYTHON}, else {@code /usr/bin/python3} (Debian's
 * Twisted is installed for it, not for another python3 on the PATH). Without it a test is skipped,
 * except under {@code CI=true}, where it fails: CI must not pass by skipping.
 */
final class TwistedPython {
    private TwistedPython() {}

    static Path require() throws IOException, InterruptedException {
        String configured = System.getenv("AMP_PYTHON");
        Path python = Path.of(configured != null && !configured.isEmpty() ? configured : "/usr/bin/python3");
        String missing = null;
        if (!Files.isExecutable(python)) {
            missing = python + " does not exist";
        } else {
            Process probe = new ProcessBuilder(python.toString(), "-c", "import twisted")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(30, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                missing = python + " did not import twisted within 30 s";
            } else if (probe.exitValue() != 0) {
                missing = python + " cannot import twisted (apt-get install python3-twisted)";
            }
        }
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("Twisted is required under CI=true: " + missing);
            }
            Assumptions.abort("skipped: " + missing);
        }
        return python;
    }
}
