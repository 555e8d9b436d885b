package io.ampjava.sample.selection;

import io.ampjava.sample.junit.JUnitTestRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TagFilter;

/**
 * What the user asked to run, turned into the names the manager hands out: a whole test class
 * where all of its tests are selected, single methods where only some are.
 *
 * <p>A {@code TEST} on the command line is one of:
 *
 * <ul>
 *   <li>{@code pkg.Class#method}: that method;
 *   <li>{@code pkg.Class}: every test of the class;
 *   <li>{@code pkg}: every test class of the package and the packages below it;
 *   <li>a class-name pattern with {@code *} (any characters but a dot), {@code **} (any
 *       characters) or {@code ?}, as Surefire's {@code -Dtest} takes them: {@code *Base64*},
 *       {@code org.example.**.*IT}. A pattern without a dot matches the simple class name. A
 *       pattern that starts with {@code !} excludes the classes it matches. Patterns look at the
 *       classes of the test roots.
 * </ul>
 *
 * <p>With no {@code TEST}, the test roots are scanned for classes named as JUnit's console
 * launcher and Surefire name test classes ({@code Test*}, {@code *Test}, {@code *Tests}). Tags
 * ({@code @Tag}) filter all of it: {@code --include-tag} keeps tests with one of the tags (JUnit tag
 * expressions such as {@code fast & !db} work too), {@code --exclude-tag} drops them.
 *
 * <p>Discovery runs JUnit in the manager's JVM, which a run of plain names does not need: names of
 * methods and classes alone, with no tag, are handed out as they are (a Python worker's dotted
 * names too).
 */
public final class TestSelection {
    private final List<String> specs;
    private final List<Path> roots;
    private final List<String> includeTags;
    private final List<String> excludeTags;

    /**
     * @param specs the {@code TEST}s of the command line
     * @param roots the directories and jars whose classes patterns and an empty selection scan
     * @param includeTags tag expressions a test must match one of (empty: all)
     * @param excludeTags tag expressions that drop a test
     */
    public TestSelection(List<String> specs, List<Path> roots, List<String> includeTags, List<String> excludeTags) {
        this.specs = List.copyOf(specs);
        this.roots = List.copyOf(roots);
        this.includeTags = List.copyOf(includeTags);
        this.excludeTags = List.copyOf(excludeTags);
    }

    /** Whether the names can be handed out as they are, without asking JUnit. */
    public boolean isPlainNames(ClassLoader loader) {
        if (specs.isEmpty() || !includeTags.isEmpty() || !excludeTags.isEmpty()) {
            return false;
        }
        for (String spec : specs) {
            if (isPattern(spec) || !(spec.contains("#") || isClass(loader, spec) || !isPackage(loader, spec))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The selected tests as names, in JUnit's order.
     *
     * @throws IllegalArgumentException when the selection names nothing that exists, or finds no test
     */
    public List<String> names(JUnitTestRunner runner) {
        ClassLoader loader = runner.classLoader();
        List<DiscoverySelector> selectors = new ArrayList<>();
        List<Filter<?>> filters = new ArrayList<>();
        Set<String> namedMethodsOf = new HashSet<>();
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        boolean scanRoots = specs.isEmpty();
        for (String spec : specs) {
            if (spec.startsWith("!")) {
                exclude.add(globToRegex(spec.substring(1)));
            } else if (isPattern(spec)) {
                include.add(globToRegex(spec));
                scanRoots = true;
            } else if (spec.contains("#")) {
                selectors.add(DiscoverySelectors.selectMethod(loader, spec));
                namedMethodsOf.add(topLevelClass(spec));
            } else if (isClass(loader, spec)) {
                selectors.add(DiscoverySelectors.selectClass(loader, spec));
            } else if (isPackage(loader, spec)) {
                selectors.add(DiscoverySelectors.selectPackage(spec));
            } else {
                throw new IllegalArgumentException(spec + " is neither a test class, a method (Class#method) nor a package"
                        + " with classes on the test class path");
            }
        }
        if (scanRoots) {
            if (roots.isEmpty()) {
                throw new IllegalArgumentException("class-name patterns need test classes to scan: give --classpath"
                        + " or --maven-project");
            }
            selectors.addAll(DiscoverySelectors.selectClasspathRoots(new HashSet<>(roots)));
            if (include.isEmpty() && specs.stream().noneMatch(spec -> !spec.startsWith("!"))) {
                include.add(ClassNameFilter.STANDARD_INCLUDE_PATTERN);
            }
        }
        if (!include.isEmpty()) {
            filters.add(ClassNameFilter.includeClassNamePatterns(include.toArray(String[]::new)));
        }
        if (!exclude.isEmpty()) {
            filters.add(ClassNameFilter.excludeClassNamePatterns(exclude.toArray(String[]::new)));
        }
        if (!includeTags.isEmpty()) {
            filters.add(TagFilter.includeTags(includeTags));
        }
        if (!excludeTags.isEmpty()) {
            filters.add(TagFilter.excludeTags(excludeTags));
        }
        if (selectors.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: only exclusions were given");
        }
        List<String> methods = runner.discover(selectors, filters);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("no tests match " + describe());
        }
        return byClass(runner, methods, namedMethodsOf);
    }

    /**
     * The names to hand out: a whole class where every test of it is selected, so that its
     * {@code @BeforeAll}/{@code @AfterAll} and any state its tests share work as in one JUnit run
     * (JUnit and Surefire run a class as a whole, and some suites check across a class's tests);
     * single methods where only some of a class's tests are selected (methods named on the command
     * line, or left out by a tag). A class stands for its {@code @Nested} classes too.
     */
    private List<String> byClass(JUnitTestRunner runner, List<String> methods, Set<String> namedMethodsOf) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (String method : methods) {
            classes.computeIfAbsent(topLevelClass(method), key -> new ArrayList<>()).add(method);
        }
        boolean tagged = !includeTags.isEmpty() || !excludeTags.isEmpty();
        Map<String, Set<String>> untagged = tagged ? allTestsOf(runner, classes.keySet()) : Map.of();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : classes.entrySet()) {
            String type = entry.getKey();
            boolean whole = !namedMethodsOf.contains(type)
                    && (!tagged || untagged.get(type).equals(new HashSet<>(entry.getValue())));
            if (whole) {
                names.add(type);
            } else {
                names.addAll(entry.getValue());
            }
        }
        return names;
    }

