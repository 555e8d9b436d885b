package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/** How the value of one argument travels: the AMP type chosen for its Java type. */
public sealed interface WireType {
    /**
     * A type the runtime ships.
     *
     * @param builtin which one
     * @param javaType the Java type, primitive or not
     */
    record Simple(Builtin builtin, TypeName javaType) implements WireType {}

    /**
     * Twisted's {@code ListOf}: a {@code java.util.List} of a simple (or another list) type.
     *
     * @param element how each element travels
     * @param elementType the element's Java type (boxed)
     */
    record ListOf(WireType element, TypeName elementType) implements WireType {}

    /**
     * A {@code byte[]} or {@code String} of {@code @Argument(large = true)}, split across keys
     * ({@code io.ampjava.types.LargeValue}); the generated Python module's {@code LargeString} or
     * {@code LargeUnicode}.
     *
     * @param builtin {@link Builtin#BYTES} or {@link Builtin#UNICODE}: what the bytes, put together, are
     * @param javaType the Java type
     */
    record Large(Builtin builtin, TypeName javaType) implements WireType {}

    /** Twisted's {@code AmpList}: a {@code java.util.List} of records, each one box. */
    record AmpList(RecordModel element) implements WireType {}

    /**
     * A user's {@code ArgumentType} named in {@code @Argument(type = ...)}.
     *
     * @param typeClass the class implementing {@code ArgumentType}
     * @param javaType the Java type it encodes (boxed)
     * @param hasInstance whether to use its {@code INSTANCE} field rather than its constructor
     */
    record Custom(ClassName typeClass, TypeName javaType, boolean hasInstance) implements WireType {}
}
