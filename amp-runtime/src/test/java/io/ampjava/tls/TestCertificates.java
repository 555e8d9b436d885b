package io.ampjava.tls;

import static io.ampjava.tls.Der.integer;
import static io.ampjava.tls.Der.octets;
import static io.ampjava.tls.Der.oid;
import static io.ampjava.tls.Der.sequence;
import static io.ampjava.tls.Der.tlv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Certificates made at test time, in memory, in milliseconds: a test CA, a server and a client
 * certificate it signed, and a "rogue" CA with a server and a client certificate of its own (what a
 * peer that must be refused presents). EC P-256 keys, ECDSA with SHA-256, X.509 v3 with the
 * extensions OpenSSL and the JDK expect. The JDK has no public API to issue certificates and keytool
 * costs a JVM per step, so this writes the DER itself (with the runtime's {@link Der}).
 */
public final class TestCertificates {
    /** A private key and its certificate chain, own certificate first. */
    public record Identity(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
        public X509Certificate[] chain() {
            return new X509Certificate[] {certificate, issuer};
        }

        /** PKCS#8 key then the chain, as PEM (what Twisted's {@code PrivateCertificate.loadPEM} reads). */
        public String pem() {
            return pemKey(key) + TestCertificates.pem(certificate) + TestCertificates.pem(issuer);
        }
    }

    private static final List<String> LOCALHOST = List.of("localhost", "127.0.0.1");
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    public final X509Certificate ca;
    public final Identity server;
    public final Identity client;
    public final X509Certificate rogueCa;
    public final Identity rogueServer;
    public final Identity rogueClient;
    private final KeyPair caKeys;

    private TestCertificates(KeyPair caKeys, KeyPair rogueKeys) throws GeneralSecurityException {
        this.caKeys = caKeys;
        this.ca = issue("amp-java test CA", caKeys, "amp-java test CA", caKeys, true, List.of());
        this.server = leaf("localhost", ca, caKeys, LOCALHOST);
        this.client = leaf("amp-java test client", ca, caKeys, LOCALHOST);
        this.rogueCa = issue("rogue CA", rogueKeys, "rogue CA", rogueKeys, true, List.of());
        this.rogueServer = leaf("localhost", rogueCa, rogueKeys, LOCALHOST);
        this.rogueClient = leaf("rogue client", rogueCa, rogueKeys, LOCALHOST);
    }

    /**
     * A server certificate the test CA signed, with {@code commonName} and these subject
     * alternative names: IP addresses (IPv4 or IPv6 literals) or DNS names; none for a certificate without.
     */
    public Identity serverNamed(String commonName, String... alternativeNames) {
        try {
            return leaf(commonName, ca, caKeys, List.of(alternativeNames));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /** One set per test JVM: making them is cheap, but there is no reason to repeat it. */
    public static TestCertificates shared() {
        return Shared.INSTANCE;
    }

    /** Made on first use, once the DER constants below are initialized. */
    private static final class Shared {
        static final TestCertificates INSTANCE = create();
    }

    private static TestCertificates create() {
        try {
            return new TestCertificates(newKeys(), newKeys());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make test certificates", e);
        }
    }

    /** Writes PEM text to {@code file}. */
    public static Path write(Path file, String pem) throws IOException {
        return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    public static String pem(X509Certificate certificate) {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pemKey(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded()); // PKCS#8
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static Identity leaf(String name, X509Certificate issuer, KeyPair issuerKeys, List<String> alternativeNames)
            throws GeneralSecurityException {
        KeyPair keys = newKeys();
        X509Certificate certificate = issue(name, keys, subjectName(issuer), issuerKeys, false, alternativeNames);
        return new Identity(keys.getPrivate(), certificate, issuer);
    }

    private static String subjectName(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().substring("CN=".length());
    }

    // ---------------------------------------------------------------------------------------------
    // DER

    private static final String ECDSA_SHA256 = "1.2.840.10045.4.3.2";
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final String SUBJECT_KEY_ID = "2.5.29.14";
    private static final String AUTHORITY_KEY_ID = "2.5.29.35";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private static X509Certificate issue(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys, boolean ca,
            List<String> alternativeNames) throws GeneralSecurityException {
        Instant now = Instant.now();
        byte[] algorithm = sequence(oid(ECDSA_SHA256));
        List<byte[]> leafExtensions = new ArrayList<>(List.of(
                extension(BASIC_CONSTRAINTS, true, sequence()),
                extension(KEY_USAGE, true, bitString(new byte[] {(byte) 0x80}, 7)), // digitalSignature
                extension(SUBJECT_KEY_ID, false, octets(keyId(subjectKeys))),
                extension(AUTHORITY_KEY_ID, false, sequence(tlv(0x80, keyId(issuerKeys))))));
        if (!alternativeNames.isEmpty()) {
            leafExtensions.add(extension(SUBJECT_ALT_NAME, false, sequence(alternativeNames.stream()
                    .map(TestCertificates::generalName)
                    .toArray(byte[][]::new))));
        }
        byte[] extensions = ca
                ? sequence(
                        extension(BASIC_CONSTRAINTS, true, sequence(bool(true))),
                        extension(KEY_USAGE, true, bitString(new byte[] {0x06}, 1)), // keyCertSign, cRLSign
                        extension(SUBJECT_KEY_ID, false, octets(keyId(subjectKeys))))
                : sequence(leafExtensions.toArray(byte[][]::new));
        byte[] tbs = sequence(
                tlv(0xa0, integer(BigInteger.TWO)), // v3
                integer(BigInteger.valueOf(SERIALS.incrementAndGet())),
                algorithm,
                name(issuer),
                sequence(time(now.minus(Duration.ofHours(1))), time(now.plus(Duration.ofDays(2)))),
                name(subject),
                subjectKeys.getPublic().getEncoded(), // SubjectPublicKeyInfo, DER already
                tlv(0xa3, extensions));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(issuerKeys.getPrivate());
        signer.update(tbs);
        byte[] der = sequence(tbs, algorithm, bitString(signer.sign(), 0));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** An iPAddress [7] for an IPv4 or IPv6 literal, else a dNSName [2]. */
    private static byte[] generalName(String name) {
        if (name.matches("[0-9]+(\\.[0-9]+){3}") || name.contains(":")) {
            try {
                return tlv(0x87, InetAddress.getByName(name).getAddress()); // a literal: no lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(name, e);
            }
        }
        return tlv(0x82, name.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] keyId(KeyPair keys) throws GeneralSecurityException {
        return MessageDigest.getInstance("SHA-1").digest(keys.getPublic().getEncoded());
    }

    private static byte[] name(String commonName) {
        return sequence(tlv(0x31, sequence(oid(COMMON_NAME), tlv(0x0c, commonName.getBytes(StandardCharsets.UTF_8)))));
    }

    private static byte[] extension(String id, boolean critical, byte[] value) {
        return critical ? sequence(oid(id), bool(true), octets(value)) : sequence(oid(id), octets(value));
    }

    private static byte[] time(Instant instant) {
        return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xff : 0)});
    }

    private static byte[] bitString(byte[] bits, int unused) {
        byte[] content = new byte[bits.length + 1];
        content[0] = (byte) unused;
        System.arraycopy(bits, 0, content, 1, bits.length);
        return tlv(Der.BIT_STRING, content);
    }
}
