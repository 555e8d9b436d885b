package io.ampjava.processor.validation;

import javax.lang.model.element.Element;

/**
 * A type an element refers to does not exist yet: another processor (or this one) may generate it
 * in a later round. The element is retried then, and reported only if it is still unresolved in the
 * last round.
 */
public final class UnresolvedTypeException extends RuntimeException {
    private final transient Element element;

    public UnresolvedTypeException(Element element, String what) {
        super(what, null, false, false);
        this.element = element;
    }

    /** The element that refers to the missing type. */
    public Element element() {
        return element;
    }
}
