package io.ampjava.dispatch;

import io.ampjava.transport.Transport;
import java.nio.ByteBuffer;
import java.util.function.IntConsumer;

/**
 * The base of the queue tests' recording transports: it carries descriptors, reads nothing, and
 * closing it does nothing; subclasses record what is written.
 */
abstract class WriteOnlyTransport implements Transport {
    private final String name;

    WriteOnlyTransport(String name) {
        this.name = name;
    }

    @Override
    public int read(ByteBuffer dst, IntConsumer descriptors) {
        throw new UnsupportedOperationException(name + " reads nothing");
    }

    @Override
    public boolean canPassDescriptors() {
        return true;
    }

    @Override
    public void shutdownOutput() {}

    @Override
    public void close() {}

    @Override
    public String describe() {
        return name;
    }
}
