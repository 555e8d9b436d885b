package io.ampjava.fuzz;

import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;

/**
 * An {@link ArgumentContext} for decoding outside a connection: it pretends {@code count}
 * descriptors arrived (ordinals {@code 0..count-1}) and hands out a fresh {@code /dev/null} for
 * each one claimed, at most once, as a connection does.
 */
final class SpareDescriptors implements ArgumentContext {
    private static final Path DEV_NULL = Path.of("/dev/null");

    private final int count;
    private final BitSet claimed = new BitSet();

    SpareDescriptors(int count) {
        this.count = count;
    }

    @Override
    public int sendDescriptor(Descriptor descriptor) {
        throw new UnsupportedOperationException("decoding only");
    }

    @Override
    public Descriptor claimDescriptor(int ordinal) {
        if (ordinal < 0 || ordinal >= count || claimed.get(ordinal)) {
            throw new BadArgumentException("no descriptor " + ordinal + " is waiting");
        }
        claimed.set(ordinal);
        try {
            return Descriptor.openForReading(DEV_NULL);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
