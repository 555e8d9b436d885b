package io.ampjava.processor;

import io.ampjava.processor.validation.AnnotationReader;
import java.util.Locale;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The annotations that only mean something in one place: {@code @Response} nested in an
 * {@code @AmpCommand} interface, {@code @Argument} on an interface method. Elsewhere they would be
 * silently ignored, so they are errors.
 */
final class PlacementCheck {
    private final Elements elements;
    private final Reporter reporter;
    private final AnnotationReader annotations;

    PlacementCheck(Elements elements, Reporter reporter) {
        this.elements = elements;
        this.reporter = reporter;
        this.annotations = new AnnotationReader(elements);
    }

    void run(RoundEnvironment round) {
        TypeElement response = elements.getTypeElement(AnnotationReader.RESPONSE);
        if (response != null) {
            for (Element element : round.getElementsAnnotatedWith(response)) {
                checkResponse(element);
            }
        }
        TypeElement argument = elements.getTypeElement(AnnotationReader.ARGUMENT);
        if (argument != null) {
            for (Element element : round.getElementsAnnotatedWith(argument)) {
                Element owner = element.getEnclosingElement();
                if (owner.getKind() != ElementKind.INTERFACE) {
                    reporter.error(element, annotations.find(element, AnnotationReader.ARGUMENT), "@Argument belongs on"
                            + " a method of an interface (a command, a response or an AmpList element), not of "
                            + owner.getSimpleName());
                }
            }
        }
    }

    private void checkResponse(Element element) {
        if (element.getKind() != ElementKind.INTERFACE) {
            reporter.error(element, annotations.find(element, AnnotationReader.RESPONSE),
                    "@Response must be on an interface, not on " + element.getKind().toString().toLowerCase(Locale.ROOT)
                            + " " + element.getSimpleName());
            return;
        }
        Element owner = element.getEnclosingElement();
        if (owner.getKind() != ElementKind.INTERFACE || !annotations.has(owner, AnnotationReader.AMP_COMMAND)) {
            reporter.error(element, annotations.find(element, AnnotationReader.RESPONSE), "@Response interface "
                    + element.getSimpleName() + " must be nested in the @AmpCommand interface whose answer it declares");
        }
    }
}
