package io.ampjava.sample.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ampjava.testing.TwistedPython;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WorkerProcessTest {
    @TempDir
    Path temp;

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    @Test
    void childReadsFd3WritesFd4AndLogsStandardStreams() throws Exception {
        // The child reads lines on fd 3 and answers each upper-cased on fd 4 until EOF, then
        // reports what its fds 0, 1, 2 are and exits with a code of its own.
        String script = String.join("\n",
                "import os, sys",
                "print('stdin is devnull', os.path.samestat(os.fstat(0), os.stat('/dev/null')))",
                "print('cwd', os.getcwd(), flush=True)",
                "sys.stderr.write('to err\\n')",
                "inp = os.fdopen(3, 'rb'); out = os.fdopen(4, 'wb')",
                "for line in inp:",
                "    out.write(line.upper()); out.flush()",
                "print('saw EOF', flush=True)",
                "sys.exit(7)");
        Path logs = temp.resolve("logs/0");
        String command = ShellWords.join(List.of(TwistedPython.require(TwistedPython.Need.PYTHON).toString(), "-c", script));
        try (WorkerProcess worker = WorkerProcess.start(command, temp, logs, Map.of("AMP_TEST_VAR", "x"))) {
            OutputStream toWorker = worker.toWorker();
            toWorker.write("hello 'quoted' world\n".getBytes(StandardCharsets.UTF_8));
            toWorker.flush();
            assertEquals("HELLO 'QUOTED' WORLD", readLine(worker.fromWorker()));
            toWorker.write("again\n".getBytes(StandardCharsets.UTF_8));
            toWorker.flush();
            assertEquals("AGAIN", readLine(worker.fromWorker()));

            assertEquals(7, worker.stop(Duration.ofSeconds(10)));
            assertEquals(-1, worker.fromWorker().read());
        }
        assertEquals(List.of("stdin is devnull True", "cwd " + temp.toRealPath(), "saw EOF"),
                Files.readAllLines(logs.resolve("out.log")));
        assertEquals(List.of("to err"), Files.readAllLines(logs.resolve("err.log")));
    }

    @Test
    void missingCommandExitsAndSaysSoInErrLog() throws Exception {
        Path logs = temp.resolve("logs/1");
        try (WorkerProcess worker = WorkerProcess.start("/no/such/worker --flag", temp, logs, Map.of())) {
            assertEquals(-1, worker.fromWorker().read());
            assertEquals(127, worker.stop(Duration.ofSeconds(10)));
        }
        String err = Files.readString(logs.resolve("err.log"));
        assertEquals(true, err.contains("/no/such/worker"), err);
    }

    @Test
    void shellWordsSurviveTheShell() {
        assertEquals("plain/word-1.0", ShellWords.quote("plain/word-1.0"));
        assertEquals("'two words'", ShellWords.quote("two words"));
        assertEquals("'it'\\''s'", ShellWords.quote("it's"));
        assertEquals("''", ShellWords.quote(""));
        assertEquals("'$HOME'", ShellWords.quote("$HOME"));
    }
}
