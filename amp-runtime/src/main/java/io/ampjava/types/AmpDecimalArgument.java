package io.ampjava.types;

import java.nio.charset.StandardCharsets;

/**
 * AMP {@code Decimal} ↔ {@link AmpDecimal}: every value Python's {@code decimal.Decimal} can send,
 * including {@code -0}, {@code Infinity}, {@code NaN}, {@code sNaN} and NaN payloads. Declare an
 * argument with this type rather than {@link DecimalArgument} when the peer may send those. The wire
 * text is Python's {@code str(Decimal)}; decoding accepts what the {@code Decimal} constructor
 * accepts (see {@link AmpDecimal#parse}).
 */
public final class AmpDecimalArgument implements ArgumentType<AmpDecimal> {
    /** The one instance. */
    public static final AmpDecimalArgument INSTANCE = new AmpDecimalArgument();

    private AmpDecimalArgument() {}

    @Override
    public byte[] toWire(AmpDecimal value, ArgumentContext context) {
        return value.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public AmpDecimal fromWire(byte[] wire, ArgumentContext context) {
        return decode(wire);
    }

    /** Parses wire bytes as Twisted does: ASCII, then Python's {@code Decimal(str)}. */
    static AmpDecimal decode(byte[] wire) {
        try {
            // ISO-8859-1 maps each byte to one char; the parser then refuses anything above 0x7f.
            return AmpDecimal.parse(new String(wire, StandardCharsets.ISO_8859_1));
        } catch (NumberFormatException e) {
            // The message names the text, escaped.
            throw new BadArgumentException(e.getMessage(), e);
        }
    }
}
