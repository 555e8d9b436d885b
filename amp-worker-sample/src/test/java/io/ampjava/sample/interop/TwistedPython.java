package io.ampjava.sample.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python with Debian's Twisted 22.4 that the interop tests talk to: {@code $AMP_PYTHON}, by
 * default {@code /usr/bin/python3} (a {@code python3} earlier on PATH may lack Twisted). Without
 * Twisted the tests are skipped, with how to install it, except on CI ({@code CI=true}), where a
 * missing Twisted fails them.
 */
final class TwistedPython {
    static final String PYTHON = System.getenv().getOrDefault("AMP_PYTHON", "/usr/bin/python3");

    private static Boolean available;

    private TwistedPython() {}

    static synchronized void require() throws IOException, InterruptedException {
        if (available == null) {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import twisted.trial._dist.workertrial")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            available = probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0;
        }
        if (!available) {
            String message = PYTHON + " cannot import Twisted; install it with `apt-get install -y python3-twisted`"
                    + " (or point AMP_PYTHON at a Python that has Twisted)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + ": on CI the interop tests must run");
            }
            Assumptions.abort(message);
        }
    }

    /** Twisted's worker script, where Debian puts it (next to the twisted package). */
    static String workertrial() throws IOException, InterruptedException {
        Process locate = new ProcessBuilder(PYTHON, "-c",
                "import twisted.trial._dist.workertrial as w; print(w.__file__)").start();
        String path = new String(locate.getInputStream().readAllBytes()).trim();
        locate.waitFor(60, TimeUnit.SECONDS);
        return Path.of(path).toString();
    }
}
