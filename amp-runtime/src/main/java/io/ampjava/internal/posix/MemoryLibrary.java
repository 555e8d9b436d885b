package io.ampjava.internal.posix;

/**
 * glibc's {@code malloc_trim}: gives the memory that {@code free} kept for later back to the system.
 * Internal to amp-java (public only because jnr-ffi implements it from another class loader).
 */
public interface MemoryLibrary {
    /** Returns 1 if memory was given back, 0 if none could be. */
    int malloc_trim(long pad);
}
