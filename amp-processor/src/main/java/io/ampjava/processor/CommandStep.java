package io.ampjava.processor;

import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.python.PythonExport;
import io.ampjava.processor.validation.Accessibility;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.CommandValidator;
import io.ampjava.processor.validation.UserTypes;
import io.ampjava.processor.validation.ValidationReport;
import io.ampjava.processor.writer.CommandWriter;
import io.ampjava.processor.writer.ElementWriter;
import io.ampjava.processor.writer.RuntimeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * {@code @AmpCommand} interfaces to {@code <Name>Command} classes, and the {@code AmpList} element
 * interfaces they use to {@code <Name>Element} classes.
 */
final class CommandStep extends Step {
    private final Elements elements;
    private final Reporter reporter;
    private final CommandValidator validator;
    private final CommandWriter writer;
    private final SourceFiles sources;
    private final ElementWriter elementWriter;
    private final UserTypes userTypes;
    private final Accessibility accessibility;
    private final PythonExport python;
    /** The element classes written in this compilation, by name. */
    private final Set<String> elementsWritten = new HashSet<>();
    /** The command classes written in this compilation (binary names), with their interfaces. */
    private final Map<String, String> commandsWritten = new TreeMap<>();

    CommandStep(Elements elements, Reporter reporter, CommandValidator validator, CommandWriter writer,
            ElementWriter elementWriter, SourceFiles sources, UserTypes userTypes, PythonExport python) {
        super(elements, reporter);
        this.elements = elements;
        this.reporter = reporter;
        this.validator = validator;
        this.writer = writer;
        this.elementWriter = elementWriter;
        this.sources = sources;
        this.userTypes = userTypes;
        this.accessibility = new Accessibility(elements);
        this.python = python;
    }

    @Override
    Set<TypeElement> typesOf(RoundEnvironment round) {
        return SourceFiles.typesAnnotated(round, elements.getTypeElement(AnnotationReader.AMP_COMMAND), element -> element);
    }

    @Override
    void process(TypeElement type) {
        ValidationReport<CommandModel> report = validator.validate(type);
        reporter.print(report);
        report.model().ifPresent(command -> {
            sources.write(type, writer.write(command));
            commandsWritten.put(command.generatedName().reflectionName(), type.getQualifiedName().toString());
            writeElements(command);
            reporter.print(python.add(command));
        });
    }

    /**
     * In the last round: the index of the command classes written in this compilation, which lets
     * tools find them in a jar without scanning it ({@code io.ampjava.dispatch.CommandIndex}). One
     * binary name a line, sorted, so that it depends only on the sources.
     */
    void writeIndex() {
        if (commandsWritten.isEmpty()) {
            return;
        }
        List<TypeElement> origins = new ArrayList<>();
        for (String commandInterface : commandsWritten.values()) {
            TypeElement origin = elements.getTypeElement(commandInterface);
            if (origin != null) {
                origins.add(origin);
            }
        }
        sources.writeResource(RuntimeNames.COMMAND_INDEX, String.join("\n", commandsWritten.keySet()) + "\n", origins);
    }

    /** In the last round: the Python modules of the commands exported with {@value PythonExport#OPTION}. */
    void writePythonModules() {
        for (PythonExport.ModuleFile module : python.files()) {
            List<TypeElement> origins = new ArrayList<>();
            for (String commandInterface : module.origins()) {
                TypeElement origin = elements.getTypeElement(commandInterface);
                if (origin != null) {
                    origins.add(origin);
                }
            }
            sources.writeSourceFile(module.path(), module.text(), origins);
        }
    }

    /**
     * The classes of the command's AmpList elements, each written once. An element compiled now gets
     * its class now; one read from a class file uses the class compiled with it, if there is one.
     */
    private void writeElements(CommandModel command) {
        List<RecordModel> used = new ArrayList<>(command.arguments().elements());
        command.response().ifPresent(response -> used.addAll(response.elements()));
        for (RecordModel element : used) {
            String name = GeneratedNames.element(element.interfaceName()).canonicalName();
            if (!elementsWritten.add(name) || (!userTypes.isSource(element.element()) && elements.getTypeElement(name) != null)) {
                continue;
            }
            sources.write(element.element(), elementWriter.write(element, accessibility.canNameEverywhere(element.element())));
        }
    }
}
