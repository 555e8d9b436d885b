package io.ampjava.internal.io;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Frees direct buffers at once instead of when the collector finds them: a server that had
 * thousands of connections gives their native memory back as they close, not whenever a GC runs
 * (and {@link NativeHeap} makes the C library hand it on to the system). Internal to amp-java.
 *
 * <p>Uses {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}, as Netty and
 * Lucene do); where it is not available, {@link #free} does nothing and the collector frees the
 * buffer as before.
 */
public final class DirectBuffers {
    private static final sun.misc.Unsafe UNSAFE = unsafe();

    private DirectBuffers() {}

    /**
     * Frees {@code buffer}'s native memory now. The caller must be its only user and never touch it
     * (or any view of it) again: the memory may be reused at once.
     */
    public static void free(ByteBuffer buffer) {
        if (UNSAFE != null && buffer != null && buffer.isDirect()) {
            try {
                UNSAFE.invokeCleaner(buffer);
            } catch (IllegalArgumentException sliceOrDuplicate) {
                // Not the buffer that owns the memory: the collector frees it with its owner.
                return;
            }
            NativeHeap.freed(buffer.capacity());
        }
    }

    private static sun.misc.Unsafe unsafe() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException unavailable) {
            return null;
        }
    }
}
