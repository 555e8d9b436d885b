package io.ampjava.cli.schema;

import io.ampjava.cli.CliException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class loader of {@code --schema CLASSPATH}: jars and directories of compiled commands and
 * responders, separated by {@code :}. amp-java's own classes come from this tool, so the loaded
 * classes and the tool agree on what a {@code Command} or a {@code ResponderLocator} is.
 */
public final class SchemaClassLoader {
    private SchemaClassLoader() {}

    /**
     * A loader of {@code classpath}.
     *
     * @throws CliException ({@code USAGE}) when an entry does not exist
     */
    public static ClassLoader of(String classpath) throws CliException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isEmpty()) {
                continue;
            }
            Path path;
            try {
                path = Path.of(entry);
            } catch (InvalidPathException e) {
                throw CliException.usage("--schema: not a path: " + entry);
            }
            if (!Files.exists(path)) {
                throw CliException.usage("--schema: no such jar or directory: " + entry);
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw CliException.usage("--schema: not a path: " + entry);
            }
        }
        if (urls.isEmpty()) {
            throw CliException.usage("--schema is empty: give jars or directories separated by " + File.pathSeparator);
        }
        return new URLClassLoader("amp-schema", urls.toArray(new URL[0]), SchemaClassLoader.class.getClassLoader());
    }
}
