package io.ampjava.sample.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The class loader that finds the tests named on the command line. */
final class TestClassLoaders {
    private TestClassLoaders() {}

    /**
     * This jar's loader, or a child of it that also searches {@code classpath} (directories and
     * jars, separated by {@link File#pathSeparator}).
     *
     * @throws IllegalArgumentException if an entry does not exist
     */
    static ClassLoader withClasspath(String classpath) {
        ClassLoader parent = TestClassLoaders.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath();
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("--classpath entry " + path + " does not exist");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad --classpath entry " + entry, e);
            }
        }
        return new URLClassLoader("amp-worker-tests", urls.toArray(URL[]::new), parent);
    }
}
