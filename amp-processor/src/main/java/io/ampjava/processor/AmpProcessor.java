package io.ampjava.processor;

import com.google.auto.service.AutoService;
import io.ampjava.processor.python.PythonExport;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.CommandValidator;
import io.ampjava.processor.validation.LocatorValidator;
import io.ampjava.processor.validation.UserTypes;
import io.ampjava.processor.writer.CommandWriter;
import io.ampjava.processor.writer.ElementWriter;
import io.ampjava.processor.writer.GeneratedFiles;
import io.ampjava.processor.writer.LocatorWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns {@code @AmpCommand} interfaces into {@code <Name>Command} classes (codecs, values, call
 * stubs) and classes with {@code @Responder} methods into {@code <Name>Locator} classes.
 *
 * <p>Each generated class comes from one annotated type and what that type refers to; the command
 * index ({@code META-INF/amp-java/commands}) and the Python modules gather the commands of a whole
 * compilation, so the processor is "aggregating" for Gradle's incremental compilation. Invalid
 * declarations are compile errors on the offending element; nothing is generated for them.
 *
 * <p>With {@code -A}{@value PythonExport#OPTION}{@code =package=module,...}, the commands of each
 * package named also go into a Python module of Twisted declarations, written to the source output.
 */
@AutoService(Processor.class)
public final class AmpProcessor extends AbstractProcessor {
    private Reporter reporter;
    private PlacementCheck placement;
    private UserTypes userTypes;
    private CommandStep commandStep;
    private List<Step> steps;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        Elements elements = environment.getElementUtils();
        Types types = environment.getTypeUtils();
        reporter = new Reporter(environment.getMessager());
        userTypes = new UserTypes();
        SourceFiles sources = new SourceFiles(environment.getFiler(), reporter, userTypes);
        GeneratedFiles files = new GeneratedFiles(elements);
        CommandValidator commands = new CommandValidator(elements, types, userTypes);
        placement = new PlacementCheck(elements, reporter);
        commandStep = new CommandStep(elements, reporter, commands, new CommandWriter(files), new ElementWriter(files),
                sources, userTypes, pythonExport(environment, elements));
        steps = List.of(
                commandStep,
                new LocatorStep(elements, reporter, new LocatorValidator(elements, types, commands, userTypes),
                        new LocatorWriter(files), sources));
    }

    /** The Python modules {@value PythonExport#OPTION} asks for; a malformed option is an error. */
    private PythonExport pythonExport(ProcessingEnvironment environment, Elements elements) {
        String option = environment.getOptions().get(PythonExport.OPTION);
        if (option == null) {
            return PythonExport.none(elements);
        }
        try {
            return PythonExport.of(option, elements);
        } catch (IllegalArgumentException malformed) {
            reporter.errorWithoutElement(malformed.getMessage());
            return PythonExport.none(elements);
        }
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(PythonExport.OPTION);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationReader.AMP_COMMAND, AnnotationReader.RESPONSE, AnnotationReader.ARGUMENT,
                AnnotationReader.RESPONDER);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (round.processingOver()) {
                steps.forEach(Step::reportDeferred);
                commandStep.writeIndex();
                commandStep.writePythonModules();
            } else {
                userTypes.addRound(round.getRootElements());
                placement.run(round);
                steps.forEach(step -> step.run(round));
            }
        } catch (RuntimeException | Error e) {
            // A bug here must not crash javac: report it, with what is needed to fix it.
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            reporter.errorWithoutElement("amp-processor failed unexpectedly; please report this with the trace:\n" + trace);
        }
        // Other processors may want these annotations too.
        return false;
    }
}
