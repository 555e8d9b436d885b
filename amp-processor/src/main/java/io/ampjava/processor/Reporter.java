package io.ampjava.processor;

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
 * The one way the processor reports problems: always on the element the user must change, so that
 * the compiler points at the right line. Counts errors, so a validator can tell whether the element
 * it checked is fit to generate from.
 *
 * <p>The same message on the same element is reported once: an {@code AmpList} element interface
 * shared by two commands is checked twice, but its errors should read once.
 */
public final class Reporter {
    private final Messager messager;
    private final boolean silent;
    private final Map<Element, Set<String>> reported = new IdentityHashMap<>();
    private int errorCount;

    private Reporter(Messager messager, boolean silent) {
        this.messager = messager;
        this.silent = silent;
    }

    /**
     * {@return a reporter that prints to the compiler}
     *
     * @param messager the processing environment's messager
     */
    public static Reporter of(Messager messager) {
        return new Reporter(messager, false);
    }

    /** {@return a reporter that only counts: for checking an element whose own errors are reported elsewhere} */
    public Reporter silent() {
        return new Reporter(messager, true);
    }

    /**
     * An error on {@code element}.
     *
     * @param element the element the user must change
     * @param message what is wrong, naming the element
     */
    public void error(Element element, String message) {
        print(element, null, null, message);
    }

    /**
     * An error on one annotation of {@code element}, so the compiler can point at it.
     *
     * @param element the annotated element
     * @param annotation the annotation at fault
     * @param message what is wrong, naming the element
     */
    public void error(Element element, AnnotationMirror annotation, String message) {
        print(element, annotation, null, message);
    }

    /**
     * An error on one value of one annotation of {@code element}.
     *
     * @param element the annotated element
     * @param annotation the annotation holding the value
     * @param value the value at fault
     * @param message what is wrong, naming the element
     */
    public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        print(element, annotation, value, message);
    }

    /**
     * An error with no element to blame: a processor bug, reported with its stack trace.
     *
     * @param message the description and the stack trace
     */
    public void internalError(String message) {
        errorCount++;
        messager.printMessage(Diagnostic.Kind.ERROR, message);
    }

    /** {@return how many errors this reporter has counted, printed or not} */
    public int errorCount() {
        return errorCount;
    }

    private void print(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        errorCount++;
        if (silent) {
            return;
        }
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
