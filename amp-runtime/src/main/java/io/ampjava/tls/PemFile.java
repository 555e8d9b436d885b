package io.ampjava.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A PEM file (RFC 7468) as OpenSSL writes and reads it: {@code -----BEGIN label-----} and
 * {@code -----END label-----} lines around base64, OpenSSL's {@code Proc-Type} headers, and any text
 * between blocks, which is ignored. Gives the certificates and the private key it holds.
 *
 * <p>Every error is an {@link IllegalArgumentException} whose message starts with the file and,
 * for a bad block, the line where it begins; a file that cannot be read is an
 * {@link UncheckedIOException} naming it.
 */
final class PemFile {
    private static final Pattern BOUNDARY = Pattern.compile("-----(BEGIN|END) ([^-]*)-----\\s*");
    private static final String CERTIFICATE = "CERTIFICATE";

    /** One block: its label, the line of its BEGIN, the decoded DER, whether a header says it is encrypted. */
    record Block(String label, int line, byte[] der, boolean encrypted) {}

    private final String name;
    private final List<Block> blocks;

    private PemFile(String name, List<Block> blocks) {
        this.name = name;
        this.blocks = blocks;
    }

    /** Reads and checks every block of {@code file}. */
    static PemFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        return parse(file.toString(), bytes);
    }

    /** Checks every block of {@code bytes}, read from {@code name} (used in messages). */
    static PemFile parse(String name, byte[] bytes) {
        List<Block> blocks = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r?\n|\r", -1);
        String label = null;
        int begin = 0;
        boolean headersDone = false;
        boolean encrypted = false;
        StringBuilder base64 = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            Matcher boundary = BOUNDARY.matcher(lines[i].strip());
            if (boundary.matches() && boundary.group(1).equals("BEGIN")) {
                if (label != null) {
                    throw new IllegalArgumentException(name + ": line " + begin + ": the " + label
                            + " block has no END line before the next BEGIN at line " + line);
                }
                label = boundary.group(2);
                begin = line;
                headersDone = false;
                encrypted = false;
                base64.setLength(0);
            } else if (boundary.matches()) {
                if (label == null) {
                    throw new IllegalArgumentException(name + ": line " + line + ": END " + boundary.group(2) + " without a BEGIN");
                }
                if (!boundary.group(2).equals(label)) {
                    throw new IllegalArgumentException(name + ": line " + line + ": END " + boundary.group(2)
                            + " closes the BEGIN " + label + " of line " + begin);
                }
                // Only what is read here must be DER: not ciphertext, nor another program's format.
                boolean der = !encrypted && (label.equals(CERTIFICATE) || PrivateKeyDecoder.isReadable(label));
                blocks.add(new Block(label, begin, decode(name, label, begin, base64.toString(), der), encrypted));
                label = null;
            } else if (label != null) {
                String text = lines[i].strip();
                if (!headersDone && text.contains(":")) {
                    // RFC 1421 headers, which OpenSSL writes for encrypted traditional keys
                    encrypted |= text.toUpperCase(Locale.ROOT).startsWith("PROC-TYPE:") && text.toUpperCase(Locale.ROOT).contains("ENCRYPTED");
                } else {
                    headersDone |= !text.isEmpty();
                    base64.append(text);
                }
            }
        }
        if (label != null) {
            throw new IllegalArgumentException(name + ": line " + begin + ": the " + label
                    + " block has no END line: the file is cut short");
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException(name + ": no PEM block (a -----BEGIN ...----- line) in "
                    + (looksBinary(bytes) ? "this binary file: DER? openssl x509 -inform der (or pkey -inform der) converts it"
                            : bytes.length == 0 ? "this empty file" : "the " + lines.length + " lines of this file"));
        }
        return new PemFile(name, blocks);
    }

    private static byte[] decode(String name, String label, int line, String base64, boolean der) {
        String where = name + ": line " + line + ": the " + label + " block ";
        if (base64.isEmpty()) {
            throw new IllegalArgumentException(where + "is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + "is not valid base64, or is cut short (" + e.getMessage() + ")", e);
        }
        if (der) {
            try {
                Der.read(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + "does not hold one whole DER value: " + e.getMessage(), e);
            }
        }
        return bytes;
    }

    private static boolean looksBinary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 64); i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x09 || b > 0x7e || b > 0x0d && b < 0x20) {
                return true;
            }
        }
        return false;
    }

    /** The certificates, in the file's order; private keys are passed over. */
    List<X509Certificate> certificates() {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks) {
            if (block.label().equals(CERTIFICATE)) {
                try {
                    certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(block.der())));
                } catch (CertificateException e) {
                    throw new IllegalArgumentException(name + ": line " + block.line()
                            + ": the CERTIFICATE block is not an X.509 certificate: " + e.getMessage(), e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(name + ": no CERTIFICATE block (it holds " + labels() + ")");
        }
        return certificates;
    }

    /** The one private key; certificates are passed over. */
    PrivateKey privateKey() {
        List<Block> keys = blocks.stream().filter(block -> PrivateKeyDecoder.isPrivateKey(block.label())).collect(Collectors.toList());
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(name + ": no private key block (it holds " + labels() + ")");
        }
        if (keys.size() > 1) {
            throw new IllegalArgumentException(name + ": " + keys.size() + " private keys, at lines "
                    + keys.stream().map(key -> Integer.toString(key.line())).collect(Collectors.joining(", ")) + "; give one");
        }
        Block key = keys.get(0);
        try {
            return PrivateKeyDecoder.decode(key.label(), key.der(), key.encrypted());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": line " + key.line() + ": " + e.getMessage(), e);
        }
    }

    /** The file's name, as given. */
    String name() {
        return name;
    }

    private String labels() {
        return blocks.stream().map(block -> block.label() + " at line " + block.line()).collect(Collectors.joining(", "));
    }
}
