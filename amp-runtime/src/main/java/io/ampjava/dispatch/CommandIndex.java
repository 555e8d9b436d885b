package io.ampjava.dispatch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The generated commands of a class path, found without scanning it: each compilation that the
 * annotation processor generates commands in gets a resource {@value #RESOURCE} listing their
 * classes, one binary name a line. Each such class holds its command as {@code COMMAND}.
 *
 * <pre>{@code
 * try (URLClassLoader jars = new URLClassLoader(urls, AmpConnection.class.getClassLoader())) {
 *     for (Command<?, ?> command : CommandIndex.commands(jars)) {
 *         CommandSchema schema = command.schema().orElseThrow();
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>The loader must share amp-runtime with the caller (as a child of the caller's loader does), so
 * that the commands it loads are this runtime's {@link Command}s.
 */
public final class CommandIndex {
    /** The resource each compilation's index is written to. */
    public static final String RESOURCE = "META-INF/amp-java/commands";

    private CommandIndex() {}

    /**
     * The command classes that every index {@code loader} sees lists, each once, in the loader's
     * order of the indexes and each index's order.
     *
     * @param loader reads the indexes
     * @return the class names
     * @throws IOException if an index cannot be read
     */
    public static List<String> classNames(ClassLoader loader) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        Enumeration<URL> indexes = loader.getResources(RESOURCE);
        while (indexes.hasMoreElements()) {
            try (InputStream in = indexes.nextElement().openStream();
                    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) {
                        names.add(name);
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * The commands of every class listed by {@link #classNames}, loaded (and initialized) with
     * {@code loader}.
     *
     * @param loader reads the indexes and loads the classes
     * @return the commands
     * @throws IOException if an index cannot be read
     * @throws IllegalStateException if a listed class is missing or holds no {@code COMMAND}: the
     *     index belongs to classes that are not all there
     */
    public static List<Command<?, ?>> commands(ClassLoader loader) throws IOException {
        List<Command<?, ?>> commands = new ArrayList<>();
        for (String name : classNames(loader)) {
            commands.add(command(name, loader));
        }
        return List.copyOf(commands);
    }

    private static Command<?, ?> command(String className, ClassLoader loader) {
        try {
            Field field = Class.forName(className, true, loader).getField("COMMAND");
            if (Modifier.isStatic(field.getModifiers()) && field.get(null) instanceof Command<?, ?> command) {
                return command;
            }
        } catch (ClassNotFoundException | NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("the command index lists " + className + ", which "
                    + (e instanceof ClassNotFoundException ? "is not on the class path" : "has no public COMMAND"), e);
        }
        throw new IllegalStateException("the command index lists " + className + ", whose COMMAND is not a "
                + Command.class.getName() + " of this runtime");
    }
}
