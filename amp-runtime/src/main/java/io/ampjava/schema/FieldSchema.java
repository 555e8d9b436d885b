package io.ampjava.schema;

import java.util.Objects;

/**
 * One argument of a command, one field of its response or one field of an {@code AmpList} element,
 * as it travels.
 *
 * @param name the key on the wire
 * @param type its AMP type
 * @param optional whether the key may be absent
 */
public record FieldSchema(String name, AmpType type, boolean optional) {
    /**
     * Checks the name and type.
     *
     * @param name the wire key
     * @param type the AMP type
     * @param optional whether the field may be absent
     */
    public FieldSchema {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /**
     * A field that is always there.
     *
     * @param name the wire key
     * @param type the AMP type
     * @return the field
     */
    public static FieldSchema required(String name, AmpType type) {
        return new FieldSchema(name, type, false);
    }

    /**
     * A field that may be absent.
     *
     * @param name the wire key
     * @param type the AMP type
     * @return the field
     */
    public static FieldSchema optional(String name, AmpType type) {
        return new FieldSchema(name, type, true);
    }

    /** {@code key: Unicode}, or {@code note: Unicode (optional)}. */
    @Override
    public String toString() {
        return name + ": " + type + (optional ? " (optional)" : "");
    }
}
