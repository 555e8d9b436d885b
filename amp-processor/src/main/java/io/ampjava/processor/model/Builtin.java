package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The argument types the runtime ships ({@code io.ampjava.types}), one per AMP type a plain Java
 * type maps to.
 */
public enum Builtin {
    INT("IntArgument", true),
    LONG("LongArgument", true),
    BIG_INTEGER("BigIntegerArgument", false),
    BYTES("BytesArgument", false),
    UNICODE("UnicodeArgument", false),
    BOOLEAN("BooleanArgument", true),
    FLOAT("FloatArgument", true),
    DECIMAL("DecimalArgument", false),
    AMP_DECIMAL("AmpDecimalArgument", false),
    DATE_TIME("DateTimeArgument", false),
    PATH("PathArgument", false),
    DESCRIPTOR("DescriptorArgument", false);

    private final ClassName argumentClass;
    private final boolean staticCodec;

    Builtin(String argumentClass, boolean staticCodec) {
        this.argumentClass = ClassName.get("io.ampjava.types", argumentClass);
        this.staticCodec = staticCodec;
    }

    /** The runtime class, e.g. {@code io.ampjava.types.LongArgument}. */
    public ClassName argumentClass() {
        return argumentClass;
    }

    /**
     * Whether the class has static {@code encode}/{@code decode} methods on the primitive: the
     * generated code uses them for a single value, so that a {@code long} is never boxed.
     */
    public boolean hasStaticCodec() {
        return staticCodec;
    }
}
