package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * The names of generated classes and members, in one place because the writers, the validators and
 * the user's code all rely on them: {@code p.DivideCommand} for {@code p.Divide},
 * {@code p.Outer_DivideCommand} for {@code p.Outer.Divide} (or the name given with
 * {@code @AmpCommand(className = ...)}), {@code p.CalculatorLocator} for {@code p.Calculator},
 * {@code p.TagElement} for the {@code AmpList} element {@code p.Tag}.
 */
public final class GeneratedNames {
    /** The public static methods of every generated command class. */
    public static final Set<String> COMMAND_METHODS = Set.of("arguments", "response", "call", "callBlocking");

    private GeneratedNames() {}

    /**
     * The class generated for a command interface.
     *
     * @param className the simple name chosen with {@code @AmpCommand(className = ...)}; empty for the
     *     default, {@code DivideCommand} for {@code Divide}
     */
    public static ClassName command(ClassName commandInterface, String className) {
        return className.isEmpty()
                ? flattened(commandInterface, "Command")
                : ClassName.get(commandInterface.packageName(), className);
    }

    public static ClassName locator(ClassName responderClass) {
        return flattened(responderClass, "Locator");
    }

    /**
     * The class generated once for an {@code AmpList} element interface, shared by every command that
     * uses it: {@code p.TagElement} for {@code p.Tag}, {@code p.Order_LineElement} for {@code p.Order.Line}.
     */
    public static ClassName element(ClassName elementInterface) {
        return flattened(elementInterface, "Element");
    }

    /**
     * The factory of an {@code AmpList} element in the command class: the element interface's
     * simple name in lower camel case ({@code Item} to {@code item}), with a {@code _} after a Java
     * keyword ({@code New} to {@code new_}).
     */
    public static String elementFactory(ClassName elementInterface) {
        String simple = elementInterface.simpleName();
        int upper = 0;
        while (upper < simple.length() && Character.isUpperCase(simple.charAt(upper))) {
            upper++;
        }
        // "URLPart" reads best as "urlPart", "URL" as "url", "Item" as "item".
        int lowered = upper <= 1 || upper == simple.length() ? upper : upper - 1;
        String name = simple.substring(0, lowered).toLowerCase(Locale.ROOT) + simple.substring(lowered);
        return SourceVersion.isKeyword(name) ? name + "_" : name;
    }

    private static ClassName flattened(ClassName name, String suffix) {
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + suffix);
    }
}
