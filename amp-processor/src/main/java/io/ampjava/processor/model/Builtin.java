package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * The argument types the runtime ships ({@code io.ampjava.types}), one per AMP type a plain Java
 * type maps to.
 */
public enum Builtin {
    INT("IntArgument", true, "Integer"),
    LONG("LongArgument", true, "Integer"),
    BIG_INTEGER("BigIntegerArgument", false, "Integer"),
    BYTES("BytesArgument", false, "String"),
    UNICODE("UnicodeArgument", false, "Unicode"),
    BOOLEAN("BooleanArgument", true, "Boolean"),
    FLOAT("FloatArgument", true, "Float"),
    DECIMAL("DecimalArgument", false, "Decimal"),
    AMP_DECIMAL("AmpDecimalArgument", false, "Decimal"),
    DATE_TIME("DateTimeArgument", false, "DateTime"),
    PATH("PathArgument", false, "Path"),
    DESCRIPTOR("DescriptorArgument", false, "Descriptor");

    private final ClassName argumentClass;
    private final boolean staticCodec;
    private final String twistedName;

    Builtin(String argumentClass, boolean staticCodec, String twistedName) {
        this.argumentClass = ClassName.get("io.ampjava.types", argumentClass);
        this.staticCodec = staticCodec;
        this.twistedName = twistedName;
    }

    /** The AMP type, as the class of {@code twisted.protocols.amp} that is it: {@code Integer}, {@code DateTime}. */
    public String twistedName() {
        return twistedName;
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
