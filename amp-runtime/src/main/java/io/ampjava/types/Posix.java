package io.ampjava.types;

import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;

/** The process's native POSIX binding, loaded on first use (only descriptor users pay for it). */
final class Posix {
    private Posix() {}

    private static final class Holder {
        static final POSIX POSIX = POSIXFactory.getNativePOSIX();
    }

    static POSIX get() {
        return Holder.POSIX;
    }
}
