package io.ampjava.processor;

import io.ampjava.processor.validation.ValidationReport;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor prints problems: always on the element the user must change, so that
 * the compiler points at the right line.
 *
 * <p>The same message on the same element is printed once: an {@code AmpList} element interface
 * shared by two commands is part of both commands' reports, but its errors should read once.
 */
final class Reporter {
    private final Messager messager;
    private final Map<Element, Set<String>> reported = new IdentityHashMap<>();

    Reporter(Messager messager) {
        this.messager = messager;
    }

    /** Prints every error of {@code report} and of its subreports. */
    void print(ValidationReport<?> report) {
        for (ValidationReport.Item item : report.allItems()) {
            print(item.element(), item.annotation(), item.value(), item.message());
        }
    }

    void error(Element element, String message) {
        print(element, null, null, message);
    }

    /** An error on one annotation of {@code element}, so the compiler can point at it. */
    void error(Element element, AnnotationMirror annotation, String message) {
        print(element, annotation, null, message);
    }

    /**
     * An error with no element to blame: a malformed processor option, an output file that cannot
     * be written, or a processor bug (whose message then carries the stack trace).
     */
    void errorWithoutElement(String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    private void print(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        if (!reported.computeIfAbsent(element, e -> new HashSet<>()).add(message)) {
            return;
        }
        if (value != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
        } else if (annotation != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, message, element);
        }
    }
}
