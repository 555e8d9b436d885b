package io.ampjava.internal.io;

import io.ampjava.internal.concurrent.SharedTimer;
import io.ampjava.internal.posix.NativePosix;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gives native memory freed by amp-java back to the system after a burst of frees. glibc's
 * {@code free} keeps most freed memory in its arenas for later, so a server whose connections came
 * and went in their hundreds would keep the resident size of its busiest moment although every
 * connection's buffers were freed. Once {@value #TRIM_AFTER_BYTES} bytes have been freed, a
 * {@code malloc_trim} runs on the {@link SharedTimer} half a second later, one for the whole burst.
 * Where there is no glibc, nothing happens. Internal to amp-java.
 */
public final class NativeHeap {
    /** Freed bytes that make a trim worth its cost (a few milliseconds). */
    static final long TRIM_AFTER_BYTES = 4L << 20;
    private static final long DELAY_MILLIS = 500;

    private static final AtomicLong FREED = new AtomicLong();
    private static final AtomicBoolean SCHEDULED = new AtomicBoolean();
    private static volatile boolean unavailable;

    private NativeHeap() {}

    /** {@code bytes} of native memory were just freed. */
    public static void freed(long bytes) {
        if (unavailable || FREED.addAndGet(bytes) < TRIM_AFTER_BYTES || !SCHEDULED.compareAndSet(false, true)) {
            return;
        }
        try {
            SharedTimer.schedule(NativeHeap::trim, DELAY_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Throwable noThread) {
            SCHEDULED.set(false); // the next free tries again
        }
    }

    private static void trim() {
        FREED.set(0);
        SCHEDULED.set(false);
        try {
            NativePosix.memory().malloc_trim(0);
        } catch (Throwable notGlibc) {
            unavailable = true;
        }
    }
}
