package io.ampjava.dispatch;

import io.ampjava.internal.posix.NativePosix;
import io.ampjava.tls.TlsTransport;
import io.ampjava.transport.Transport;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One connection's descriptor exchange (Twisted's {@code _DescriptorExchanger}): send ordinals
 * count the descriptors this side sends, receive ordinals the ones it receives, each from 0.
 *
 * <p>Sending duplicates the caller's fd, so the caller keeps its own; the duplicate belongs to the
 * {@link OutboundQueue}, which closes it once sent. Received fds wait here under their ordinal until
 * an argument claims them (once); those never claimed are closed with the connection.
 */
final class DescriptorExchange implements ArgumentContext {
    private final ConnectionTransport transport;
    private final OutboundQueue outbound;
    private final int maxNestingDepth;
    private final int maxLargeValueBytes;
    private final Map<Integer, Integer> received = new HashMap<>();
    private int nextReceiveOrdinal;
    private boolean closed;

    /** With the decoding limits of the connection's options, which every argument decoded on it meets. */
    DescriptorExchange(ConnectionTransport transport, OutboundQueue outbound, int maxNestingDepth,
            int maxLargeValueBytes) {
        this.transport = transport;
        this.outbound = outbound;
        this.maxNestingDepth = maxNestingDepth;
        this.maxLargeValueBytes = maxLargeValueBytes;
    }

    @Override
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    @Override
    public int maxLargeValueBytes() {
        return maxLargeValueBytes;
    }

    @Override
    public int sendDescriptor(Descriptor descriptor) {
        Transport current = transport.get();
        if (!current.canPassDescriptors()) {
            throw new UnsupportedOperationException(current instanceof TlsTransport
                    ? "cannot send a descriptor on " + current.describe()
                            + ": TLS runs on this connection, and a descriptor cannot travel inside TLS"
                    : current.describe() + " cannot carry file descriptors: a Descriptor argument needs a Unix socket");
        }
        Descriptor copy;
        try {
            copy = descriptor.duplicate();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot send " + descriptor, e);
        }
        return outbound.addDescriptor(copy.release());
    }

    @Override
    public Descriptor claimDescriptor(int ordinal) {
        return tryClaimDescriptor(ordinal).orElseThrow(() -> {
            Transport current = transport.get();
            return new BadArgumentException("no descriptor " + ordinal + " is waiting on " + current.describe()
                    + (current instanceof TlsTransport
                    ? ": TLS runs on this connection, and a descriptor cannot travel inside TLS (one that came was closed)"
                    : " (never received, or claimed already)"));
        });
    }

    @Override
    public Optional<Descriptor> tryClaimDescriptor(int ordinal) {
        Integer fd;
        synchronized (this) {
            fd = received.remove(ordinal);
        }
        return fd == null ? Optional.empty() : Optional.of(Descriptor.adopt(fd));
    }

    /** Called by the reader with each fd the transport delivers; this exchange owns it from now on. */
    void received(int fd) {
        synchronized (this) {
            if (!closed) {
                received.put(nextReceiveOrdinal++, fd);
                return;
            }
        }
        NativePosix.posix().close(fd);
    }

    /** Closes every received fd nobody claimed; fds delivered later are closed on arrival. */
    void close() {
        Integer[] unclaimed;
        synchronized (this) {
            closed = true;
            unclaimed = received.values().toArray(new Integer[0]);
            received.clear();
        }
        for (int fd : unclaimed) {
            NativePosix.posix().close(fd);
        }
    }

    /** The fds received and not claimed yet (tests check that closing closes exactly these). */
    synchronized int[] waitingFds() {
        return received.values().stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** How many received fds are waiting to be claimed. */
    synchronized int waiting() {
        return received.size();
    }

    /** Whether descriptors can arrive at all (a Unix socket). */
    boolean canReceive() {
        return transport.get().canPassDescriptors();
    }

    /**
     * A context that claims like this one but closes each descriptor at once: for decoding an answer
     * nobody wants any more (its call was given up) only to free the descriptors it names.
     */
    ArgumentContext closingEachClaimed() {
        return decodingOnly(Descriptor::close);
    }

    /**
     * A context that claims like this one and adds each descriptor it hands out to {@code claimed}:
     * for decoding an answer whose caller may stop waiting meanwhile, so that what the decoded
     * answer holds can be closed if it reaches nobody.
     */
    ArgumentContext recordingClaims(List<Descriptor> claimed) {
        return decodingOnly(claimed::add);
    }

    /** A context for decoding only, which claims like this one and shows each claim to {@code onClaim}. */
    private ArgumentContext decodingOnly(Consumer<Descriptor> onClaim) {
        return new ArgumentContext() {
            @Override
            public int sendDescriptor(Descriptor descriptor) {
                throw new UnsupportedOperationException("decoding only");
            }

            @Override
            public Descriptor claimDescriptor(int ordinal) {
                Descriptor claimed = DescriptorExchange.this.claimDescriptor(ordinal);
                onClaim.accept(claimed);
                return claimed;
            }

            @Override
            public Optional<Descriptor> tryClaimDescriptor(int ordinal) {
                Optional<Descriptor> claimed = DescriptorExchange.this.tryClaimDescriptor(ordinal);
                claimed.ifPresent(onClaim);
                return claimed;
            }

            @Override
            public int maxNestingDepth() {
                return maxNestingDepth;
            }

            @Override
            public int maxLargeValueBytes() {
                return maxLargeValueBytes;
            }
        };
    }
}
