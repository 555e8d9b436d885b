package io.ampjava.benchmarks.codec;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;

/** One text over 64 KiB as UTF-8, split across keys ({@code @Argument(large = true)}). */
@AmpCommand
public interface UploadText {
    @Argument(large = true)
    String text();
}
