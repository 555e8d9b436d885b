package io.ampjava.processor;

import io.ampjava.processor.model.LocatorModel;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.CommandValidator;
import io.ampjava.processor.validation.LocatorValidator;
import io.ampjava.processor.writer.LocatorWriter;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Classes with {@code @Responder} methods to {@code <Name>Locator} classes. */
final class LocatorStep extends Step {
    private final Elements elements;
    private final Reporter reporter;
    private final CommandValidator commands;
    private final LocatorValidator validator;
    private final LocatorWriter writer;
    private final SourceFiles sources;

    LocatorStep(Elements elements, Reporter reporter, CommandValidator commands, LocatorValidator validator,
            LocatorWriter writer, SourceFiles sources) {
        super(elements, reporter);
        this.elements = elements;
        this.reporter = reporter;
        this.commands = commands;
        this.validator = validator;
        this.writer = writer;
        this.sources = sources;
    }

    @Override
    Set<TypeElement> typesOf(RoundEnvironment round) {
        return SourceFiles.typesAnnotated(round, elements.getTypeElement(AnnotationReader.RESPONDER), Element::getEnclosingElement);
    }

    @Override
    void process(TypeElement type) {
        // The command's own errors are reported where it is declared; here it only counts as invalid.
        Reporter silent = reporter.silent();
        LocatorModel locator = validator.validate(type, reporter, command -> commands.validate(command, silent));
        if (locator != null) {
            sources.write(type, writer.write(locator));
        }
    }
}
