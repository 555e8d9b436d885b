package io.ampjava.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.Amp;
import io.ampjava.cli.AmpCli;
import io.ampjava.cli.Cli;
import io.ampjava.cli.ExitCode;
import io.ampjava.cli.Terminal;
import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.ResponderLocator;
import io.ampjava.testing.DescriptorSnapshot;
import io.ampjava.types.Descriptor;
import io.ampjava.wire.Box;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ServeSubcommandTest {
    /** Where the test classes are: the fixtures' jar, as far as --schema is concerned. */
    private static final String TEST_CLASSES = Path.of("target", "test-classes").toAbsolutePath().toString();

    @TempDir
    Path directory;

    @Test
    void echoAnswersEveryCommandWithItsArguments() throws Exception {
        for (String address : new String[] {"unix:" + directory.resolve("echo.sock"), "tcp:0"}) {
            try (Cli.Running serve = Cli.start("serve", address, "--echo")) {
                assertTrue(serve.firstLine().startsWith("READY " + (address.startsWith("unix") ? address
                        : "tcp:127.0.0.1:")),
                        serve.firstLine());
                Cli.Result call = Cli.run("call", serve.address(), "Anything", "x=1", "y=two words", "--json")
                        .assertStatus(ExitCode.OK);
                assertEquals("{\"x\":\"1\",\"y\":\"two words\"}\n", call.out());
                assertEquals(ExitCode.OK, serve.stop().status());
            }
        }
        assertFalse(Files.exists(directory.resolve("echo.sock")), "the socket file is removed on stop");
    }

    @Test
    void echoClosesTheDescriptorsItIsPassed() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "unix:" + directory.resolve("echo.sock"), "--echo")) {
            DescriptorSnapshot before = DescriptorSnapshot.take();
            try (AmpConnection connection = Amp.connectUnix(directory.resolve("echo.sock"), ResponderLocator.NONE);
                    Descriptor file = Descriptor.openForReading(Path.of("/etc/hostname"))) {
                for (int i = 0; i < 3; i++) {
                    Box arguments = new Box().put("fd", Integer.toString(connection.argumentContext()
                            .sendDescriptor(file)));
                    Box answer = connection.callRemoteString("Pass", arguments).get(10, TimeUnit.SECONDS);
                    assertEquals(Integer.toString(i), answer.getString("fd"));
                }
            }
            before.assertNoNewDescriptors();
        }
    }

    @Test
    void respondersFromAClasspathAnswerWithTheirGeneratedLocator() throws Exception {
        try (Cli.Running serve = Cli.start("serve", "tcp:0", "--schema", TEST_CLASSES,
                "--responder", "io.ampjava.cli.fixtures.Greeter")) {
            assertEquals("greeting: hello, Ada (1)\n", Cli.run("call", serve.address(), "Greet", "name=Ada").out());
            assertEquals("greeting: hello, Ada (1)\n", Cli.run("call", serve.address(), "Greet", "name=Ada").out(),
                    "each connection has its own instance");
            assertEquals("amp call: error NO_NAME: say who\n",
                    Cli.run("call", serve.address(), "Greet", "name=").assertStatus(ExitCode.REFUSED).err());
            assertEquals("amp call: error UNHANDLED: Unhandled Command: b'Sum'\n",
                    Cli.run("call", serve.address(), "Sum").assertStatus(ExitCode.REFUSED).err());
        }
    }

    @Test
    void exitOnEofStopsWhenStandardInputEnds() throws Exception {
        PipedOutputStream parent = new PipedOutputStream();
        PipedInputStream input = new PipedInputStream(parent);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Terminal terminal = new Terminal(out, OutputStream.nullOutputStream(),
                input, new CompletableFuture<>());
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(
                () -> AmpCli.run(new String[] {"serve", "tcp:0", "--echo", "--exit-on-eof"}, terminal));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString(StandardCharsets.UTF_8).startsWith("READY ")
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(status.isDone(), "serving until its input ends");
        parent.close();
        assertEquals(ExitCode.OK, status.get(20, TimeUnit.SECONDS));
    }

    @Test
    void refusesWhatCannotServe() throws Exception {
        assertEquals("amp serve: say what answers: --echo, or --schema CLASSPATH --responder CLASS\n",
                Cli.run("serve", "tcp:0").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp serve: --responder needs --schema CLASSPATH: the jars or directories of the class\n",
                Cli.run("serve", "tcp:0", "--responder", "x.Y").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp serve: --schema: no such jar or directory: " + directory.resolve("nope.jar") + "\n",
                Cli.run("serve", "tcp:0", "--schema", directory.resolve("nope.jar").toString(), "--responder", "x.Y")
                        .assertStatus(ExitCode.USAGE).err());
        assertEquals("amp serve: --responder x.Y: no such class in --schema\n",
                Cli.run("serve", "tcp:0", "--schema", TEST_CLASSES, "--responder", "x.Y").assertStatus(ExitCode.USAGE)
                        .err());
        assertEquals("amp serve: --responder io.ampjava.cli.fixtures.Greet: the class needs a constructor without"
                + " parameters\n", Cli.run("serve", "tcp:0", "--schema", TEST_CLASSES, "--responder",
                        "io.ampjava.cli.fixtures.Greet").assertStatus(ExitCode.USAGE).err());
        assertEquals("amp serve: --responder java.lang.Object: no generated java.lang.ObjectLocator beside it: does it"
                + " have @Responder methods, and was it compiled with amp-processor?\n",
                Cli.run("serve", "tcp:0", "--schema", TEST_CLASSES, "--responder", "java.lang.Object")
                        .assertStatus(ExitCode.USAGE).err());
        Cli.Result twice = Cli.run("serve", "tcp:0", "--schema", TEST_CLASSES, "--responder",
                "io.ampjava.cli.fixtures.Greeter", "--responder", "io.ampjava.cli.fixtures.OtherGreeter")
                .assertStatus(ExitCode.USAGE);
        assertTrue(twice.err().startsWith("amp serve: --responder io.ampjava.cli.fixtures.Greeter,"
                + " io.ampjava.cli.fixtures.OtherGreeter: both locators answer Greet"), twice.err());
        try (Cli.Running first = Cli.start("serve", "tcp:0", "--echo")) {
            Cli.Result taken = Cli.run("serve", first.address(), "--echo").assertStatus(ExitCode.CONNECTION);
            assertTrue(taken.err().startsWith("amp serve: cannot listen on " + first.address() + ": "), taken.err());
        }
    }
}
