package io.ampjava.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ampjava.testing.TwistedPython;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short script under the real CPython that Twisted uses, to compare our encodings with
 * Python's own. Without it the calling test is skipped, except under {@code CI=true}, where it
 * fails ({@link TwistedPython}).
 */
final class PythonOracle {
    private PythonOracle() {}

    /**
     * Runs {@code script} with the path of a file holding {@code input} as {@code sys.argv[1]} and
     * returns its standard output split into lines (the script prints one line per item).
     */
    static List<String> run(String script, byte[] input) throws IOException, InterruptedException {
        Path python = TwistedPython.require(TwistedPython.Need.PYTHON);
        Path file = Files.createTempFile("amp-oracle", ".bin");
        try {
            Files.write(file, input);
            Process process = new ProcessBuilder(python.toString(), "-c", script, file.toString())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
            CompletableFuture<byte[]> errors = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] output = readAll(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("python did not finish");
            }
            String stderr = new String(errors.join(), StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), () -> "python failed: " + stderr);
            String text = new String(output, StandardCharsets.UTF_8);
            assertTrue(text.isEmpty() || text.endsWith("\n"), "python output is not line-terminated");
            return text.isEmpty() ? List.of() : Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static byte[] readAll(InputStream in) {
        // A read loop rather than readAllBytes(): JDK 17.0.15 fails on pipes with "Illegal seek".
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
