package com.example.kv.client;

import com.example.kv.protocol.Changed;
import io.ampjava.annotations.Responder;
import java.util.function.BiConsumer;

/**
 * Answers the server's {@code Changed} calls, which come after a {@code Watch}, by handing each
 * change to a listener; the processor generates {@code ChangeHandlerLocator} from it. With the
 * client's responder executor (see {@link KeyValueClient#options}) the listener runs there and may
 * block: the server sends the next change only once this one is answered.
 */
public final class ChangeHandler {
    private final BiConsumer<String, byte[]> listener;

    public ChangeHandler(BiConsumer<String, byte[]> listener) {
        this.listener = listener;
    }

    @Responder(Changed.class)
    void changed(String key, byte[] value) {
        listener.accept(key, value);
    }
}
