package io.ampjava.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * An interface whose abstract methods are all {@code @Argument}s: the arguments of a command, its
 * {@code @Response}, or the element of an {@code AmpList}. Each becomes a value record and a box codec.
 *
 * @param element the interface
 * @param interfaceName its name
 * @param fields its arguments: inherited ones first, then its own, each in declaration order
 */
public record RecordModel(TypeElement element, ClassName interfaceName, List<FieldModel> fields) {
    public RecordModel {
        fields = List.copyOf(fields);
    }

    /**
     * The {@code AmpList} element records this record uses at any depth, nested ones before those that
     * hold them, each once.
     */
    public List<RecordModel> elements() {
        List<RecordModel> used = new ArrayList<>();
        addElements(this, used);
        return used;
    }

    private static void addElements(RecordModel record, List<RecordModel> into) {
        for (FieldModel field : record.fields()) {
            if (field.wireType() instanceof WireType.AmpList list && !into.contains(list.element())) {
                addElements(list.element(), into);
                into.add(list.element());
            }
        }
    }

    /** The name a person reads in {@code toString()}: {@code Divide}, {@code Divide.Result}. */
    public String displayName() {
        return String.join(".", interfaceName.simpleNames());
    }
}
