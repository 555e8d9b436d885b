package io.ampjava.benchmarks.codec;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One argument of every value type (the conformance suite's {@code EchoTypes} without
 * {@code Descriptor}, which needs a socket, and with every argument required).
 */
@AmpCommand
public interface EveryType {
    @Argument
    long integer();

    @Argument
    BigInteger big();

    @Argument
    byte[] string();

    @Argument
    String unicode();

    @Argument("boolean")
    boolean bool();

    @Argument("float")
    double floating();

    @Argument
    BigDecimal decimal();

    @Argument
    OffsetDateTime datetime();

    @Argument
    Path path();

    @Argument
    List<Long> integers();

    @Argument
    List<String> unicodes();

    @Argument
    List<Item> items();

    /** An element of {@code items}: an AmpList record. */
    interface Item {
        @Argument
        long x();

        @Argument(optional = true)
        String label();
    }
}
