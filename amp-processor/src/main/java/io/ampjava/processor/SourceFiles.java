package io.ampjava.processor;

import com.palantir.javapoet.JavaFile;
import io.ampjava.processor.validation.UserTypes;
import java.io.IOException;
import java.io.Writer;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Writes generated files through the compiler, and finds the types a round has to handle. */
final class SourceFiles {
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+(?=\\n)");

    private final Filer filer;
    private final Reporter reporter;
    private final UserTypes userTypes;

    /** @param userTypes told of every file written, so that it is not taken for the user's next round */
    SourceFiles(Filer filer, Reporter reporter, UserTypes userTypes) {
        this.filer = filer;
        this.reporter = reporter;
        this.userTypes = userTypes;
    }

    /** Writes {@code file}; a failure (the file exists already, a disk error) is an error on {@code origin}. */
    void write(Element origin, JavaFile file) {
        String name = file.packageName().isEmpty() ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        userTypes.generated(name);
        try {
            JavaFileObject source = filer.createSourceFile(name, file.typeSpec().originatingElements().toArray(new Element[0]));
            try (Writer out = source.openWriter()) {
                out.write(withoutTrailingSpaces(file.toString()));
            }
        } catch (IOException e) {
            reporter.error(origin, "could not write " + name + ": " + e.getMessage());
        }
    }

    /**
     * Writes a resource of the class output; a failure is an error with no element to blame (the
     * resource belongs to the whole compilation).
     */
    void writeResource(String path, String text, List<? extends Element> origins) {
        writeFile(StandardLocation.CLASS_OUTPUT, path, text, origins);
    }

    /**
     * Writes a file of the source output that is no Java source (a Python module); a failure is an
     * error with no element to blame, as for a resource.
     */
    void writeSourceFile(String path, String text, List<? extends Element> origins) {
        writeFile(StandardLocation.SOURCE_OUTPUT, path, text, origins);
    }

    private void writeFile(StandardLocation location, String path, String text, List<? extends Element> origins) {
        try {
            FileObject resource = filer.createResource(location, "", path, origins.toArray(new Element[0]));
            try (Writer out = resource.openWriter()) {
                out.write(text);
            }
        } catch (IOException e) {
            reporter.errorWithoutElement("could not write " + path + ": " + e.getMessage());
        }
    }

    /**
     * JavaPoet keeps the space before a line break it chose to make (after {@code =}, where a long
     * initializer moves to the next line); hand-written code has none.
     */
    private static String withoutTrailingSpaces(String code) {
        return TRAILING_SPACES.matcher(code).replaceAll("");
    }

    /**
     * The types that hold elements annotated with {@code annotation} in this round, sorted by name so
     * that output and diagnostics come in the same order every time.
     *
     * @param typeOf the type that an annotated element stands for (itself, or its enclosing type)
     */
    static Set<TypeElement> typesAnnotated(RoundEnvironment round, TypeElement annotation,
            Function<Element, Element> typeOf) {
        Set<TypeElement> types = new TreeSet<>(Comparator.comparing(type -> type.getQualifiedName().toString()));
        if (annotation == null) {
            return types;
        }
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
            Element type = typeOf.apply(element);
            if (type instanceof TypeElement) {
                types.add((TypeElement) type);
            }
        }
        return types;
    }
}
