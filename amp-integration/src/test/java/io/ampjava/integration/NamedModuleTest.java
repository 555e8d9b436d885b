package io.ampjava.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * amp-java as a modular application uses it: a module ({@code src/test/resources/named-module/app})
 * that requires {@code io.ampjava.runtime} and {@code io.ampjava.annotations}, compiled by javac
 * with the processor and the real artifacts on the module path, then run with {@code java -m} in
 * its own JVM, where it serves and calls over a Unix socket (passing a descriptor, which takes
 * jnr-ffi's generated bindings) and over TCP.
 *
 * <p>The module path and processor path are the ones Maven resolves for this module (written by
 * maven-dependency-plugin to {@code target/named-module/}).
 */
@Timeout(120)
class NamedModuleTest {
    private static final Path SOURCES = resource("/named-module");
    private static final String MODULE_PATH = pathFile("module-path.txt");
    private static final String PROCESSOR_PATH = pathFile("processor-path.txt");

    @TempDir
    Path directory;

    @Test
    void generatedCodeCompilesAndRunsInANamedModule() throws Exception {
        Path classes = directory.resolve("classes");
        Path generated = directory.resolve("generated");
        List<Diagnostic<? extends JavaFileObject>> diagnostics = compile(SOURCES.resolve("app"), classes, generated);

        assertEquals(List.of(), errors(diagnostics), "javac errors compiling the module");
        assertTrue(Files.isRegularFile(generated.resolve("app/calc/DivideCommand.java")), "the processor ran");
        assertTrue(Files.isRegularFile(generated.resolve("app/calc/CalculatorLocator.java")), "the processor ran");
        assertTrue(Files.isRegularFile(classes.resolve("module-info.class")), "compiled as a module");

        List<String> output = run(classes, directory.resolve("amp.sock").toString());
        assertEquals(List.of(
                "modules app io.ampjava.runtime",
                "unix 0.5",
                "unix DivisionByZero: 1 / 0",
                "unix fd 5 hello",
                "tcp 0.75"), output);
    }

    @Test
    void internalPackagesAreNotVisibleToAUsersModule() throws Exception {
        List<Diagnostic<? extends JavaFileObject>> diagnostics =
                compile(SOURCES.resolve("sneaky"), directory.resolve("classes"), directory.resolve("generated"));

        List<Diagnostic<? extends JavaFileObject>> errors = errors(diagnostics);
        assertEquals(1, errors.size(), () -> describe(diagnostics));
        Diagnostic<? extends JavaFileObject> error = errors.get(0);
        assertTrue(error.getMessage(null).contains("package io.ampjava.internal.io is not visible"), error.getMessage(null));
        assertTrue(error.getSource().getName().endsWith("Sneak.java"), error.getSource().getName());
        assertEquals(3, error.getLineNumber(), "the import line");
    }

    @Test
    void theRuntimeExportsEveryPackageButItsInternalOnes() {
        ModuleDescriptor runtime = descriptor("io.ampjava.runtime");
        assertFalse(runtime.exports().stream().anyMatch(ModuleDescriptor.Exports::isQualified), runtime.exports().toString());
        Set<String> exported = runtime.exports().stream()
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> api = runtime.packages().stream()
                .filter(name -> !name.startsWith("io.ampjava.internal."))
                .collect(Collectors.toCollection(TreeSet::new));
        // internal.posix is exported for jnr-ffi alone: it implements the package's interfaces in a
        // class loader of its own (see module-info.java).
        api.add("io.ampjava.internal.posix");
        assertEquals(api, exported);
        assertTrue(runtime.packages().containsAll(Set.of("io.ampjava.internal.io", "io.ampjava.internal.log", "io.ampjava.internal.text")),
                "the internal packages this test guards still exist: " + runtime.packages());
        assertTrue(runtime.opens().isEmpty(), runtime.opens().toString());

        ModuleDescriptor annotations = descriptor("io.ampjava.annotations");
        assertEquals(Set.of("io.ampjava.annotations"),
                annotations.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }

    private static List<Diagnostic<? extends JavaFileObject>> compile(Path sources, Path classes, Path generated) throws IOException {
        Files.createDirectories(classes);
        Files.createDirectories(generated);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release", "17",
                    "--module-path", MODULE_PATH,
                    "--processor-path", PROCESSOR_PATH,
                    "-d", classes.toString(),
                    "-s", generated.toString());
            javac.getTask(null, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
        }
        return diagnostics.getDiagnostics();
    }

    private static List<String> run(Path classes, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", classes + File.pathSeparator + MODULE_PATH,
                "-m", "app/app.calc.Main"));
        command.addAll(List.of(arguments));
        Path log = classes.resolveSibling("run.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                fail("the module's JVM did not finish in 60 s:\n" + Files.readString(log));
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> "the module's JVM failed:\n" + read(log));
        return Files.readAllLines(log);
    }

    private static ModuleDescriptor descriptor(String module) {
        Path[] entries = Stream.of(MODULE_PATH.split(File.pathSeparator)).map(Path::of).toArray(Path[]::new);
        return ModuleFinder.of(entries).find(module).orElseThrow(() -> new AssertionError(module + " not on " + MODULE_PATH)).descriptor();
    }

    private static List<Diagnostic<? extends JavaFileObject>> errors(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
    }

    private static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics) {
        return diagnostics.stream().map(Object::toString).collect(Collectors.joining("\n"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(NamedModuleTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pathFile(String name) {
        // target/test-classes/../named-module/<name>, written in generate-test-resources.
        Path file = resource("/").getParent().resolve("named-module").resolve(name);
        return read(file).strip();
    }
}
