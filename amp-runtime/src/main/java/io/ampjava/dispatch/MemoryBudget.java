package io.ampjava.dispatch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes that a group of connections may hold at once, all of them together: the boxes queued to
 * their peers and not written yet, the bytes of boxes being read from their peers, and the requests
 * their responders are still answering. An {@link io.ampjava.server.AmpServer} gives every
 * connection it accepts the same budget, so that no mix of peers, each within its own connection's
 * limits, can exhaust the heap.
 *
 * <p>A budget never refuses bytes: when it is spent, each connection that holds more than
 * {@link #FAIR_SHARE} bytes of it stops reading its peer (backpressure) until the budget has room
 * again, and is closed if it stays so for its {@link ConnectionOptions#budgetTimeout()}.
 * Connections that hold little, a new client's say, go on being served.
 *
 * <pre>{@code
 * MemoryBudget shared = MemoryBudget.ofBytes(256L << 20);
 * ConnectionOptions options = ConnectionOptions.builder().memoryBudget(shared).build();
 * }</pre>
 */
public final class MemoryBudget {
    /**
     * What a connection may hold of a spent budget and still read on: about one large answer. A
     * budget can therefore be exceeded by at most this much per connection.
     */
    public static final long FAIR_SHARE = 128 << 10;

    private final long limit;
    private final AtomicLong used = new AtomicLong();

    private MemoryBudget(long limit) {
        this.limit = limit;
    }

    /**
     * A budget of {@code bytes}.
     *
     * @param bytes the limit
     * @return the budget
     */
    public static MemoryBudget ofBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("a memory budget must be positive: " + bytes);
        }
        return new MemoryBudget(bytes);
    }

    /**
     * A quarter of the heap this JVM may grow to ({@code -Xmx}): the default for a server.
     *
     * @return the budget
     */
    public static MemoryBudget quarterOfHeap() {
        return ofBytes(Math.max(FAIR_SHARE, Runtime.getRuntime().maxMemory() / 4));
    }

    /** {@return the budget in bytes} */
    public long limit() {
        return limit;
    }

    /** {@return the bytes held now by all connections sharing the budget} */
    public long used() {
        return used.get();
    }

    /** {@return whether the budget is spent: connections holding more than {@link #FAIR_SHARE} stop reading} */
    public boolean isSpent() {
        return used.get() >= limit;
    }

    void acquire(long bytes) {
        used.addAndGet(bytes);
    }

    /** Paused readers notice the room within their recheck interval; nothing is woken here. */
    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    @Override
    public String toString() {
        return "MemoryBudget[" + used.get() + " of " + limit + " bytes]";
    }
}
