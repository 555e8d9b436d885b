package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A class with {@code @Responder} methods (its own and inherited ones), checked and ready to
 * generate a responder locator from.
 *
 * @param element the class
 * @param targetName its name
 * @param generatedName the locator generated for it, e.g. {@code p.CalculatorLocator}
 * @param responders one per command, sorted by wire name
 */
public record LocatorModel(TypeElement element, ClassName targetName, ClassName generatedName, List<ResponderModel> responders) {
    public LocatorModel {
        responders = List.copyOf(responders);
    }
}
