package io.ampjava.benchmarks.codec;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** One value over 64 KiB, split across keys ({@code @Argument(large = true)}). */
@AmpCommand
public interface Upload {
    @Argument(large = true)
    byte[] data();
}
