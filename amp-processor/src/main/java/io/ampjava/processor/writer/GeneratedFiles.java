package io.ampjava.processor.writer;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.util.Elements;

/**
 * What every generated file has: the {@code @Generated} marker naming the processor (with no date,
 * so that output depends only on input), Java 17 formatting by JavaPoet, no {@code java.lang} imports.
 */
public final class GeneratedFiles {
    /** The value of {@code @Generated}. */
    public static final String GENERATOR = "io.ampjava.processor.AmpProcessor";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final boolean generatedAvailable;

    /**
     * @param elements to see whether {@code javax.annotation.processing.Generated} is visible to the
     *     code being compiled (a module that does not read {@code java.compiler} cannot see it)
     */
    public GeneratedFiles(Elements elements) {
        this.generatedAvailable = elements.getTypeElement(GENERATED.canonicalName()) != null;
    }

    /** Marks {@code type} as generated and wraps it in a file of {@code packageName}. */
    JavaFile file(String packageName, TypeSpec.Builder type) {
        if (generatedAvailable) {
            type.addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR).build());
        }
        return JavaFile.builder(packageName, type.build())
                .skipJavaLangImports(true)
                .indent("    ")
                .build();
    }
}
