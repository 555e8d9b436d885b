package io.ampjava.benchmarks.codec;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** One large {@code String} value (up to 65535 bytes). */
@AmpCommand
public interface Store {
    @Argument
    byte[] data();
}
