package io.ampjava.processor;

import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.Filer;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** Writes generated files through the compiler, and finds the types a round has to handle. */
final class SourceFiles {
    private final Filer filer;
    private final Reporter reporter;

    SourceFiles(Filer filer, Reporter reporter) {
        this.filer = filer;
        this.reporter = reporter;
    }

    /** Writes {@code file}; a failure (the file exists already, a disk error) is an error on {@code origin}. */
    void write(Element origin, JavaFile file) {
        try {
            file.writeTo(filer);
        } catch (IOException e) {
            reporter.error(origin, "could not write " + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage());
        }
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
