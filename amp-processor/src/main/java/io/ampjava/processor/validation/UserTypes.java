package io.ampjava.processor.validation;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The top-level types this compilation compiles from source, but those this processor wrote: the
 * user's own classes (and other processors'), which no generated class may be named like. Compiled
 * classes do not count: a class file of an earlier build may well be an older generated class.
 */
public final class UserTypes {
    private final Set<String> sources = new HashSet<>();
    private final Set<String> generated = new HashSet<>();

    /** Adds the types of one round: the user's sources in the first, generated sources in later ones. */
    public void addRound(Collection<? extends Element> rootElements) {
        for (Element root : rootElements) {
            if (root instanceof TypeElement type) {
                sources.add(type.getQualifiedName().toString());
            }
        }
    }

    /** Notes a source file this processor wrote, so that it is not taken for the user's. */
    public void generated(String qualifiedName) {
        generated.add(qualifiedName);
    }

    /** Whether {@code type} is compiled from source now (rather than read from a class file). */
    public boolean isSource(TypeElement type) {
        Element topLevel = type;
        while (topLevel.getEnclosingElement() instanceof TypeElement enclosing) {
            topLevel = enclosing;
        }
        return sources.contains(((TypeElement) topLevel).getQualifiedName().toString());
    }

    /** Whether the user has a class of this name. */
    public boolean contains(String qualifiedName) {
        return sources.contains(qualifiedName) && !generated.contains(qualifiedName);
    }
}
