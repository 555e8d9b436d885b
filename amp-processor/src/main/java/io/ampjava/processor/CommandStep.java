package io.ampjava.processor;

import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.CommandValidator;
import io.ampjava.processor.validation.ValidationReport;
import io.ampjava.processor.writer.CommandWriter;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** {@code @AmpCommand} interfaces to {@code <Name>Command} classes. */
final class CommandStep extends Step {
    private final Elements elements;
    private final Reporter reporter;
    private final CommandValidator validator;
    private final CommandWriter writer;
    private final SourceFiles sources;

    CommandStep(Elements elements, Reporter reporter, CommandValidator validator, CommandWriter writer, SourceFiles sources) {
        super(elements, reporter);
        this.elements = elements;
        this.reporter = reporter;
        this.validator = validator;
        this.writer = writer;
        this.sources = sources;
    }

    @Override
    Set<TypeElement> typesOf(RoundEnvironment round) {
        return SourceFiles.typesAnnotated(round, elements.getTypeElement(AnnotationReader.AMP_COMMAND), element -> element);
    }

    @Override
    void process(TypeElement type) {
        ValidationReport<CommandModel> report = validator.validate(type);
        reporter.print(report);
        report.model().ifPresent(command -> sources.write(type, writer.write(command)));
    }
}
