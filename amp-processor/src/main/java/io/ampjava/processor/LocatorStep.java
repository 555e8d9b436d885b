package io.ampjava.processor;

import io.ampjava.processor.model.LocatorModel;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.LocatorValidator;
import io.ampjava.processor.validation.ValidationReport;
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
    private final LocatorValidator validator;
    private final LocatorWriter writer;
    private final SourceFiles sources;

    LocatorStep(Elements elements, Reporter reporter, LocatorValidator validator, LocatorWriter writer,
            SourceFiles sources) {
        super(elements, reporter);
        this.elements = elements;
        this.reporter = reporter;
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
        ValidationReport<LocatorModel> report = validator.validate(type);
        reporter.print(report);
        report.model().ifPresent(locator -> sources.write(type, writer.write(locator)));
    }
}
