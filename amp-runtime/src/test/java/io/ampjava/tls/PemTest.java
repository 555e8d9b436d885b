package io.ampjava.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ampjava.transport.TransportRole;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PEM identities and trust anchors: every key form OpenSSL writes (fixtures in {@code pem/}, made
 * by the commands in its README), chains and combined files, and a message naming the file and
 * the fault for each kind of bad input.
 */
@Timeout(30)
class PemTest {
    private static final TestCertificates CERTIFICATES = TestCertificates.shared();

    @TempDir
    Path directory;

    private static Path fixture(String name) {
        try {
            return Path.of(PemTest.class.getResource("pem/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path file(String name, String text) throws Exception {
        return Files.writeString(directory.resolve(name), text, StandardCharsets.US_ASCII);
    }

    private static PrivateKey key(Path file) {
        return PemFile.read(file).privateKey();
    }

    private static String failure(Runnable load) {
        return assertThrows(IllegalArgumentException.class, load::run).getMessage();
    }

    // ---------------------------------------------------------------------------------------------
    // The forms

    @Test
    void traditionalAndPkcs8RsaKeysAreTheSameKey() {
        RSAPrivateCrtKey pkcs1 = (RSAPrivateCrtKey) key(fixture("rsa-pkcs1.key"));
        RSAPrivateCrtKey pkcs8 = (RSAPrivateCrtKey) key(fixture("rsa-pkcs8.key"));
        assertEquals(pkcs8.getModulus(), pkcs1.getModulus());
        assertEquals(pkcs8.getPrivateExponent(), pkcs1.getPrivateExponent());
        assertEquals(pkcs8.getCrtCoefficient(), pkcs1.getCrtCoefficient());
        assertArrayEquals(pkcs8.getEncoded(), pkcs1.getEncoded());
    }

    @Test
    void traditionalEcKeysAfterTheirParametersBlockAreTheSameKeyAsPkcs8() {
        ECPrivateKey sec1 = (ECPrivateKey) key(fixture("ec-sec1.key"));
        ECPrivateKey pkcs8 = (ECPrivateKey) key(fixture("ec-pkcs8.key"));
        assertEquals(pkcs8.getS(), sec1.getS());
        assertEquals(pkcs8.getParams().getCurve(), sec1.getParams().getCurve());
        assertEquals(256, sec1.getParams().getOrder().bitLength());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa-pkcs1", "rsa-pkcs8", "ec-sec1", "ec-pkcs8", "ed25519", "ed448", "rsapss"})
    void eachFormServesAHandshakeAsAnIdentityWithItsCertificateAsTheClientsAnchor(String form) throws Exception {
        Path certificate = fixture(form.substring(0, form.indexOf('-') < 0 ? form.length() : form.indexOf('-')) + ".crt");
        TlsOptions server = TlsOptions.builder().identityFromPem(certificate, fixture(form + ".key")).role(TransportRole.SERVER).build();
        TlsOptions client = TlsOptions.builder().trustAnchorsFromPem(certificate).role(TransportRole.CLIENT).build();
        Certificate[] presented = handshake(client, server);
        assertEquals(PemFile.read(certificate).certificates().get(0), presented[0]);
    }

    @Test
    void aCombinedFileWithKeyAndChainAsTwistedLoadsItServesTheWholeChain() throws Exception {
        // What Twisted's PrivateCertificate.loadPEM reads: the key, then the certificate, then more.
        Path combined = file("server.pem", CERTIFICATES.server.pem());
        TlsOptions server = TlsOptions.builder().identityFromPem(combined).role(TransportRole.SERVER).build();
        TlsOptions client = TlsOptions.builder().trustAnchorsFromPem(file("ca.pem", TestCertificates.pem(CERTIFICATES.ca)))
                .hostName("localhost").role(TransportRole.CLIENT).build();
        assertArrayEquals(CERTIFICATES.server.chain(), handshake(client, server));
    }

    @Test
    void aChainFileAndAKeyFileWithTextCrlfAndAttributesAroundTheBlocks() throws Exception {
        String chain = "Bag Attributes\r\n    friendlyName: server\r\nsubject=CN = localhost\r\n"
                + TestCertificates.pem(CERTIFICATES.server.certificate()).replace("\n", "\r\n")
                + "\r\nissuer text\r\n" + TestCertificates.pem(CERTIFICATES.ca).replace("\n", "\r\n");
        Path key = file("server.key", "Key Attributes: <No Attributes>\n" + TestCertificates.pemKey(CERTIFICATES.server.key()));
        TlsOptions server = TlsOptions.builder().identityFromPem(file("chain.pem", chain), key).role(TransportRole.SERVER).build();
        TlsOptions client = TlsOptions.builder().trustAnchors(CERTIFICATES.ca).role(TransportRole.CLIENT).build();
        assertArrayEquals(CERTIFICATES.server.chain(), handshake(client, server));
    }

    @Test
    void trustAnchorsComeFromEveryCertificateOfEveryFile() throws Exception {
        Path bundle = file("bundle.pem", TestCertificates.pem(CERTIFICATES.rogueCa) + TestCertificates.pem(CERTIFICATES.ca));
        Path other = fixture("ec.crt");
        TlsOptions client = TlsOptions.builder().trustAnchorsFromPem(other, bundle).role(TransportRole.CLIENT).build();
        TlsOptions server = TlsOptions.builder().identity(CERTIFICATES.rogueServer.key(), CERTIFICATES.rogueServer.chain())
                .role(TransportRole.SERVER).build();
        handshake(client, server); // the second certificate of the second file
        List<X509Certificate> read = PemFile.read(bundle).certificates();
        assertEquals(List.of(CERTIFICATES.rogueCa, CERTIFICATES.ca), read);
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input: each message names the file, the line where it helps, and the fault

    @Test
    void noPemBlockInAnEmptyATextOrABinaryFile() throws Exception {
        Path empty = file("empty.pem", "");
        assertEquals(empty + ": no PEM block (a -----BEGIN ...----- line) in this empty file",
                failure(() -> TlsOptions.builder().trustAnchorsFromPem(empty)));
        Path text = file("text.pem", "not\na certificate\n");
        assertEquals(text + ": no PEM block (a -----BEGIN ...----- line) in the 3 lines of this file",
                failure(() -> TlsOptions.builder().trustAnchorsFromPem(text)));
        Path der = Files.write(directory.resolve("ca.der"), CERTIFICATES.ca.getEncoded());
        assertEquals(der + ": no PEM block (a -----BEGIN ...----- line) in this binary file: DER?"
                + " openssl x509 -inform der (or pkey -inform der) converts it",
                failure(() -> TlsOptions.builder().trustAnchorsFromPem(der)));
    }

    @Test
    void boundariesThatDoNotPair() throws Exception {
        String certificate = TestCertificates.pem(CERTIFICATES.ca);
        Path noEnd = file("no-end.pem", certificate.substring(0, certificate.indexOf("-----END")));
        assertEquals(noEnd + ": line 1: the CERTIFICATE block has no END line: the file is cut short",
                failure(() -> TlsOptions.builder().trustAnchorsFromPem(noEnd)));
        Path nested = file("nested.pem", certificate.substring(0, certificate.indexOf("-----END")) + certificate);
        assertTrue(failure(() -> TlsOptions.builder().trustAnchorsFromPem(nested))
                .startsWith(nested + ": line 1: the CERTIFICATE block has no END line before the next BEGIN at line "));
        Path crossed = file("crossed.pem", certificate.replace("END CERTIFICATE", "END PRIVATE KEY"));
        assertTrue(failure(() -> TlsOptions.builder().trustAnchorsFromPem(crossed))
                .matches("\\Q" + crossed + "\\E: line \\d+: END PRIVATE KEY closes the BEGIN CERTIFICATE of line 1"));
        Path orphan = file("orphan.pem", "-----END CERTIFICATE-----\n");
        assertEquals(orphan + ": line 1: END CERTIFICATE without a BEGIN", failure(() -> TlsOptions.builder().trustAnchorsFromPem(orphan)));
    }

    @Test
    void badOrTruncatedBase64() throws Exception {
        String certificate = TestCertificates.pem(CERTIFICATES.ca);
        Path bad = file("bad.pem", certificate.replaceFirst("\n(.)", "\n*"));
        assertTrue(failure(() -> TlsOptions.builder().trustAnchorsFromPem(bad))
                .startsWith(bad + ": line 1: the CERTIFICATE block is not valid base64, or is cut short (Illegal base64 character 2a"));

        // Lines lost from the middle: what is left still decodes, but the DER says it is short.
        String[] lines = certificate.split("\n");
        String cut = String.join("\n", lines[0], lines[1], lines[2], lines[lines.length - 1]) + "\n";
        Path truncated = file("truncated.pem", cut);
        assertTrue(failure(() -> TlsOptions.builder().trustAnchorsFromPem(truncated))
                .matches("\\Q" + truncated + ": line 1: the CERTIFICATE block does not hold one whole DER value: truncated:"
                        + " the DER value says \\E\\d+ bytes, 9[0-9] are there"));

        // A cut that leaves a partial base64 unit.
        String body = certificate.substring(certificate.indexOf('\n') + 1, certificate.indexOf("-----END"));
        Path ragged = file("ragged.key", "-----BEGIN PRIVATE KEY-----\n" + body.substring(0, 61) + "\n-----END PRIVATE KEY-----\n");
        assertTrue(failure(() -> PemFile.read(ragged)).startsWith(ragged
                + ": line 1: the PRIVATE KEY block is not valid base64, or is cut short ("), failure(() -> PemFile.read(ragged)));

        Path empty = file("empty-block.pem", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        assertEquals(empty + ": line 1: the CERTIFICATE block is empty", failure(() -> PemFile.read(empty)));
    }

    @Test
    void aCertificateBlockThatHoldsSomethingElse() throws Exception {
        String key = Base64.getMimeEncoder().encodeToString(CERTIFICATES.server.key().getEncoded());
        Path wrong = file("wrong.pem", "text\n-----BEGIN CERTIFICATE-----\n" + key + "\n-----END CERTIFICATE-----\n");
        assertTrue(failure(() -> TlsOptions.builder().trustAnchorsFromPem(wrong))
                .startsWith(wrong + ": line 2: the CERTIFICATE block is not an X.509 certificate: "));
    }

    @Test
    void theWrongKindOfFile() throws Exception {
        Path keyOnly = fixture("ec-pkcs8.key");
        assertEquals(keyOnly + ": no CERTIFICATE block (it holds PRIVATE KEY at line 1)",
                failure(() -> TlsOptions.builder().trustAnchorsFromPem(keyOnly)));
        Path certificateOnly = fixture("ec.crt");
        assertEquals(certificateOnly + ": no private key block (it holds CERTIFICATE at line 1)",
                failure(() -> TlsOptions.builder().identityFromPem(certificateOnly, certificateOnly)));
        // Swapped arguments: the key file is read for the key first.
        assertEquals(certificateOnly + ": no private key block (it holds CERTIFICATE at line 1)",
                failure(() -> TlsOptions.builder().identityFromPem(keyOnly, certificateOnly)));
        Path twoKeys = file("two.key", Files.readString(keyOnly) + Files.readString(fixture("rsa-pkcs8.key")));
        assertEquals(twoKeys + ": 2 private keys, at lines 1, 6; give one", failure(() -> PemFile.read(twoKeys).privateKey()));
    }

    @Test
    void encryptedKeysInBothForms() {
        for (String name : List.of("encrypted-pkcs8.key", "encrypted-rsa.key")) {
            Path encrypted = fixture(name);
            assertEquals(encrypted + ": line 1: the private key is encrypted; give it unencrypted"
                    + " (openssl pkey -in encrypted.pem -out key.pem asks for the password and writes it so)",
                    failure(() -> TlsOptions.builder().identityFromPem(fixture("rsa.crt"), encrypted)));
        }
    }

    @Test
    void unsupportedKeyTypes() throws Exception {
        Path x25519 = fixture("x25519.key");
        assertEquals(x25519 + ": line 1: unsupported key type: X25519 (key agreement only, it cannot sign)"
                + " (supported: RSA, RSASSA-PSS, EC, Ed25519, Ed448)", failure(() -> key(x25519)));
        Path dsa = fixture("dsa.key");
        assertEquals(dsa + ": line 1: unsupported key type: DSA (supported: RSA, RSASSA-PSS, EC, Ed25519, Ed448)",
                failure(() -> key(dsa)));
        Path explicit = fixture("ec-explicit.key");
        assertEquals(explicit + ": line 1: unsupported key type: an EC key with explicit curve parameters (only named curves"
                + " are supported; openssl ec -param_enc named_curve rewrites it)", failure(() -> key(explicit)));
        Path openssh = file("id_ed25519", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n");
        assertEquals(openssh + ": line 1: unsupported key type: OPENSSH PRIVATE KEY"
                + " (readable: PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY)", failure(() -> key(openssh)));
    }

    @Test
    void keysThatAreNotWhatTheirLabelSays() throws Exception {
        String ecBody = Files.readString(fixture("ec-pkcs8.key")).replace("PRIVATE KEY", "RSA PRIVATE KEY");
        Path notRsa = file("not-rsa.key", ecBody);
        assertEquals(notRsa + ": line 1: not an RSA private key (PKCS#1): expected 9 integers, found 3 values",
                failure(() -> key(notRsa)));
        Path notEc = file("not-ec.key", Files.readString(fixture("rsa-pkcs1.key")).replace("RSA PRIVATE KEY", "EC PRIVATE KEY"));
        assertEquals(notEc + ": line 1: not an EC private key (SEC1): expected a version and the key octets",
                failure(() -> key(notEc)));
        String noCurve = pem("EC PRIVATE KEY", Der.sequence(Der.integer(java.math.BigInteger.ONE), Der.octets(new byte[32])));
        Path curveless = file("curveless.key", noCurve);
        assertEquals(curveless + ": line 1: the EC private key does not name its curve", failure(() -> key(curveless)));
        Path noAlgorithm = file("no-algorithm.key", pem("PRIVATE KEY",
                Der.sequence(Der.integer(java.math.BigInteger.ZERO), Der.integer(java.math.BigInteger.ZERO), Der.octets(new byte[8]))));
        assertEquals(noAlgorithm + ": line 1: not a PKCS#8 private key: no algorithm identifier", failure(() -> key(noAlgorithm)));
        Path garbled = file("garbled.key", pem("PRIVATE KEY", Der.sequence(Der.integer(java.math.BigInteger.ZERO),
                Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.nullValue()), Der.octets(new byte[] {1, 2, 3}))));
        assertTrue(failure(() -> key(garbled)).startsWith(garbled + ": line 1: the JDK cannot read this RSA private key: "),
                failure(() -> key(garbled)));
        Path notSequence = file("octets.key", pem("PRIVATE KEY", Der.octets(new byte[8])));
        assertEquals(notSequence + ": line 1: not a PKCS#8 private key: it does not start with a SEQUENCE",
                failure(() -> key(notSequence)));
    }

    @Test
    void aKeyThatDoesNotBelongToTheCertificate() throws Exception {
        Path certificate = fixture("ec.crt");
        Path otherEc = file("other.key", TestCertificates.pemKey(CERTIFICATES.client.key()));
        assertEquals("the private key in " + otherEc + " (EC) does not belong to the first certificate in " + certificate
                + " (CN=ec.example, EC)", failure(() -> TlsOptions.builder().identityFromPem(certificate, otherEc)));
        Path rsa = fixture("rsa-pkcs1.key");
        assertEquals("the private key in " + rsa + " (RSA) does not belong to the first certificate in " + certificate
                + " (CN=ec.example, EC)", failure(() -> TlsOptions.builder().identityFromPem(certificate, rsa)));
    }

    @Test
    void aChainWithTheCertificateOfTheKeyNotFirst() throws Exception {
        Path chain = file("chain.pem", TestCertificates.pem(CERTIFICATES.ca) + TestCertificates.pem(CERTIFICATES.server.certificate()));
        Path key = file("server.key", TestCertificates.pemKey(CERTIFICATES.server.key()));
        assertEquals("the private key in " + key + " (EC) does not belong to the first certificate in " + chain
                + " (CN=amp-java test CA, EC); it belongs to certificate 2 of the file (CN=localhost), which must come first",
                failure(() -> TlsOptions.builder().identityFromPem(chain, key)));
    }

    @Test
    void aMissingFileIsAnIoErrorNamingIt() {
        Path missing = directory.resolve("missing.pem");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> TlsOptions.builder().identityFromPem(missing));
        assertEquals("cannot read " + missing + ": java.nio.file.NoSuchFileException: " + missing, error.getMessage());
        assertInstanceOf(NoSuchFileException.class, error.getCause());
        assertThrows(IllegalArgumentException.class, () -> TlsOptions.builder().trustAnchorsFromPem());
    }

    // ---------------------------------------------------------------------------------------------

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** Runs both handshakes; the certificates the client was shown. */
    private static Certificate[] handshake(TlsOptions client, TlsOptions server) throws Exception {
        return TlsPair.handshake(client, server).client().getPeerCertificates();
    }
}
