package io.ampjava.processor.validation;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Whether generated code in one package can name a type or call a method declared elsewhere. */
public final class Accessibility {
    private final Elements elements;

    public Accessibility(Elements elements) {
        this.elements = elements;
    }

    /** Whether code in {@code packageName} can name {@code type}. */
    public boolean canName(TypeElement type, String packageName) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            TypeElement t = (TypeElement) e;
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return false;
            }
            if (!isVisible(t, packageName)) {
                return false;
            }
        }
        return true;
    }

    /** Whether code in any package can name {@code type}. */
    public boolean canNameEverywhere(TypeElement type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            TypeElement t = (TypeElement) e;
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS
                    || !isPublic(t)) {
                return false;
            }
        }
        return true;
    }

    /** Whether code in {@code packageName} can call {@code member} (a method or constructor, or read a field). */
    public boolean canUse(Element member, String packageName) {
        return isVisible(member, packageName) && canName((TypeElement) member.getEnclosingElement(), packageName);
    }

    /** Public, by the keyword or as a member of an interface (which is public without the keyword). */
    private static boolean isPublic(Element element) {
        Element enclosing = element.getEnclosingElement();
        return element.getModifiers().contains(Modifier.PUBLIC)
                || (enclosing != null
                        && (enclosing.getKind() == ElementKind.INTERFACE || enclosing.getKind() == ElementKind.ANNOTATION_TYPE)
                        && !element.getModifiers().contains(Modifier.PRIVATE));
    }

    private boolean isVisible(Element element, String packageName) {
        if (isPublic(element)) {
            return true;
        }
        if (element.getModifiers().contains(Modifier.PRIVATE)) {
            return false;
        }
        // Package access; protected members are reachable from their package too (the generated
        // class is not a subclass, so that is all protected gives it).
        PackageElement pkg = elements.getPackageOf(element);
        return pkg.getQualifiedName().contentEquals(packageName);
    }
}
