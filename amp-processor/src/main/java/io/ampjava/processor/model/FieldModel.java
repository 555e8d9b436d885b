package io.ampjava.processor.model;

import com.palantir.javapoet.TypeName;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One {@code @Argument} method: of a command, of a response or of an {@code AmpList} element.
 *
 * @param method the interface method
 * @param javaName the method name, which is also the name of the factory's parameter
 * @param wireName the key on the wire
 * @param optional whether the key may be absent (then the value is null)
 * @param type the method's return type, as seen from the record's interface
 * @param javaType the same type, for writing code
 * @param wireType how the value travels
 */
public record FieldModel(
        ExecutableElement method,
        String javaName,
        String wireName,
        boolean optional,
        TypeMirror type,
        TypeName javaType,
        WireType wireType) {

    /** Whether the value can be null in Java, so the generated code must check it. */
    public boolean isReference() {
        return !javaType.isPrimitive();
    }
}
