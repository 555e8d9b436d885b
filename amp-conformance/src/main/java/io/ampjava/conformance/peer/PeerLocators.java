package io.ampjava.conformance.peer;

import io.ampjava.dispatch.ResponderLocator;
import java.util.function.Supplier;

/** The responders of one connection of the conformance peer: a fresh set (fresh Notify memory) each time. */
public final class PeerLocators implements Supplier<ResponderLocator> {
    private final PeerExecutors executors;

    public PeerLocators(PeerExecutors executors) {
        this.executors = executors;
    }

    @Override
    public ResponderLocator get() {
        OpenDescriptorResponder openDescriptor = new OpenDescriptorResponder(executors);
        ResponderLocator special = name -> "OpenDescriptor".equals(name) ? openDescriptor : null;
        return special.or(new ConformanceRespondersLocator(new ConformanceResponders(executors)));
    }
}
