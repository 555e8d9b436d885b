package io.ampjava.server;

import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.MemoryBudget;
import java.util.Objects;

/**
 * How an {@link AmpServer} runs: the options of the connections it accepts and the budgets it keeps
 * for all of them together, so that no mix of peers, each within its own connection's limits, can
 * exhaust the process. Immutable: build one with {@link #builder()}, or take {@link #defaults()}.
 *
 * <pre>{@code
 * AmpServer server = Amp.listenTcp("0.0.0.0", 4242, () -> new ServiceLocator(service), ServerOptions.builder()
 *         .maxConnections(200)
 *         .memoryBudget(MemoryBudget.ofBytes(256L << 20))
 *         .connectionOptions(ConnectionOptions.serverDefaults().toBuilder()
 *                 .idleTimeout(Duration.ofMinutes(2))
 *                 .build())
 *         .build());
 * }</pre>
 */
public final class ServerOptions {
    /**
     * The default limit on connections open at once. Each costs a reader thread (about 250 KB of
     * memory all told, most of it outside the heap), so this keeps a small machine responsive.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 512;

    private static final ServerOptions DEFAULTS = builder().build();

    private final ConnectionOptions connectionOptions;
    private final int maxConnections;
    private final MemoryBudget memoryBudget;

    private ServerOptions(Builder builder) {
        this.connectionOptions = builder.connectionOptions;
        this.maxConnections = builder.maxConnections;
        this.memoryBudget = builder.memoryBudget;
    }

    /**
     * {@link ConnectionOptions#serverDefaults()} for each connection (a 10-minute idle timeout and a
     * 60-second write-stall timeout among them), at most {@value #DEFAULT_MAX_CONNECTIONS}
     * connections, and a memory budget of a quarter of the heap ({@link MemoryBudget#quarterOfHeap()}).
     *
     * @return the defaults
     */
    public static ServerOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder that starts from {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder that starts from these options} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.connectionOptions = connectionOptions;
        builder.maxConnections = maxConnections;
        builder.memoryBudget = memoryBudget;
        return builder;
    }

    /** {@return the options of each accepted connection (before the server adds its memory budget)} */
    public ConnectionOptions connectionOptions() {
        return connectionOptions;
    }

    /** {@return how many connections may be open at once} */
    public int maxConnections() {
        return maxConnections;
    }

    /** {@return the budget all connections share, or null for a quarter of the heap, made when the server starts} */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** Sets the options one by one; {@link #build()} makes the immutable {@link ServerOptions}. */
    public static final class Builder {
        private ConnectionOptions connectionOptions = ConnectionOptions.serverDefaults();
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private MemoryBudget memoryBudget;

        private Builder() {}

        /**
         * The options of each connection the server accepts. Start from
         * {@link ConnectionOptions#serverDefaults()} to keep its timeouts. A memory budget set here is
         * used as it is; otherwise the server's ({@link #memoryBudget}) is added.
         *
         * @param options the connections' options
         * @return this builder
         */
        public Builder connectionOptions(ConnectionOptions options) {
            this.connectionOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * How many connections may be open at once. Beyond it, a new connection is accepted and
         * closed at once (its peer reads end of stream) and the refusal is logged, at most once a
         * second.
         *
         * @param connections the limit
         * @return this builder
         */
        public Builder maxConnections(int connections) {
            if (connections < 1) {
                throw new IllegalArgumentException("max connections must be positive: " + connections);
            }
            this.maxConnections = connections;
            return this;
        }

        /**
         * The budget every connection of the server shares: bytes queued to peers, bytes buffered
         * from them, requests being answered (see {@link MemoryBudget}). Null (the default) makes
         * one of a quarter of the heap when the server starts.
         *
         * @param budget the shared budget, or null for a quarter of the heap
         * @return this builder
         */
        public Builder memoryBudget(MemoryBudget budget) {
            this.memoryBudget = budget;
            return this;
        }

        /** {@return the options} */
        public ServerOptions build() {
            return new ServerOptions(this);
        }
    }
}
