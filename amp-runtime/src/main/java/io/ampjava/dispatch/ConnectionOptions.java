package io.ampjava.dispatch;

import io.ampjava.types.ArgumentContext;
import io.ampjava.wire.BoxDecoder;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * How an {@link AmpConnection} runs: its reader thread's name, where responders run, and the limits
 * that keep one connection's memory bounded whatever its peer does. Immutable: build one with
 * {@link #builder()} (or change a copy with {@link #toBuilder()}), or take {@link #defaults()}.
 *
 * <pre>{@code
 * AmpConnection.open(transport, locator, ConnectionOptions.builder()
 *         .responderExecutor(pool)
 *         .threadName("amp-worker-3")
 *         .build());
 * }</pre>
 *
 * <p>The limits, and what happens at each (docs/security.md has the reasoning):
 * <ul>
 *   <li>{@link Builder#maxKeysPerBox keys per box} and {@link Builder#maxBoxBytes bytes per box}: a box
 *       over either is a protocol violation; the connection closes without a word, as Twisted does
 *       for a key that is too long.
 *   <li>{@link Builder#maxNestingDepth AmpList nesting}: a deeper value is a bad argument (the
 *       responder answers {@code UNKNOWN} and closes, as for any undecodable argument).
 *   <li>{@link Builder#maxLargeValueBytes bytes per large value}: a longer one, or one whose chunks
 *       are not as the scheme says, is refused with an error that names the problem (the responder
 *       answers {@code UNKNOWN} with it and the connection stays); a call or an answer with a longer
 *       one is not sent.
 *   <li>{@link Builder#maxPendingDescriptors received descriptors waiting}: more unclaimed descriptors
 *       than this, with no request left that could claim them, is a protocol violation.
 *   <li>{@link Builder#maxOutstandingCalls outstanding calls} and {@link Builder#maxQueuedBytes queued
 *       outgoing bytes}: a call made at either limit fails at once with
 *       {@link CallRejectedException}; nothing is sent and no tag is used.
 *   <li>{@link Builder#maxQueuedBytes Queued outgoing bytes} and {@link Builder#maxRequestsInProgress
 *       requests in progress}: at either limit the connection stops reading its peer until it is
 *       below again (backpressure: a peer whose answers cannot be written, or whose requests are
 *       still being answered, is not read further).
 *   <li>{@link Builder#memoryBudget a memory budget} shared with other connections: when it is
 *       spent, a connection holding more than its fair share stops reading, and is closed if it
 *       stays so for the {@link Builder#budgetTimeout budget timeout}.
 *   <li>{@link Builder#idleTimeout an idle timeout} and {@link Builder#writeStallTimeout a
 *       write-stall timeout}: a peer silent while nothing is in progress, or one that takes none
 *       of the boxes queued for it, is closed ({@link #serverDefaults() servers} set both).
 *   <li>{@link Builder#callTimeout a call timeout}: each call's future fails with a
 *       {@link CallTimeoutException} (naming the command and the time waited) when no answer came in
 *       time, which frees the call.
 * </ul>
 */
public final class ConnectionOptions {

    /**
     * The default limit on bytes per box (keys, values and their length prefixes): 17 MiB, so that a
     * {@link #DEFAULT_MAX_LARGE_VALUE_BYTES largest large value}, which travels in one box, fits with
     * its chunk keys and 1 MiB of other arguments.
     */
    public static final int DEFAULT_MAX_BOX_BYTES = 17 << 20;
    /**
     * The default limit on one large value ({@code @Argument(large = true)}), received or sent: 16 MiB.
     */
    public static final int DEFAULT_MAX_LARGE_VALUE_BYTES = ArgumentContext.DEFAULT_MAX_LARGE_VALUE_BYTES;
    /**
     * The default limit on received descriptors waiting to be claimed: 1024. Twisted's sender puts
     * every queued descriptor on the bytes it writes first, so a Twisted peer with N descriptor calls
     * in flight legitimately runs N descriptors ahead of the boxes that name them; the limit must
     * leave room for that (a limit of 64 dropped Twisted clients with 256 calls in flight).
     */
    public static final int DEFAULT_MAX_PENDING_DESCRIPTORS = 1024;
    /** The default limit on calls waiting for their answer. */
    public static final int DEFAULT_MAX_OUTSTANDING_CALLS = 65_536;
    /** The default limit on encoded boxes waiting to be written: 16 MiB. */
    public static final long DEFAULT_MAX_QUEUED_BYTES = 16L << 20;
    /** The default limit on the peer's requests being answered at the same time. */
    public static final int DEFAULT_MAX_REQUESTS_IN_PROGRESS = 4096;

    /** A server's default idle timeout, in minutes; see {@link #serverDefaults()}. */
    public static final int DEFAULT_SERVER_IDLE_MINUTES = 10;
    /** A server's default write-stall timeout, in seconds; see {@link #serverDefaults()}. */
    public static final int DEFAULT_SERVER_WRITE_STALL_SECONDS = 60;
    /** The default time a connection may stay over a spent {@link MemoryBudget} before it is closed. */
    public static final Duration DEFAULT_BUDGET_TIMEOUT = Duration.ofSeconds(30);

    private static final ConnectionOptions DEFAULTS = builder().build();
    private static final ConnectionOptions SERVER_DEFAULTS = builder()
            .idleTimeout(Duration.ofMinutes(DEFAULT_SERVER_IDLE_MINUTES))
            .writeStallTimeout(Duration.ofSeconds(DEFAULT_SERVER_WRITE_STALL_SECONDS))
            .build();

    private final String threadName;
    private final Executor responderExecutor;
    private final int readBufferSize;
    private final int maxKeysPerBox;
    private final int maxBoxBytes;
    private final int maxNestingDepth;
    private final int maxLargeValueBytes;
    private final int maxPendingDescriptors;
    private final int maxOutstandingCalls;
    private final long maxQueuedBytes;
    private final int maxRequestsInProgress;
    private final Duration callTimeout;
    private final Duration idleTimeout;
    private final Duration writeStallTimeout;
    private final MemoryBudget memoryBudget;
    private final Duration budgetTimeout;
    private final Duration connectTimeout;

    private ConnectionOptions(Builder builder) {
        this.threadName = builder.threadName;
        this.responderExecutor = builder.responderExecutor;
        this.readBufferSize = builder.readBufferSize;
        this.maxKeysPerBox = builder.maxKeysPerBox;
        this.maxBoxBytes = builder.maxBoxBytes;
        this.maxNestingDepth = builder.maxNestingDepth;
        this.maxLargeValueBytes = builder.maxLargeValueBytes;
        this.maxPendingDescriptors = builder.maxPendingDescriptors;
        this.maxOutstandingCalls = builder.maxOutstandingCalls;
        this.maxQueuedBytes = builder.maxQueuedBytes;
        this.maxRequestsInProgress = builder.maxRequestsInProgress;
        this.callTimeout = builder.callTimeout;
        this.idleTimeout = builder.idleTimeout;
        this.writeStallTimeout = builder.writeStallTimeout;
        this.memoryBudget = builder.memoryBudget;
        this.budgetTimeout = builder.budgetTimeout;
        this.connectTimeout = builder.connectTimeout;
    }

    /**
     * Responders on the reader thread, a 64 KiB read buffer, no call timeout, and the default
     * limits: 4096 keys and 17 MiB per box, AmpList nesting 32 deep, 16 MiB per large value, 1024
     * received descriptors waiting, 65,536 outstanding calls, 16 MiB of queued outgoing boxes, 4096
     * requests in progress.
     *
     * @return the defaults
     */
    public static ConnectionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * {@link #defaults()} plus what a server facing peers it does not control needs: an idle timeout
     * of {@value #DEFAULT_SERVER_IDLE_MINUTES} minutes and a write-stall timeout of
     * {@value #DEFAULT_SERVER_WRITE_STALL_SECONDS} seconds. {@link io.ampjava.server.AmpServer} uses
     * these unless given others, and adds the server's {@link MemoryBudget}.
     *
     * @return the server defaults
     */
    public static ConnectionOptions serverDefaults() {
        return SERVER_DEFAULTS;
    }

    /** {@return a builder that starts from {@link #defaults()}} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder that starts from these options} */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.threadName = threadName;
        builder.responderExecutor = responderExecutor;
        builder.readBufferSize = readBufferSize;
        builder.maxKeysPerBox = maxKeysPerBox;
        builder.maxBoxBytes = maxBoxBytes;
        builder.maxNestingDepth = maxNestingDepth;
        builder.maxLargeValueBytes = maxLargeValueBytes;
        builder.maxPendingDescriptors = maxPendingDescriptors;
        builder.maxOutstandingCalls = maxOutstandingCalls;
        builder.maxQueuedBytes = maxQueuedBytes;
        builder.maxRequestsInProgress = maxRequestsInProgress;
        builder.callTimeout = callTimeout;
        builder.idleTimeout = idleTimeout;
        builder.writeStallTimeout = writeStallTimeout;
        builder.memoryBudget = memoryBudget;
        builder.budgetTimeout = budgetTimeout;
        builder.connectTimeout = connectTimeout;
        return builder;
    }

    /** {@return the reader thread's name, or null for the default} */
    public String threadName() {
        return threadName;
    }

    /** {@return where responders run; null means the reader thread} */
    public Executor responderExecutor() {
        return responderExecutor;
    }

    /** {@return the reader's buffer size in bytes; see {@link Builder#readBufferSize(int)}} */
    public int readBufferSize() {
        return readBufferSize;
    }

    /** {@return the most keys a box may have; see {@link Builder#maxKeysPerBox(int)}} */
    public int maxKeysPerBox() {
        return maxKeysPerBox;
    }

    /** {@return the most bytes a box may take; see {@link Builder#maxBoxBytes(int)}} */
    public int maxBoxBytes() {
        return maxBoxBytes;
    }

    /** {@return how deeply AmpList values may nest; see {@link Builder#maxNestingDepth(int)}} */
    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** {@return the longest large value sent or received; see {@link Builder#maxLargeValueBytes(int)}} */
    public int maxLargeValueBytes() {
        return maxLargeValueBytes;
    }

    /** {@return how many received descriptors may wait; see {@link Builder#maxPendingDescriptors(int)}} */
    public int maxPendingDescriptors() {
        return maxPendingDescriptors;
    }

    /** {@return how many calls may wait for their answer; see {@link Builder#maxOutstandingCalls(int)}} */
    public int maxOutstandingCalls() {
        return maxOutstandingCalls;
    }

    /** {@return how many bytes of boxes may wait to be written; see {@link Builder#maxQueuedBytes(long)}} */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /** {@return how many of the peer's requests may be in progress; see {@link Builder#maxRequestsInProgress(int)}} */
    public int maxRequestsInProgress() {
        return maxRequestsInProgress;
    }

    /** {@return the call timeout, or null for none} */
    public Duration callTimeout() {
        return callTimeout;
    }

    /** {@return the idle timeout, or null for none} */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** {@return the write-stall timeout, or null for none} */
    public Duration writeStallTimeout() {
        return writeStallTimeout;
    }

    /** {@return the memory budget this connection shares with others, or null for none} */
    public MemoryBudget memoryBudget() {
        return memoryBudget;
    }

    /** {@return how long the connection may stay over a spent memory budget before it is closed} */
    public Duration budgetTimeout() {
        return budgetTimeout;
    }

    /** {@return how long {@code io.ampjava.Amp.connectTcp} waits for the connection, or null for the system's wait} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    private static Duration positiveOrNull(Duration timeout, String what) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(what + " must be positive: " + timeout);
        }
        return timeout;
    }

    private static int positive(int value, String what) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be positive: " + value);
        }
        return value;
    }

    /** Sets the options one by one; {@link #build()} makes the immutable {@link ConnectionOptions}. */
    public static final class Builder {
        private String threadName;
        private Executor responderExecutor;
        private int readBufferSize = 64 * 1024;
        private int maxKeysPerBox = BoxDecoder.DEFAULT_MAX_KEYS;
        private int maxBoxBytes = DEFAULT_MAX_BOX_BYTES;
        private int maxNestingDepth = ArgumentContext.DEFAULT_MAX_NESTING_DEPTH;
        private int maxLargeValueBytes = DEFAULT_MAX_LARGE_VALUE_BYTES;
        private int maxPendingDescriptors = DEFAULT_MAX_PENDING_DESCRIPTORS;
        private int maxOutstandingCalls = DEFAULT_MAX_OUTSTANDING_CALLS;
        private long maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES;
        private int maxRequestsInProgress = DEFAULT_MAX_REQUESTS_IN_PROGRESS;
        private Duration callTimeout;
        private Duration idleTimeout;
        private Duration writeStallTimeout;
        private MemoryBudget memoryBudget;
        private Duration budgetTimeout = DEFAULT_BUDGET_TIMEOUT;
        private Duration connectTimeout;

        private Builder() {}

        /**
         * The reader thread's name; by default {@code amp-reader <transport.describe()>}.
         *
         * @param name the name, or null for the default
         * @return this builder
         */
        public Builder threadName(String name) {
            this.threadName = name;
            return this;
        }

        /**
         * Runs each responder on {@code executor} instead of the reader thread, so responders may block
         * without stopping the connection. Requests then may start (and answer) in any order; null
         * restores the default.
         *
         * @param executor runs the responders, or null for the reader thread
         * @return this builder
         */
        public Builder responderExecutor(Executor executor) {
            this.responderExecutor = executor;
            return this;
        }

        /**
         * The reader's buffer: the most bytes one read can return.
         *
         * @param bytes the buffer's size
         * @return this builder
         */
        public Builder readBufferSize(int bytes) {
            this.readBufferSize = positive(bytes, "read buffer size");
            return this;
        }

        /**
         * A box with more keys than this is a protocol violation and closes the connection.
         *
         * @param keys the limit
         * @return this builder
         */
        public Builder maxKeysPerBox(int keys) {
            this.maxKeysPerBox = positive(keys, "max keys per box");
            return this;
        }

        /**
         * A box whose keys, values and length prefixes add up to more bytes than this is a protocol
         * violation and closes the connection, as soon as the value that crosses the limit is read.
         * Twisted has no such limit; with 4096 keys of 64 KiB a box could otherwise hold 256 MiB.
         * {@link #DEFAULT_MAX_BOX_BYTES 17 MiB} by default; keep it above {@link #maxLargeValueBytes},
         * since a large value travels in one box.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxBoxBytes(int bytes) {
            this.maxBoxBytes = positive(bytes, "max box bytes");
            return this;
        }

        /**
         * How deeply {@code AmpList} values may nest inside each other when decoding (a record holding
         * an AmpList of records holding an AmpList...); a deeper value is refused as a bad argument
         * instead of exhausting the reader's stack. Only a recursive schema can nest deeply at all.
         *
         * @param depth the limit
         * @return this builder
         */
        public Builder maxNestingDepth(int depth) {
            this.maxNestingDepth = positive(depth, "max nesting depth");
            return this;
        }

        /**
         * The longest large value ({@code @Argument(large = true)}, {@code io.ampjava.types.LargeValue})
         * this connection puts together from the chunks it receives, or sends. A peer's value that
         * claims more, or whose chunks are missing, cut or mixed with keys of another value, fails
         * with a {@code LargeValueException} that says which, before anything is allocated for it: a
         * responder answers {@code UNKNOWN} with that message and the connection stays, a call fails.
         * A value over the limit is not sent: its call fails (or, for an answer, the caller gets
         * {@code UNKNOWN} saying why). A large value travels in one box, so it also meets
         * {@link #maxBoxBytes}; {@link #DEFAULT_MAX_LARGE_VALUE_BYTES 16 MiB} by default.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxLargeValueBytes(int bytes) {
            this.maxLargeValueBytes = positive(bytes, "max large value bytes");
            return this;
        }

        /**
         * How many received descriptors may wait to be claimed by the box that names them. More than
         * this with no request left that could claim them (all received requests have been decoded)
         * is a protocol violation: the connection closes and closes them. While requests still wait for
         * the responder executor, reading pauses instead. While part of a box has been read, 64 more
         * may wait: an amp-java peer sends the descriptors of pipelined calls (up to 64) together,
         * ahead of the boxes that name them.
         *
         * @param descriptors the limit
         * @return this builder
         */
        public Builder maxPendingDescriptors(int descriptors) {
            this.maxPendingDescriptors = positive(descriptors, "max pending descriptors");
            return this;
        }

        /**
         * How many calls may wait for their answer (counting those abandoned by a timeout or
         * cancellation until their late answer comes). A call beyond it fails at once with
         * {@link CallRejectedException}.
         *
         * @param calls the limit
         * @return this builder
         */
        public Builder maxOutstandingCalls(int calls) {
            this.maxOutstandingCalls = positive(calls, "max outstanding calls");
            return this;
        }

        /**
         * How many bytes of encoded boxes may wait to be written (the peer is not reading). At the
         * limit, new calls fail at once with {@link CallRejectedException} and the connection stops
         * reading the peer's requests until the queue is below it again. Answers are never refused:
         * they are bounded by the requests in progress.
         *
         * @param bytes the limit
         * @return this builder
         */
        public Builder maxQueuedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("max queued bytes must be positive: " + bytes);
            }
            this.maxQueuedBytes = bytes;
            return this;
        }

        /**
         * How many of the peer's requests may be answered at the same time (responders that have not
         * finished). At the limit the connection stops reading until one finishes, unless this side has
         * calls outstanding: their answers can only arrive by reading, and a responder may be waiting
         * for one (a call back to the peer).
         *
         * @param requests the limit
         * @return this builder
         */
        public Builder maxRequestsInProgress(int requests) {
            this.maxRequestsInProgress = positive(requests, "max requests in progress");
            return this;
        }

        /**
         * Fails each call's future with a {@link CallTimeoutException} (whose message names the command,
         * the time waited and the connection) when its answer has not come within {@code timeout};
         * null (the default) means no timeout. A timed-out or cancelled call frees its future at once; its tag is
         * remembered until the late answer comes, which is then dropped.
         *
         * @param timeout the bound for each call, or null for none
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = positiveOrNull(timeout, "call timeout");
            return this;
        }

        /**
         * Closes the connection when no box has come from the peer for {@code timeout} while nothing
         * is in progress (no request of the peer's being answered, no call of ours waiting for its
         * answer): a silent peer must not hold a thread and its buffers for ever. The pending calls
         * (none, by the definition) and the log name the reason. Null (the default, but see
         * {@link #serverDefaults()}) means no idle timeout.
         *
         * @param timeout the bound, or null for none
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = positiveOrNull(timeout, "idle timeout");
            return this;
        }

        /**
         * Closes the connection when boxes wait to be written and the peer has taken none of them
         * for {@code timeout}: a peer that stops reading must not hold a writer blocked for ever.
         * Outstanding calls fail with a {@link ConnectionLostException} naming the reason. Null (the
         * default, but see {@link #serverDefaults()}) means no write-stall timeout.
         *
         * @param timeout the bound, or null for none
         * @return this builder
         */
        public Builder writeStallTimeout(Duration timeout) {
            this.writeStallTimeout = positiveOrNull(timeout, "write-stall timeout");
            return this;
        }

        /**
         * Counts what this connection holds (boxes queued to the peer, the box being read, requests
         * being answered) against {@code budget}, shared with other connections; see
         * {@link MemoryBudget}. Null (the default for a connection opened by hand) means none.
         *
         * @param budget the shared budget, or null for none
         * @return this builder
         */
        public Builder memoryBudget(MemoryBudget budget) {
            this.memoryBudget = budget;
            return this;
        }

        /**
         * How long this connection may hold more than its fair share of a spent
         * {@link #memoryBudget memory budget} (its reader paused for room, or blocked writing to a
         * peer that reads nothing) before it is closed; {@link #DEFAULT_BUDGET_TIMEOUT} by default.
         *
         * @param timeout the bound
         * @return this builder
         */
        public Builder budgetTimeout(Duration timeout) {
            if (timeout == null) {
                throw new NullPointerException("budget timeout");
            }
            this.budgetTimeout = positiveOrNull(timeout, "budget timeout");
            return this;
        }

        /**
         * How long {@code io.ampjava.Amp.connectTcp} waits for the TCP connection before it fails
         * with a {@link java.net.SocketTimeoutException}; null (the default) waits as long as the
         * system does (minutes, for a host that does not answer). Unix sockets connect at once.
         *
         * @param timeout the bound, or null for the system's
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positiveOrNull(timeout, "connect timeout");
            return this;
        }

        /** {@return the options} */
        public ConnectionOptions build() {
            return new ConnectionOptions(this);
        }
    }
}
