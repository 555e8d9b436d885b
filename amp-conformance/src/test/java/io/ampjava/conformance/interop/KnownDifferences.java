package io.ampjava.conformance.interop;

import java.util.Map;

/**
 * Where Java deliberately answers differently from Twisted. Each entry is explained in
 * docs/interop.md; the suite pins the Java behaviour, so a difference can neither grow nor vanish
 * unnoticed.
 */
final class KnownDifferences {
    private KnownDifferences() {}

    /**
     * Twisted client rows the Java peer fails, with the exact detail it fails with. A DateTime whose
     * offset is beyond ±18:00 is valid in Python but cannot be an {@code OffsetDateTime}: the Java peer
     * rejects it like any undecodable argument (UNKNOWN, then close), as Twisted does past ±23:59.
     * A large value that breaks the scheme, the other way round: Java is the clearer one.
     */
    static final Map<String, String> TWISTED_CLIENT_ROWS_AGAINST_JAVA = Map.of(
            "echo_datetime_offset_beyond_18h", "RemoteAmpError: Code<UNKNOWN>: Unknown Error",
            // A large value in a form the scheme does not allow: the Java peer says what is wrong, and
            // keeps the connection (the box was read whole), where Twisted's LargeString raises a
            // ValueError, which Twisted answers with "Unknown Error" and a close.
            "echo_large_refused", "CheckFailed: description \"large value 'data' has the key b'data.1', which is not one"
                    + " of its 1 chunk keys (data.0): chunk keys of another value mixed in\"");

    /** EchoTypes vector rows whose values Java cannot decode, for the same reason. */
    static final Map<String, String> UNDECODABLE_VECTOR_ROWS = Map.of(
            "echo_datetime_offset_beyond_18h", "ZoneOffset");
}
