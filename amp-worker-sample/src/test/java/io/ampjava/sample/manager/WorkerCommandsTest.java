package io.ampjava.sample.manager;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WorkerCommandsTest {
    @TempDir Path directory;

    @Test
    void theArchiveBesideAJarIsUsedOnlyWhenItExists() throws Exception {
        Path jar = Files.createFile(directory.resolve("amp-worker.jar"));
        assertEquals(Optional.empty(), ClassArchive.besideJar(jar.toString()));

        Path archive = Files.createFile(directory.resolve("amp-worker.jsa"));
        assertEquals(Optional.of(archive), ClassArchive.besideJar(jar.toString()));
    }

    @Test
    void aClasspathThatIsNotOneJarHasNoArchive() throws Exception {
        Files.createFile(directory.resolve("a.jsa"));
        Files.createFile(directory.resolve("b.jsa"));
        String two = directory.resolve("a.jar") + File.pathSeparator + directory.resolve("b.jar");
        assertEquals(Optional.empty(), ClassArchive.besideJar(two));
        assertEquals(Optional.empty(), ClassArchive.besideJar(directory.resolve("a").toString()));
        assertEquals(Optional.empty(), ClassArchive.besideJar(null));
    }

    @Test
    void theJvmAcceptsTheWorkerOptions() throws Exception {
        // An option this JVM does not know stops it before main: every worker would fail to start.
        String command = WorkerCommands.javaWorker(System.getProperty("java.class.path"), List.of(), null, false);
        Process process = new ProcessBuilder("/bin/sh", "-c", command + " --help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("usage: java -cp amp-worker.jar io.ampjava.sample.cli.WorkerMain"), output);
    }

    @Test
    void optionsComeBeforeTheClasspathAndWorkerOptionsAfterTheMainClass() {
        String command = WorkerCommands.javaWorker("w.jar", List.of(ClassArchive.useOption(Path.of("w.jsa"))), "tests", true);
        assertTrue(command.endsWith(" -XX:+UseSerialGC -XX:+DisplayVMOutputToStderr"
                + " -XX:Tier4InvocationThreshold=150000 -XX:Tier4MinInvocationThreshold=18000"
                + " -XX:Tier4CompileThreshold=450000 -XX:Tier4BackEdgeThreshold=1200000"
                + " -XX:SharedArchiveFile=w.jsa -cp w.jar io.ampjava.sample.cli.WorkerMain"
                + " --force-gc --classpath tests"), command);
    }

    @Test
    void theRemoteJvmAcceptsItsOptionsAndKeepsItsOwnMessagesOffStandardOutput() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = WorkerCommands.remoteJavaWorker(java, null, false, List.of("-Xmx64m"));
        assertTrue(command.contains(" -XX:+DisplayVMOutputToStderr -XX:Tier4InvocationThreshold=150000")
                && command.contains(" -Xlog:disable -Xlog:all=warning:stderr "), command);
        assertTrue(command.contains(" -Xmx64m -cp "), command);
        assertTrue(command.endsWith(" io.ampjava.sample.cli.WorkerMain --stdio"), command);
        // A worker started without a manager: it must refuse, and say so on stderr, not stdout.
        Process process = new ProcessBuilder("/bin/sh", "-c", command + " </dev/null").start();
        String out = new String(process.getInputStream().readAllBytes(), UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue(), err);
        assertEquals("", out);
        assertTrue(err.contains("a --stdio worker talks to its manager on its standard input and output"), err);
    }

    @Test
    void theSshCommandPutsTheUsersOptionsFirstAndQuotesTheRemoteCommandOnce() {
        String command = WorkerCommands.sshWorker(List.of("-F", "my config"), "java -cp '/a b/w.jar' Main --stdio");
        assertEquals("ssh -T -F 'my config' -o BatchMode=yes -o ServerAliveInterval=10 -o ServerAliveCountMax=3 {host} "
                + "'java -cp '\\''/a b/w.jar'\\'' Main --stdio'", command);
    }
}
