package io.ampjava.dispatch;

import io.ampjava.wire.BoxDecoder;
import java.util.concurrent.Executor;

/**
 * How an {@link AmpConnection} runs: its reader thread's name, where responders run, and the read
 * limits. Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * AmpConnection.open(transport, locator,
 *         ConnectionOptions.defaults().withResponderExecutor(pool).withThreadName("amp-worker-3"));
 * }</pre>
 */
public final class ConnectionOptions {
    private static final ConnectionOptions DEFAULTS = new ConnectionOptions(null, null, 64 * 1024, BoxDecoder.DEFAULT_MAX_KEYS);

    private final String threadName;
    private final Executor responderExecutor;
    private final int readBufferSize;
    private final int maxKeysPerBox;

    private ConnectionOptions(String threadName, Executor responderExecutor, int readBufferSize, int maxKeysPerBox) {
        this.threadName = threadName;
        this.responderExecutor = responderExecutor;
        this.readBufferSize = readBufferSize;
        this.maxKeysPerBox = maxKeysPerBox;
    }

    /** Responders on the reader thread, a 64 KiB read buffer, at most 4096 keys per box. */
    public static ConnectionOptions defaults() {
        return DEFAULTS;
    }

    /** The reader thread's name; by default {@code amp-reader <transport.describe()>}. */
    public ConnectionOptions withThreadName(String name) {
        return new ConnectionOptions(name, responderExecutor, readBufferSize, maxKeysPerBox);
    }

    /**
     * Runs each responder on {@code executor} instead of the reader thread, so responders may block
     * without stopping the connection. Requests then may start (and answer) in any order; null
     * restores the default.
     */
    public ConnectionOptions withResponderExecutor(Executor executor) {
        return new ConnectionOptions(threadName, executor, readBufferSize, maxKeysPerBox);
    }

    /** The reader's buffer: the most bytes one read can return. */
    public ConnectionOptions withReadBufferSize(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("read buffer size must be positive: " + bytes);
        }
        return new ConnectionOptions(threadName, responderExecutor, bytes, maxKeysPerBox);
    }

    /** A box with more keys than this is a protocol violation and closes the connection. */
    public ConnectionOptions withMaxKeysPerBox(int keys) {
        if (keys < 1) {
            throw new IllegalArgumentException("max keys per box must be positive: " + keys);
        }
        return new ConnectionOptions(threadName, responderExecutor, readBufferSize, keys);
    }

    /** The reader thread's name, or null for the default. */
    public String threadName() {
        return threadName;
    }

    /** Where responders run; null means the reader thread. */
    public Executor responderExecutor() {
        return responderExecutor;
    }

    public int readBufferSize() {
        return readBufferSize;
    }

    public int maxKeysPerBox() {
        return maxKeysPerBox;
    }
}
