package io.ampjava.wire;

/** Boxes written out in tests from text, for the tests of this module and (through the test-jar) others. */
public final class TestBoxes {
    private TestBoxes() {}

    /** A box from {@code keysAndValues}: alternately a key and its value, as text. */
    public static Box box(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a key without a value: " + keysAndValues[keysAndValues.length - 1]);
        }
        Box box = new Box();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            box.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return box;
    }
}
