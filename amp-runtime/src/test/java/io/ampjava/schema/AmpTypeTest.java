package io.ampjava.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Types print as Twisted spells them, and compare as values. */
class AmpTypeTest {
    @Test
    void typesPrintAsTwistedSpellsThem() {
        assertEquals("Integer", AmpType.INTEGER.toString());
        assertEquals("DateTime", AmpType.DATE_TIME.toString());
        assertEquals("ListOf(ListOf(Unicode))", AmpType.listOf(AmpType.listOf(AmpType.UNICODE)).toString());
        assertEquals("AmpList(key: Unicode, value: Integer (optional))", AmpType.ampList(List.of(
                FieldSchema.required("key", AmpType.UNICODE), FieldSchema.optional("value", AmpType.INTEGER))).toString());
        assertEquals("Custom(p.ColorType)", AmpType.custom("p.ColorType").toString());
    }

    @Test
    void equalTypesAreEqual() {
        assertEquals(AmpType.listOf(AmpType.PATH), AmpType.listOf(new AmpType.Simple(AmpType.Kind.PATH)));
        assertEquals(AmpType.Kind.AMP_LIST, AmpType.ampList(List.of()).kind());
        assertEquals("Descriptor", AmpType.Kind.DESCRIPTOR.twistedName());
    }

    @Test
    void aSimpleTypeIsOneOfTheSimpleKinds() {
        assertThrows(IllegalArgumentException.class, () -> new AmpType.Simple(AmpType.Kind.LIST_OF));
        assertThrows(IllegalArgumentException.class, () -> new AmpType.Simple(AmpType.Kind.CUSTOM));
    }
}
