package io.ampjava.cli.serve;

import io.ampjava.cli.CliException;
import io.ampjava.dispatch.ResponderLocator;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves user responders: a class with {@code @Responder} methods, compiled with amp-processor,
 * whose generated locator ({@code <Class>Locator}, {@code Outer_InnerLocator} for a nested class)
 * is found beside it. Each connection gets a new instance of the class and its locator, as each
 * Twisted connection gets a new protocol.
 */
final class ResponderClasses {
    private ResponderClasses() {}

    /** The locators of {@code classNames}, chained in order, made anew for each connection. */
    static Supplier<ResponderLocator> locators(ClassLoader loader, List<String> classNames) throws CliException {
        List<Supplier<ResponderLocator>> each = new ArrayList<>();
        for (String name : classNames) {
            each.add(locator(loader, name));
        }
        Supplier<ResponderLocator> chained = () -> {
            ResponderLocator locator = each.get(0).get();
            for (int i = 1; i < each.size(); i++) {
                locator = locator.or(each.get(i).get());
            }
            return locator;
        };
        // Made once now: a constructor that fails, or two classes that answer one command, are
        // reported before READY rather than as connections closed unanswered.
        try {
            chained.get();
        } catch (IllegalStateException e) {
            throw CliException.usage("--responder: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("--responder " + String.join(", ", classNames) + ": " + e.getMessage());
        }
        return chained;
    }

    private static Supplier<ResponderLocator> locator(ClassLoader loader, String name) throws CliException {
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw CliException.usage("--responder " + name + ": no such class in --schema"
                    + (name.contains("/") ? " (write the class name with dots, e.g. com.example.Calculator)" : ""));
        }
        Constructor<?> make;
        try {
            make = type.getDeclaredConstructor();
            make.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw CliException.usage("--responder " + name + ": the class needs a constructor without parameters");
        }
        Constructor<?> wrap = locatorConstructor(loader, type);
        if (wrap == null) {
            throw CliException.usage("--responder " + name + ": no generated " + locatorName(type)
                    + " beside it: does it have @Responder methods, and was it compiled with amp-processor?");
        }
        return () -> {
            try {
                return (ResponderLocator) wrap.newInstance(make.newInstance());
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("new " + name + "() failed: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + name + ": " + e, e);
            }
        };
    }

    /** The generated locator of {@code type} or of the nearest superclass that has one. */
    private static Constructor<?> locatorConstructor(ClassLoader loader, Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Class<?> locator = Class.forName(locatorName(c), false, loader);
                if (ResponderLocator.class.isAssignableFrom(locator)) {
                    return locator.getConstructor(c);
                }
            } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
                // not this one: try the superclass, whose locator a subclass without responders uses
            }
        }
        return null;
    }

    /** {@code p.Calculator} -> {@code p.CalculatorLocator}; {@code p.Outer$Inner} -> {@code p.Outer_InnerLocator}. */
    static String locatorName(Class<?> type) {
        return type.getName().replace('$', '_') + "Locator";
    }
}
