package sneak;

import io.ampjava.internal.io.DirectBuffers;

final class Sneak {
    void free(java.nio.ByteBuffer buffer) {
        DirectBuffers.free(buffer);
    }
}
