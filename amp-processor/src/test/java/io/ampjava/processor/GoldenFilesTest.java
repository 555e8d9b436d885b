package io.ampjava.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generated sources compared with the files under {@code src/test/resources/golden/<case>/expected}.
 * Each case compiles the sources under {@code golden/<case>/input}, with the processor options in
 * {@code golden/<case>/options} if there is one (one a line); the compilation must succeed without a
 * warning and generate exactly the expected files (Java sources, and the Python modules of
 * {@code -Aamp.python.modules}), with no line of 120 characters or more.
 *
 * <p>After an intended change to the generated code, rewrite the expected files with
 * {@code mvn -pl amp-processor -am verify -Dtest=GoldenFilesTest -Damp.updateGoldens=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (or the environment variable
 * {@code AMP_UPDATE_GOLDENS=true}), and review the diff.
 */
class GoldenFilesTest {
    private static final Path SOURCE_GOLDENS = Path.of("src/test/resources/golden");
    private static final int MAX_LINE = 120;

    @TestFactory
    List<DynamicTest> goldenCases() throws IOException {
        Path root = TestCompiler.resource("golden");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root)) {
            cases.sorted().forEach(dir -> tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir))));
        }
        assertThat(tests).isNotEmpty();
        return tests;
    }

    private static void check(Path dir) throws IOException {
        List<JavaFileObject> inputs = new ArrayList<>();
        Path input = dir.resolve("input");
        for (Path file : javaFiles(input).values()) {
            inputs.add(JavaFileObjects.forSourceString(className(input, file), Files.readString(file)));
        }
        List<String> options = new ArrayList<>();
        if (Files.exists(dir.resolve("options"))) {
            Files.readAllLines(dir.resolve("options")).stream().filter(line -> !line.isBlank()).forEach(options::add);
        }
        Compilation compilation = TestCompiler.compile(inputs, options);
        assertWithMessage("diagnostics: %s", compilation.diagnostics())
                .that(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);
        assertWithMessage("warnings").that(compilation.warnings()).isEmpty();

        Map<String, String> generated = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            String path = file.toUri().getPath();
            if (!path.contains("/SOURCE_OUTPUT/")) {
                continue; // the command index, a resource of the class output
            }
            String relative = path.substring(path.indexOf("/SOURCE_OUTPUT/") + "/SOURCE_OUTPUT/".length());
            generated.put(relative, file.getCharContent(true).toString());
        }
        Path expectedDir = dir.resolve("expected");
        if (updating()) {
            Path target = SOURCE_GOLDENS.resolve(dir.getFileName()).resolve("expected");
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Path out = target.resolve(file.getKey());
                Files.createDirectories(out.getParent());
                Files.writeString(out, file.getValue());
            }
            System.out.println("rewrote " + generated.size() + " golden files in " + target.toAbsolutePath());
            assertShortLines(generated);
            return;
        }
        Map<String, Path> expected = javaFiles(expectedDir);
        assertWithMessage("generated files").that(generated.keySet()).containsExactlyElementsIn(expected.keySet());
        for (Map.Entry<String, Path> file : expected.entrySet()) {
            assertEquals(Files.readString(file.getValue()), generated.get(file.getKey()),
                    "generated " + file.getKey() + " differs from " + file.getValue()
                            + " (rewrite with -Damp.updateGoldens=true if intended)");
        }
        assertShortLines(generated);
    }

    /** Generated code reads like hand-written code, which keeps its lines short. */
    private static void assertShortLines(Map<String, String> generated) {
        List<String> longLines = new ArrayList<>();
        for (Map.Entry<String, String> file : generated.entrySet()) {
            String[] lines = file.getValue().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() >= MAX_LINE) {
                    longLines.add(file.getKey() + ":" + (i + 1) + " (" + lines[i].length() + " characters): " + lines[i]);
                }
                if (!lines[i].equals(lines[i].stripTrailing())) {
                    longLines.add(file.getKey() + ":" + (i + 1) + " ends with white space");
                }
            }
        }
        assertWithMessage("generated lines of %s characters or more, or with trailing white space", MAX_LINE)
                .that(longLines).isEmpty();
    }

    private static boolean updating() {
        return Boolean.getBoolean("amp.updateGoldens") || "true".equals(System.getenv("AMP_UPDATE_GOLDENS"));
    }

    /** The .java and .py files under {@code dir}, by path relative to it. */
    private static Map<String, Path> javaFiles(Path dir) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".py"))
                    .forEach(f -> files.put(dir.relativize(f).toString().replace('\\', '/'), f));
        }
        return files;
    }

    private static String className(Path root, Path file) {
        return root.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
    }
}
