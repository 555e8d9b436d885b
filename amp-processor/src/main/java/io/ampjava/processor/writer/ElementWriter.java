package io.ampjava.processor.writer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ampjava.processor.model.GeneratedNames;
import io.ampjava.processor.model.RecordModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Element>Element} for an {@code AmpList} element interface: its value record, its box
 * codec and a factory, once for every command that uses the element, so that equal elements are
 * equal whichever command made them.
 */
public final class ElementWriter {
    private final GeneratedFiles files;

    public ElementWriter(GeneratedFiles files) {
        this.files = files;
    }

    /**
     * @param visibleEverywhere whether code of any package can name the element interface, and so
     *     must be able to name this class
     */
    public JavaFile write(RecordModel element, boolean visibleEverywhere) {
        ClassName generated = GeneratedNames.element(element.interfaceName());
        String simple = element.interfaceName().simpleName();
        RecordWriter.Names names = new RecordWriter.Names(generated.nestedClass(simple + "Value"),
                generated.nestedClass(simple + "Codec"));
        RecordWriter records = new RecordWriter(record -> names);
        TypeSpec.Builder type = TypeSpec.classBuilder(generated)
                .addModifiers(Modifier.FINAL)
                .addOriginatingElement(element.element())
                .addJavadoc("The elements of an AmpList of {@link $T}: their value, the codec of the box each\n"
                        + "travels as and its fields, shared by every command that uses them.\n", element.interfaceName())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeNames.BOX_CODEC, element.interfaceName()),
                                "CODEC", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Writes one element as a box, and reads it back.\n")
                        .initializer("$T.INSTANCE", names.codec())
                        .build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), RuntimeNames.FIELD_SCHEMA),
                                "FIELDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The fields of one element, as they travel.\n")
                        .initializer("$T.FIELDS", names.codec())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(records.factory(element, "of",
                        CodeBlock.of("One element of an AmpList of {@link $T}.\n", element.interfaceName()),
                        CodeBlock.of("new $T", names.value())))
                .addType(records.value(element))
                .addType(records.codec(element));
        if (visibleEverywhere) {
            type.addModifiers(Modifier.PUBLIC);
        }
        return files.file(generated.packageName(), type);
    }
}
