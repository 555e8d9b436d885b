package io.ampjava.processor.python;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How Java names become Python names in the generated module, and back in {@code amp import}: the
 * rules the user guide's "The Python side" states, in one place.
 *
 * <ul>
 *   <li>An error's exception: its {@code @AmpError(pythonName)}; otherwise the Python built-in that a
 *       few JDK exceptions stand for ({@link #BUILTIN_FOR_JDK}); otherwise the simple name with a final
 *       {@code Exception} made {@code Error}. A name of a Python built-in exception uses it; any other is
 *       a class the module defines.
 *   <li>A command's class: the interface's simple name ({@code Outer_Name} when nested), with a
 *       {@code _} after a Python keyword.
 * </ul>
 */
public final class PythonNames {
    /**
     * The JDK exceptions that stand for a Python built-in one, both ways: {@code ArithmeticException}
     * is exported as {@code ZeroDivisionError}, and {@code ZeroDivisionError} is imported as
     * {@code ArithmeticException}.
     */
    public static final Map<String, String> BUILTIN_FOR_JDK = Map.of(
            "java.lang.ArithmeticException", "ZeroDivisionError",
            "java.lang.IllegalArgumentException", "ValueError",
            "java.lang.UnsupportedOperationException", "NotImplementedError",
            "java.lang.IndexOutOfBoundsException", "IndexError",
            "java.util.NoSuchElementException", "KeyError",
            "java.util.concurrent.TimeoutException", "TimeoutError",
            "java.io.FileNotFoundException", "FileNotFoundError",
            "java.lang.SecurityException", "PermissionError",
            "java.io.IOException", "OSError");

    /** Python 3's built-in exception classes (the {@code builtins} module's, aliases included). */
    public static final Set<String> BUILTIN_EXCEPTIONS = Set.of(
            "BaseException", "BaseExceptionGroup", "GeneratorExit", "KeyboardInterrupt", "SystemExit", "Exception",
            "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError", "AssertionError",
            "AttributeError", "BufferError", "EOFError", "ExceptionGroup", "ImportError", "ModuleNotFoundError",
            "LookupError", "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError", "OSError",
            "EnvironmentError", "IOError", "BlockingIOError", "ChildProcessError", "ConnectionError",
            "BrokenPipeError", "ConnectionAbortedError", "ConnectionRefusedError", "ConnectionResetError",
            "FileExistsError", "FileNotFoundError", "InterruptedError", "IsADirectoryError", "NotADirectoryError",
            "PermissionError", "ProcessLookupError", "TimeoutError", "ReferenceError", "RuntimeError",
            "NotImplementedError", "RecursionError", "StopAsyncIteration", "StopIteration", "SyntaxError",
            "IndentationError", "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
            "UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError", "Warning", "BytesWarning",
            "DeprecationWarning", "EncodingWarning", "FutureWarning", "ImportWarning", "PendingDeprecationWarning",
            "ResourceWarning", "RuntimeWarning", "SyntaxWarning", "UnicodeWarning", "UserWarning");

    /** Python 3's keywords, which no class can be named. */
    public static final Set<String> KEYWORDS = Set.of(
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
            "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
            "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield");

    private static final String EXCEPTION = "Exception";
    private static final String ERROR = "Error";

    private PythonNames() {}

    /**
     * The Python name of an error's exception.
     *
     * @param explicit the {@code @AmpError(pythonName)}, empty for the default
     * @param qualifiedName the Java exception's canonical name
     * @param simpleName its simple name
     * @return the name of the Python class
     */
    public static String exception(String explicit, String qualifiedName, String simpleName) {
        if (!explicit.isEmpty()) {
            return explicit;
        }
        String builtin = BUILTIN_FOR_JDK.get(qualifiedName);
        if (builtin != null) {
            return builtin;
        }
        if (simpleName.endsWith(EXCEPTION) && simpleName.length() > EXCEPTION.length()) {
            return simpleName.substring(0, simpleName.length() - EXCEPTION.length()) + ERROR;
        }
        return simpleName;
    }

    /**
     * {@return the simple name of the Java exception a Python one is imported as} When it is not one of
     * {@link #BUILTIN_FOR_JDK}: a final {@code Error} made {@code Exception}, the way back of
     * {@link #exception}.
     *
     * @param pythonName the Python exception's name
     */
    public static String javaException(String pythonName) {
        if (pythonName.endsWith(ERROR) && pythonName.length() > ERROR.length()) {
            return pythonName.substring(0, pythonName.length() - ERROR.length()) + EXCEPTION;
        }
        return pythonName;
    }

    /**
     * {@return the JDK exception a Python built-in stands for, if it is one of {@link #BUILTIN_FOR_JDK}}
     *
     * @param pythonBuiltin the built-in's name, such as {@code ZeroDivisionError}
     */
    public static Optional<String> jdkException(String pythonBuiltin) {
        return BUILTIN_FOR_JDK.entrySet().stream()
                .filter(entry -> entry.getValue().equals(pythonBuiltin))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * {@return whether {@code name} is a Python identifier that is not a keyword: a name a class can have}
     *
     * @param name the name
     */
    public static boolean isClassName(String name) {
        if (name.isEmpty() || KEYWORDS.contains(name) || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return {@code name}, or {@code name_} when it is a Python keyword}
     *
     * @param name the name
     */
    public static String notKeyword(String name) {
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    /**
     * {@return a Python bytes literal of the UTF-8 of {@code text}} Such as {@code b"dash-arg"}, {@code b"\xe2\x98\x83"}.
     *
     * @param text the text
     */
    public static String bytesLiteral(String text) {
        StringBuilder literal = new StringBuilder("b\"");
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                literal.append('\\').append((char) c);
            } else if (c >= 0x20 && c < 0x7f) {
                literal.append((char) c);
            } else {
                literal.append(String.format(Locale.ROOT, "\\x%02x", c));
            }
        }
        return literal.append('"').toString();
    }

    /** A Python string literal of ASCII {@code text} for a docstring's line, with quotes and backslashes escaped. */
    static String docText(String text) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '"') {
                escaped.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                escaped.append(c);
            } else {
                escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return escaped.toString();
    }
}
