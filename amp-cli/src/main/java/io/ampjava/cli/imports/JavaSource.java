package io.ampjava.cli.imports;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link JavaFile} as a person would have: JavaPoet puts each member of an annotation on a
 * line of its own, so an annotation whose members fit on one line is joined back onto it
 * ({@code @Argument(value = "float", optional = true)}).
 */
final class JavaSource {
    /** The longest line an annotation is joined onto. */
    private static final int WIDTH = 100;

    private JavaSource() {}

    /** Writes {@code file} under the source directory {@code root}; returns the path written. */
    static Path write(JavaFile file, Path root) throws IOException {
        Path path = root;
        if (!file.packageName().isEmpty()) {
            for (String part : file.packageName().split("\\.")) {
                path = path.resolve(part);
            }
        }
        Files.createDirectories(path);
        path = path.resolve(file.typeSpec().name() + ".java");
        Files.writeString(path, text(file), StandardCharsets.UTF_8);
        return path;
    }

    /** The source of {@code file}, annotations joined where they fit. */
    static String text(JavaFile file) {
        List<String> lines = List.of(file.toString().split("\n", -1));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            int end = trimmed.startsWith("@") && trimmed.endsWith("(") ? closing(lines, i) : -1;
            if (end > 0) {
                String joined = joined(lines.subList(i, end + 1));
                if (joined.length() <= WIDTH) {
                    out.add(joined);
                    i = end;
                    continue;
                }
            }
            out.add(line);
        }
        return String.join("\n", out);
    }

    /** The line of the {@code )} that closes the annotation opened on line {@code start}, or -1. */
    private static int closing(List<String> lines, int start) {
        String indent = indent(lines.get(start));
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).equals(indent + ")")) {
                return i;
            }
        }
        return -1;
    }

    private static String joined(List<String> lines) {
        StringBuilder text = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String part = line.strip();
            char last = text.charAt(text.length() - 1);
            boolean tight = last == '(' || last == '{' || part.startsWith(")") || part.startsWith("}");
            text.append(tight ? "" : " ").append(part);
        }
        return text.toString();
    }

    private static String indent(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }
}
