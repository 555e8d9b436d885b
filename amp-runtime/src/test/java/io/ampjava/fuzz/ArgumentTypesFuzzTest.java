package io.ampjava.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import java.util.List;
import java.util.Objects;

/**
 * Every argument type's decoder fed arbitrary bytes. The only outcomes allowed: a value, or a
 * {@link BadArgumentException}. A value must survive a round trip: encoding it and decoding the
 * result gives an equal value, and encoding that again gives the same bytes (the encoding is
 * canonical).
 */
class ArgumentTypesFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void decodeAnyType(FuzzedDataProvider data) {
        String name = FuzzTypes.NAMES.get(data.consumeInt(0, FuzzTypes.NAMES.size() - 1));
        byte[] wire = data.consumeRemainingAsBytes();
        check(name, wire);
    }

    @SuppressWarnings("unchecked")
    static void check(String name, byte[] wire) {
        ArgumentType<Object> type = (ArgumentType<Object>) FuzzTypes.ALL.get(name);
        ArgumentContext context = new SpareDescriptors(3);
        Object value;
        try {
            value = type.fromWire(wire, context);
        } catch (BadArgumentException refused) {
            return; // the one defined way to refuse bytes
        }
        assertTrue(value != null, name + " decoded to null");
        if (value instanceof Descriptor) {
            ((Descriptor) value).close();
        }
        if (!FuzzTypes.roundTrips(name)) {
            return;
        }
        byte[] again = type.toWire(value, ArgumentContext.NONE);
        Object decodedAgain = type.fromWire(again, ArgumentContext.NONE);
        assertTrue(sameValue(value, decodedAgain),
                () -> name + ": " + value + " came back as " + decodedAgain);
        assertArrayEquals(again, type.toWire(decodedAgain, ArgumentContext.NONE), name + ": encoding is not canonical");
    }

    /** Equality that looks into lists, so a {@code ListOf(String)} of byte arrays compares by content. */
    private static boolean sameValue(Object a, Object b) {
        if (a instanceof List && b instanceof List) {
            List<?> left = (List<?>) a;
            List<?> right = (List<?>) b;
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!sameValue(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.deepEquals(a, b);
    }
}
