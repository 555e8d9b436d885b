package io.ampjava.sample.selection;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.sample.WorkerSampleMain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --maven-project}: a compiled Maven project's tests, with its main classes and its
 * test-scope dependencies as Maven lists them (offline: everything is in the local repository).
 */
@Timeout(180)
class MavenProjectTest {
    @TempDir
    Path temp;

    private Path project() throws Exception {
        Path project = temp.resolve("project");
        String junit = org.junit.jupiter.api.Test.class.getPackage().getImplementationVersion();
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), String.join("\n",
                "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">",
                "  <modelVersion>4.0.0</modelVersion>",
                "  <groupId>example</groupId><artifactId>adder</artifactId><version>1</version>",
                "  <dependencies>",
                "    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId>",
                "      <version>" + junit + "</version><scope>test</scope></dependency>",
                "  </dependencies>",
                "</project>", ""), UTF_8);
        compile(project.resolve("src/main/java/example/Adder.java"), project.resolve("target/classes"),
                "package example; public class Adder { public static int add(int a, int b) { return a + b; } }");
        compile(project.resolve("src/test/java/example/AdderTest.java"), project.resolve("target/test-classes"),
                "package example; import org.junit.jupiter.api.*; import org.junit.jupiter.params.ParameterizedTest;"
                        + " import org.junit.jupiter.params.provider.ValueSource;"
                        + " class AdderTest { @Test void adds() { Assertions.assertEquals(3, Adder.add(1, 2)); }"
                        + " @ParameterizedTest @ValueSource(ints = {1, 2, 3}) void addsZero(int n) {"
                        + " Assertions.assertEquals(n, Adder.add(n, 0)); } }");
        return project;
    }

    private static void compile(Path source, Path classes, String code) throws IOException {
        Files.createDirectories(source.getParent());
        Files.writeString(source, code, UTF_8);
        Files.createDirectories(classes);
        String classpath = System.getProperty("java.class.path") + ":" + classes.resolveSibling("classes");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp", classpath,
                source.toString()));
    }

    @Test
    void theClassPathIsTheTestClassesTheMainClassesAndTheTestDependencies() throws Exception {
        Path project = project();
        List<Path> classpath = new MavenProject(project).testClasspath(true);
        assertEquals(project.resolve("target/test-classes").toRealPath(), classpath.get(0).toRealPath());
        assertEquals(project.resolve("target/classes").toRealPath(), classpath.get(1).toRealPath());
        assertTrue(classpath.stream().anyMatch(entry -> entry.getFileName().toString().startsWith("junit-jupiter-params-")),
                classpath.toString());
    }

    @Test
    void runRunsTheProjectsTests() throws Exception {
        Path project = project();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, UTF_8));
        int exit;
        try {
            exit = new CommandLine(new WorkerSampleMain()).execute("run", "--maven-project", project.toString(),
                    "--maven-offline", "-j", "2", "--temp-directory", temp.resolve("run").toString());
        } finally {
            System.setOut(original);
        }
        String output = out.toString(UTF_8);
        assertEquals(0, exit, output);
        assertTrue(output.contains("amp-worker: 1 test on 2 workers"), "one class, handed out whole: " + output);
        assertTrue(output.contains("PASSED (successes=4)"), output);
    }

    @Test
    void aProjectWithoutCompiledTestsSaysWhatToDo() throws Exception {
        Path project = project();
        Files.walk(project.resolve("target/test-classes")).sorted(java.util.Comparator.reverseOrder()).forEach(path -> {
            try {
                Files.delete(path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        IOException missing = assertThrows(IOException.class, () -> new MavenProject(project).testClasspath(true));
        assertTrue(missing.getMessage().contains("compile the tests first (mvn test-compile)"), missing.getMessage());
        StringWriterHolder err = new StringWriterHolder();
        CommandLine commandLine = new CommandLine(new WorkerSampleMain());
        commandLine.setErr(err.writer);
        assertEquals(2, commandLine.execute("run", "--maven-project", project.toString(), "--maven-offline"));
        assertTrue(err.text().contains("does not exist: compile the tests first"), err.text());
    }

    private static final class StringWriterHolder {
        final java.io.StringWriter buffer = new java.io.StringWriter();
        final PrintWriter writer = new PrintWriter(buffer, true);

        String text() {
            return buffer.toString();
        }
    }
}
