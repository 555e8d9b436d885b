package io.ampjava.cli.call;

import io.ampjava.cli.print.DescriptorTarget;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.Descriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The descriptors a peer passed with its answer, which an untyped call cannot tie to a key: taken
 * in ordinal order, described (what they are open on) and closed.
 */
final class ReceivedDescriptors {
    private ReceivedDescriptors() {}

    /** Claims, describes and closes every waiting descriptor from ordinal {@code first} on. */
    static List<String> drain(ArgumentContext context, int first) {
        List<String> described = new ArrayList<>();
        for (int ordinal = first; ; ordinal++) {
            Optional<Descriptor> waiting = context.tryClaimDescriptor(ordinal);
            if (waiting.isEmpty()) {
                return described;
            }
            try (Descriptor descriptor = waiting.get()) {
                described.add(ordinal + ": " + DescriptorTarget.of(descriptor.fd()));
            }
        }
    }
}
