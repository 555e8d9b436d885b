package io.ampjava.conformance.commands;

import io.ampjava.annotations.Argument;
import io.ampjava.types.AmpDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The fields {@link EchoTypes} sends and answers alike: every argument type, all optional. Java types
 * are chosen to hold everything Twisted can send: BigInteger for Integer, {@link AmpDecimal} for
 * Decimal (negative zero, NaN payloads, signalling NaN), byte[] for String.
 */
public interface EchoFields {
    @Argument(optional = true)
    BigInteger integer();

    @Argument(optional = true)
    byte[] string();

    @Argument(optional = true)
    String unicode();

    @Argument(value = "boolean", optional = true)
    Boolean booleanValue();

    @Argument(value = "float", optional = true)
    Double floatValue();

    @Argument(optional = true)
    AmpDecimal decimal();

    @Argument(optional = true)
    OffsetDateTime datetime();

    @Argument(optional = true)
    Path path();

    @Argument(optional = true)
    List<BigInteger> integers();

    @Argument(optional = true)
    List<String> unicodes();

    @Argument(optional = true)
    List<AmpDecimal> decimals();

    @Argument(optional = true)
    List<OffsetDateTime> datetimes();

    @Argument(optional = true)
    List<Item> items();

    @Argument(optional = true)
    List<Group> nested();

    /** An element of {@code items}. */
    interface Item {
        @Argument
        BigInteger x();

        @Argument(optional = true)
        String label();
    }

    /** An element of {@code nested}: an AmpList inside an AmpList. */
    interface Group {
        @Argument
        String name();

        @Argument
        List<Child> children();
    }

    /** An element of a {@link Group}'s {@code children}. */
    interface Child {
        @Argument
        BigInteger x();
    }
}
