package io.ampjava.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The little DER that reading PEM keys needs: reading a value's tag and content, and writing the
 * few types a PKCS#8 wrapper is made of. The JDK reads PKCS#8 keys but not the traditional OpenSSL
 * forms, and has no public DER API.
 *
 * <p>Only definite lengths (DER has no other), single-byte tags, lengths below 2 GiB.
 */
final class Der {
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private Der() {}

    /** A tag and its content, a view into the encoding it was read from. */
    record Value(int tag, byte[] encoding, int contentStart, int contentEnd) {
        byte[] content() {
            return Arrays.copyOfRange(encoding, contentStart, contentEnd);
        }

        /** The values this one is made of (for a SEQUENCE or a context-tagged constructed value). */
        List<Value> children() {
            List<Value> children = new ArrayList<>();
            for (int at = contentStart; at < contentEnd; ) {
                Value child = readAt(encoding, at, contentEnd);
                children.add(child);
                at = child.contentEnd;
            }
            return children;
        }

        /** Dotted form of an OBJECT IDENTIFIER's content. */
        String oid() {
            StringBuilder dotted = new StringBuilder();
            long arc = 0;
            for (int i = contentStart; i < contentEnd; i++) {
                arc = (arc << 7) | (encoding[i] & 0x7f);
                if ((encoding[i] & 0x80) == 0) {
                    if (dotted.length() == 0) {
                        int first = (int) Math.min(arc / 40, 2);
                        dotted.append(first).append('.').append(arc - 40L * first);
                    } else {
                        dotted.append('.').append(arc);
                    }
                    arc = 0;
                }
            }
            return dotted.toString();
        }
    }

    /**
     * Reads the one value {@code der} holds, which must fill it exactly.
     *
     * @throws IllegalArgumentException naming what is wrong: truncated, or bytes left over
     */
    static Value read(byte[] der) {
        Value value = readAt(der, 0, der.length);
        if (value.contentEnd != der.length) {
            throw new IllegalArgumentException((der.length - value.contentEnd) + " bytes follow the DER value");
        }
        return value;
    }

    private static Value readAt(byte[] der, int start, int end) {
        if (end - start < 2) {
            throw new IllegalArgumentException("truncated: a DER value needs at least 2 bytes, " + (end - start) + " left");
        }
        int tag = der[start] & 0xff;
        int at = start + 1;
        long length = der[at++] & 0xff;
        if (length >= 0x80) {
            int bytes = (int) length & 0x7f;
            if (bytes == 0 || bytes > 4 || end - at < bytes) {
                throw new IllegalArgumentException("a DER length that is indefinite, too long or cut off");
            }
            length = 0;
            for (int i = 0; i < bytes; i++) {
                length = (length << 8) | (der[at++] & 0xff);
            }
        }
        if (length > end - at) {
            throw new IllegalArgumentException("truncated: the DER value says " + length + " bytes, " + (end - at) + " are there");
        }
        return new Value(tag, der, at, at + (int) length);
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(length >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return tlv(SEQUENCE, out.toByteArray());
    }

    static byte[] integer(BigInteger value) {
        return tlv(INTEGER, value.toByteArray());
    }

    static byte[] octets(byte[] value) {
        return tlv(OCTET_STRING, value);
    }

    static byte[] nullValue() {
        return tlv(NULL, new byte[0]);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, Long.parseLong(parts[0]) * 40 + Long.parseLong(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            writeArc(out, Long.parseLong(parts[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long arc) {
        int groups = 1;
        while (groups < 10 && (arc >>> (7 * groups)) != 0) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            out.write((int) ((arc >>> (7 * g)) & 0x7f) | (g > 0 ? 0x80 : 0));
        }
    }
}