    /** Every test of each of {@code types}, tags aside, by class: one discovery for them all. */
    private static Map<String, Set<String>> allTestsOf(JUnitTestRunner runner, Set<String> types) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        Map<String, Set<String>> tests = new HashMap<>();
        for (String type : types) {
            selectors.add(DiscoverySelectors.selectClass(runner.classLoader(), type));
            tests.put(type, new HashSet<>());
        }
        for (String method : runner.discover(selectors, List.of())) {
            tests.computeIfAbsent(topLevelClass(method), key -> new HashSet<>()).add(method);
        }
        return tests;
    }

        /** {@code pkg.Outer} for {@code pkg.Outer$Inner#method} and {@code pkg.Outer#method}. */
    private static String topLevelClass(String method) {
        String type = method.substring(0, method.indexOf('#'));
        int nested = type.indexOf('$');
        return nested < 0 ? type : type.substring(0, nested);
    }

    private String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(specs.isEmpty() ? "the test classes of " + roots : String.join(" ", specs));
        if (!includeTags.isEmpty()) {
            parts.add("--include-tag " + String.join(",", includeTags));
        }
        if (!excludeTags.isEmpty()) {
            parts.add("--exclude-tag " + String.join(",", excludeTags));
        }
        return String.join(" ", parts);
    }

    static boolean isPattern(String spec) {
        return spec.startsWith("!") || spec.indexOf('*') >= 0 || spec.indexOf('?') >= 0;
    }

    private static boolean isClass(ClassLoader loader, String name) {
        return !name.isEmpty() && loader.getResource(name.replace('.', '/') + ".class") != null;
    }

    private static boolean isPackage(ClassLoader loader, String name) {
        return !name.isEmpty() && loader.getResource(name.replace('.', '/')) != null;
    }

    /**
     * A Surefire-style class-name glob as the regular expression JUnit's class-name filter takes:
     * {@code **} any characters, {@code *} any but a dot, {@code ?} one but a dot; a glob without a
     * dot matches the simple name (in any package), {@code $} of nested classes included.
     */
    static String globToRegex(String glob) {
        Objects.requireNonNull(glob, "glob");
        StringBuilder regex = new StringBuilder();
        if (glob.indexOf('.') < 0 && !glob.startsWith("**")) {
            regex.append("(?:.*\\.)?");
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^.]*");
            } else if (c == '?') {
                regex.append("[^.]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
