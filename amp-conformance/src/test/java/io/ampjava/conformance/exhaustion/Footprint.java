package io.ampjava.conformance.exhaustion;

/** What the server holds at one moment, measured from outside (see {@link ServerUnderAttack}). */
record Footprint(int descriptors, int threads, long residentKiB, Heap heap) {
    @Override
    public String toString() {
        return descriptors + " fds, " + threads + " threads, RSS " + residentKiB / 1024 + " MiB, heap after GC "
                + heap.liveKiB() + " KiB, " + heap.connections() + " AmpConnection and " + heap.directBuffers()
                + " DirectByteBuffer live";
    }
}
