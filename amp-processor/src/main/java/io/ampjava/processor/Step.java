package io.ampjava.processor;

import io.ampjava.processor.validation.UnresolvedTypeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One concern of the processor, run every round on the types it finds. A type that refers to a type
 * not generated yet is deferred: retried (looked up again by name, since elements do not outlive
 * their round) in the next round, and reported only if still unresolved in the last.
 */
abstract class Step {
    private final Elements elements;
    private final Reporter reporter;
    /** Deferred types by name, with what they wait for. */
    private final Map<String, String> deferred = new LinkedHashMap<>();

    Step(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
    }

    /** The types this step handles in this round, in a stable order. */
    abstract Set<TypeElement> typesOf(RoundEnvironment round);

    /** Checks and generates for one type. */
    abstract void process(TypeElement type);

    final void run(RoundEnvironment round) {
        Map<String, TypeElement> todo = new LinkedHashMap<>();
        for (String name : deferred.keySet()) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                todo.put(name, type);
            }
        }
        deferred.clear();
        for (TypeElement type : typesOf(round)) {
            todo.putIfAbsent(type.getQualifiedName().toString(), type);
        }
        for (Map.Entry<String, TypeElement> entry : todo.entrySet()) {
            try {
                process(entry.getValue());
            } catch (UnresolvedTypeException e) {
                deferred.put(entry.getKey(), e.getMessage());
            }
        }
    }

    /** In the last round: every type still deferred refers to a type that will never exist. */
    final void reportDeferred() {
        for (Map.Entry<String, String> entry : deferred.entrySet()) {
            TypeElement type = elements.getTypeElement(entry.getKey());
            String message = "could not generate code for " + entry.getKey() + ": " + entry.getValue()
                    + " does not exist";
            if (type != null) {
                reporter.error(type, message);
            } else {
                reporter.errorWithoutElement(message);
            }
        }
        deferred.clear();
    }
}
