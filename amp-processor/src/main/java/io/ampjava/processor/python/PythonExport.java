package io.ampjava.processor.python;

import io.ampjava.processor.model.CommandModel;
import io.ampjava.processor.model.ErrorModel;
import io.ampjava.processor.model.FieldModel;
import io.ampjava.processor.model.RecordModel;
import io.ampjava.processor.model.WireType;
import io.ampjava.processor.validation.AnnotationReader;
import io.ampjava.processor.validation.ValidationReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The Python modules of a compilation ({@value #OPTION}): each command of a package the option names
 * goes, as an {@code amp.Command} class, into that package's module, with a Python exception class
 * per declared error and the large-value arguments it uses. Commands are checked for what Python
 * cannot express as they come; the modules are written at the end, when all are in.
 */
public final class PythonExport {
    /**
     * The processor option: {@code package=module} pairs, separated by commas, such as
     * {@code -Aamp.python.modules=com.example.calc=calc_commands,com.example.chat=chat.commands}.
     */
    public static final String OPTION = "amp.python.modules";

    private static final Pattern JAVA_PACKAGE = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
            + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    private final Map<String, String> moduleOfPackage;
    private final Map<String, PythonModule> modules = new TreeMap<>();
    private final AnnotationReader annotations;

    private PythonExport(Map<String, String> moduleOfPackage, Elements elements) {
        this.moduleOfPackage = moduleOfPackage;
        this.annotations = new AnnotationReader(elements);
    }

    /**
     * {@return no module at all: the option is not given}
     *
     * @param elements the compilation's elements
     */
    public static PythonExport none(Elements elements) {
        return new PythonExport(Map.of(), elements);
    }

    /**
     * {@return the modules {@code option} names}
     *
     * @param option the option's value: {@code package=module} pairs, separated by commas
     * @param elements the compilation's elements
     * @throws IllegalArgumentException with what is wrong with the option
     */
    public static PythonExport of(String option, Elements elements) {
        Map<String, String> moduleOfPackage = new LinkedHashMap<>();
        for (String pair : option.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String packageName = equals < 0 ? "" : pair.substring(0, equals).strip();
            String module = equals < 0 ? "" : pair.substring(equals + 1).strip();
            if (!JAVA_PACKAGE.matcher(packageName).matches() || !isModuleName(module)) {
                throw new IllegalArgumentException("-A" + OPTION + ": \"" + pair.strip() + "\" is not package=module,"
                        + " as in com.example.calc=calc_commands (a Java package, then a Python module name)");
            }
            if (moduleOfPackage.put(packageName, module) != null) {
                throw new IllegalArgumentException("-A" + OPTION + ": the package " + packageName + " is named twice");
            }
        }
        return new PythonExport(Map.copyOf(moduleOfPackage), elements);
    }

    /** Whether {@code module} is a dotted Python module name, no part a keyword. */
    private static boolean isModuleName(String module) {
        if (module.isEmpty()) {
            return false;
        }
        for (String part : module.split("\\.", -1)) {
            if (!PythonNames.isClassName(part)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts {@code command} into its package's module, if the option names one.
     *
     * @param command a command checked clean
     * @return what Python cannot express of it (then it is left out, and the compilation fails); when
     *     clean, its class's text (empty when its package is not exported)
     */
    public ValidationReport<String> add(CommandModel command) {
        TypeElement element = command.element();
        ValidationReport.Builder<String> report = ValidationReport.about(element);
        String packageName = command.interfaceName().packageName();
        String moduleName = moduleOfPackage.get(packageName);
        if (moduleName == null) {
            return report.build("");
        }
        PythonModule module = modules.computeIfAbsent(moduleName, PythonModule::new);
        AnnotationMirror ampCommand = annotations.find(element, AnnotationReader.AMP_COMMAND);
        String where = "Python module " + moduleName + " (-A" + OPTION + " exports " + packageName + ")";
        checkCustomTypes(command.arguments(), command, where, report);
        command.response().ifPresent(response -> checkCustomTypes(response, command, where, report));
        String className = PythonNames.notKeyword(String.join("_", command.interfaceName().simpleNames()));
        if (module.hasCommand(className) || module.exception(className) != null || PythonModule.RESERVED.contains(className)
                || PythonNames.BUILTIN_EXCEPTIONS.contains(className)) {
            report.error(element, ampCommand, "command " + command.interfaceName().canonicalName() + " would be the class "
                    + className + " of " + where + ", a name taken already; export its package to another module");
        }
        Map<ErrorModel, String> errorNames = new LinkedHashMap<>();
        Map<String, String> ownExceptions = new HashMap<>();
        for (ErrorModel error : command.errors()) {
            String name = PythonNames.exception(error.pythonName(), error.exception().canonicalName(),
                    error.exception().simpleName());
            if (PythonNames.BUILTIN_EXCEPTIONS.contains(name)) {
                // Not defined in the module, so the checks below do not see it; but the command's
                // errors are a dict keyed by the class: two errors on one built-in would lose a code.
                ErrorModel sameName = errorNames.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(name)).map(Map.Entry::getKey).findFirst().orElse(null);
                if (sameName != null) {
                    report.error(element, ampCommand, "the exceptions of errors " + sameName.code() + " and "
                            + error.code() + " would both be the Python class " + name + " of " + where
                            + ": choose another with @AmpError(pythonName = \"...\")");
                }
                errorNames.put(error, name);
                continue;
            }
            errorNames.put(error, name);
            String defined = module.exception(name);
            if (defined == null) {
                defined = ownExceptions.putIfAbsent(name, error.exception().canonicalName());
            }
            if ((defined != null && !defined.equals(error.exception().canonicalName())) || module.hasCommand(name)
                    || name.equals(className) || PythonModule.RESERVED.contains(name)) {
                report.error(element, ampCommand, "the exception " + error.exception().canonicalName() + " of error "
                        + error.code() + " would be the Python class " + name + " of " + where + ", a name taken"
                        + (defined != null ? " by " + defined : " already") + ": choose another with"
                        + " @AmpError(pythonName = \"...\")");
            }
        }
        if (!report.isClean()) {
            return report.invalid();
        }
        module.addPackage(packageName);
        errorNames.forEach((error, name) -> {
            if (!PythonNames.BUILTIN_EXCEPTIONS.contains(name)) {
                module.addException(name, error.exception().canonicalName());
            }
        });
        if (usesLargeValues(command)) {
            module.usesLargeValues();
        }
        String text = PythonCommandWriter.write(command, className, errorNames);
        module.addCommand(className, text, command.interfaceName().canonicalName());
        return report.build(text);
    }

    /**
     * One module to write.
     *
     * @param path the file, relative to the output directory: {@code a/b/c.py} for module {@code a.b.c}
     * @param text its content
     * @param origins the canonical names of the command interfaces it comes from
     */
    public record ModuleFile(String path, String text, List<String> origins) {}

    /** {@return the modules that hold at least one command, sorted by name} */
    public List<ModuleFile> files() {
        List<ModuleFile> files = new ArrayList<>();
        for (PythonModule module : modules.values()) {
            files.add(new ModuleFile(module.path(), module.text(), List.copyOf(module.origins())));
        }
        return files;
    }

    private void checkCustomTypes(RecordModel record, CommandModel command, String where,
            ValidationReport.Builder<?> report) {
        for (FieldModel field : record.fields()) {
            WireType custom = innermost(field.wireType());
            if (custom instanceof WireType.Custom type) {
                report.error(field.method(), "command " + command.interfaceName().simpleName() + " cannot go into the "
                        + where + ": the custom type " + type.typeClass().simpleName() + " of " + field.javaName()
                        + "() has no Python counterpart; give the argument a built-in type, or declare the command"
                        + " in a package you do not export");
            } else if (custom instanceof WireType.AmpList list) {
                checkCustomTypes(list.element(), command, where, report);
            }
        }
    }

    /** The type a list holds at its deepest, or the type itself. */
    private static WireType innermost(WireType type) {
        while (type instanceof WireType.ListOf list) {
            type = list.element();
        }
        return type;
    }

    private static boolean usesLargeValues(CommandModel command) {
        List<RecordModel> records = new ArrayList<>(List.of(command.arguments()));
        command.response().ifPresent(records::add);
        return records.stream().flatMap(record -> record.fields().stream())
                .anyMatch(field -> field.wireType() instanceof WireType.Large);
    }
}
