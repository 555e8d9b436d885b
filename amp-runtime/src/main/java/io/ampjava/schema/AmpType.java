package io.ampjava.schema;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The AMP type of an argument or a response field, as Twisted's {@code twisted.protocols.amp} names
 * it: a simple type, {@code ListOf} another type, {@code AmpList} of boxes with fields of their own,
 * a large value split across keys ({@code LargeString}, {@code LargeUnicode}), or a type only the Java
 * side knows ({@link Custom}, an {@code ArgumentType} of the user's).
 *
 * <p>{@code toString()} gives Twisted's spelling: {@code Integer}, {@code ListOf(Unicode)},
 * {@code AmpList(key: Unicode, value: Integer)}.
 */
public sealed interface AmpType permits AmpType.Simple, AmpType.ListOf, AmpType.AmpList, AmpType.Custom {
    /** What a type is, for a {@code switch}. */
    enum Kind {
        /** Twisted's {@code Integer}: decimal text of any size. */
        INTEGER("Integer"),
        /** Twisted's {@code String}: raw bytes. */
        STRING("String"),
        /** Twisted's {@code Unicode}: text as UTF-8. */
        UNICODE("Unicode"),
        /** Twisted's {@code Boolean}: {@code True} or {@code False}. */
        BOOLEAN("Boolean"),
        /** Twisted's {@code Float}: Python's {@code repr} of a float. */
        FLOAT("Float"),
        /** Twisted's {@code Decimal}. */
        DECIMAL("Decimal"),
        /** Twisted's {@code DateTime}: microseconds and a whole-minute offset. */
        DATE_TIME("DateTime"),
        /** Twisted's {@code Path}: a file path, as UTF-8. */
        PATH("Path"),
        /** Twisted's {@code Descriptor}: a file descriptor passed over a Unix socket. */
        DESCRIPTOR("Descriptor"),
        /**
         * Raw bytes of any length up to a limit, split across keys ({@code io.ampjava.types.LargeValue});
         * the generated Python module's {@code LargeString}.
         */
        LARGE_STRING("LargeString"),
        /** Text as UTF-8 of any length up to a limit, split as {@link #LARGE_STRING}; the generated Python module's {@code LargeUnicode}. */
        LARGE_UNICODE("LargeUnicode"),
        /** Twisted's {@code ListOf}: values of one simple type. */
        LIST_OF("ListOf"),
        /** Twisted's {@code AmpList}: one box per element. */
        AMP_LIST("AmpList"),
        /** A user's {@code ArgumentType}, which only it can read and write. */
        CUSTOM("Custom");

        private final String twistedName;

        Kind(String twistedName) {
            this.twistedName = twistedName;
        }

        /**
         * {@return the name of the class in {@code twisted.protocols.amp}, e.g} {@code DateTime}; for the
         * large types, of the class in the Python module the processor generates.
         */
        public String twistedName() {
            return twistedName;
        }
    }

    /** Twisted's {@code Integer}. */
    AmpType INTEGER = new Simple(Kind.INTEGER);
    /** Twisted's {@code String}. */
    AmpType STRING = new Simple(Kind.STRING);
    /** Twisted's {@code Unicode}. */
    AmpType UNICODE = new Simple(Kind.UNICODE);
    /** Twisted's {@code Boolean}. */
    AmpType BOOLEAN = new Simple(Kind.BOOLEAN);
    /** Twisted's {@code Float}. */
    AmpType FLOAT = new Simple(Kind.FLOAT);
    /** Twisted's {@code Decimal}. */
    AmpType DECIMAL = new Simple(Kind.DECIMAL);
    /** Twisted's {@code DateTime}. */
    AmpType DATE_TIME = new Simple(Kind.DATE_TIME);
    /** Twisted's {@code Path}. */
    AmpType PATH = new Simple(Kind.PATH);
    /** Twisted's {@code Descriptor}. */
    AmpType DESCRIPTOR = new Simple(Kind.DESCRIPTOR);
    /** A large value of bytes: the generated Python module's {@code LargeString}. */
    AmpType LARGE_STRING = new Simple(Kind.LARGE_STRING);
    /** A large value of text: the generated Python module's {@code LargeUnicode}. */
    AmpType LARGE_UNICODE = new Simple(Kind.LARGE_UNICODE);

    /** {@return what this type is} */
    Kind kind();

    /**
     * Twisted's {@code ListOf(element)}.
     *
     * @param element the type of each element
     * @return the type
     */
    static ListOf listOf(AmpType element) {
        return new ListOf(element);
    }

    /**
     * Twisted's {@code AmpList([...])}, whose elements are boxes of {@code fields}.
     *
     * @param fields the fields of each element's box
     * @return the type
     */
    static AmpList ampList(List<FieldSchema> fields) {
        return new AmpList(fields);
    }

    /**
     * A type that an {@code io.ampjava.types.ArgumentType} of the user's reads and writes.
     *
     * @param argumentType the binary name of that class, for {@link Class#forName(String)}
     * @return the type
     */
    static Custom custom(String argumentType) {
        return new Custom(argumentType);
    }

    /** One of the types that carry a single value: every kind but {@code LIST_OF}, {@code AMP_LIST}, {@code CUSTOM}. */
    record Simple(Kind kind) implements AmpType {
        /**
         * Checks the kind is a simple one.
         *
         * @param kind the kind
         */
        public Simple {
            Objects.requireNonNull(kind, "kind");
            if (kind == Kind.LIST_OF || kind == Kind.AMP_LIST || kind == Kind.CUSTOM) {
                throw new IllegalArgumentException(kind + " is not a simple type");
            }
        }

        @Override
        public String toString() {
            return kind.twistedName();
        }
    }

    /** Twisted's {@code ListOf}: a list of values of {@code element}, a simple type or another {@code ListOf}. */
    record ListOf(AmpType element) implements AmpType {
        /**
         * Checks the element type.
         *
         * @param element the type of each element
         */
        public ListOf {
            Objects.requireNonNull(element, "element");
        }

        @Override
        public Kind kind() {
            return Kind.LIST_OF;
        }

        @Override
        public String toString() {
            return "ListOf(" + element + ")";
        }
    }

    /** Twisted's {@code AmpList}: a list of boxes, each with {@code fields}. */
    record AmpList(List<FieldSchema> fields) implements AmpType {
        /**
         * Copies the fields.
         *
         * @param fields the fields of each element's box
         */
        public AmpList {
            fields = List.copyOf(fields);
        }

        @Override
        public Kind kind() {
            return Kind.AMP_LIST;
        }

        @Override
        public String toString() {
            return "AmpList(" + fields.stream().map(FieldSchema::toString).collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * A type that the user's {@code io.ampjava.types.ArgumentType} {@code argumentType} reads and writes.
     *
     * @param argumentType the binary name of that class
     */
    record Custom(String argumentType) implements AmpType {
        /**
         * Checks the class name.
         *
         * @param argumentType the binary name of the {@code ArgumentType} class
         */
        public Custom {
            Objects.requireNonNull(argumentType, "argumentType");
        }

        @Override
        public Kind kind() {
            return Kind.CUSTOM;
        }

        @Override
        public String toString() {
            return "Custom(" + argumentType + ")";
        }
    }
}
