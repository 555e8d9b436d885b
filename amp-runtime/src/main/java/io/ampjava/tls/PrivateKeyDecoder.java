package io.ampjava.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;

/**
 * Private keys from the DER of the PEM forms OpenSSL writes: PKCS#8 ({@code PRIVATE KEY}),
 * traditional RSA ({@code RSA PRIVATE KEY}, PKCS#1) and traditional EC ({@code EC PRIVATE KEY},
 * SEC1). The JDK reads PKCS#8 only, so the traditional forms are wrapped into PKCS#8 first: the
 * wrapper is the key's algorithm identifier around the unchanged traditional key (RFC 5208, 5915).
 *
 * <p>Errors are {@link IllegalArgumentException}s that say what is wrong, for the caller to prefix
 * with the file and line.
 */
final class PrivateKeyDecoder {
    static final String PKCS8 = "PRIVATE KEY";
    static final String RSA = "RSA PRIVATE KEY";
    static final String EC = "EC PRIVATE KEY";
    static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";

    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    /** The key types a TLS handshake here can sign with, by PKCS#8 algorithm OID: JDK KeyFactory names. */
    private static final Map<String, String> SIGNING = Map.of(
            RSA_ENCRYPTION, "RSA",
            "1.2.840.113549.1.1.10", "RSASSA-PSS",
            EC_PUBLIC_KEY, "EC",
            "1.3.101.112", "Ed25519",
            "1.3.101.113", "Ed448");
    /** Known key types that cannot serve, named in the error. */
    private static final Map<String, String> OTHERS = Map.of(
            "1.2.840.10040.4.1", "DSA",
            "1.3.101.110", "X25519 (key agreement only, it cannot sign)",
            "1.3.101.111", "X448 (key agreement only, it cannot sign)",
            "1.2.840.113549.1.3.1", "DH (key agreement only, it cannot sign)");

    private PrivateKeyDecoder() {}

    /** Whether a PEM label names a private key of some kind, readable here or not. */
    static boolean isPrivateKey(String label) {
        return label.endsWith("PRIVATE KEY");
    }

    /** Whether a PEM label names a key form read here (perhaps only to say it is encrypted). */
    static boolean isReadable(String label) {
        return label.equals(PKCS8) || label.equals(RSA) || label.equals(EC) || label.equals(ENCRYPTED);
    }

    /**
     * The key in {@code der}, a block labelled {@code label}; {@code encryptedHeader} when the block
     * carries OpenSSL's {@code Proc-Type: 4,ENCRYPTED} header.
     */
    static PrivateKey decode(String label, byte[] der, boolean encryptedHeader) {
        if (label.equals(ENCRYPTED) || encryptedHeader) {
            throw new IllegalArgumentException("the private key is encrypted; give it unencrypted"
                    + " (openssl pkey -in encrypted.pem -out key.pem asks for the password and writes it so)");
        }
        switch (label) {
            case PKCS8:
                return pkcs8(der);
            case RSA:
                return pkcs8(wrapPkcs1(der));
            case EC:
                return pkcs8(wrapSec1(der));
            default:
                throw new IllegalArgumentException("unsupported key type: " + label
                        + " (readable: PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY)");
        }
    }

    /** PKCS#8 {@code PrivateKeyInfo} around a PKCS#1 {@code RSAPrivateKey}. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        List<Der.Value> fields = structure(pkcs1, "RSA private key (PKCS#1)");
        if (fields.size() < 9 || fields.get(0).tag() != Der.INTEGER) {
            throw new IllegalArgumentException("not an RSA private key (PKCS#1): expected 9 integers, found "
                    + fields.size() + " values");
        }
        return privateKeyInfo(Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nullValue()), pkcs1);
    }

    /**
     * PKCS#8 {@code PrivateKeyInfo} around a SEC1 {@code ECPrivateKey}, whose curve moves into the
     * algorithm identifier, as RFC 5915 asks.
     */
    static byte[] wrapSec1(byte[] sec1) {
        List<Der.Value> fields = structure(sec1, "EC private key (SEC1)");
        if (fields.size() < 2 || fields.get(0).tag() != Der.INTEGER || fields.get(1).tag() != Der.OCTET_STRING) {
            throw new IllegalArgumentException("not an EC private key (SEC1): expected a version and the key octets");
        }
        Der.Value curve = null;
        for (Der.Value field : fields.subList(2, fields.size())) {
            if (field.tag() == 0xa0) { // [0] ECParameters
                List<Der.Value> parameters = field.children();
                if (parameters.size() != 1 || parameters.get(0).tag() != Der.OID) {
                    throw new IllegalArgumentException("unsupported key type: an EC key with explicit curve parameters"
                            + " (only named curves are supported; openssl ec -param_enc named_curve rewrites it)");
                }
                curve = parameters.get(0);
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC private key does not name its curve");
        }
        return privateKeyInfo(Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curve.oid())), sec1);
    }

    private static byte[] privateKeyInfo(byte[] algorithm, byte[] traditionalKey) {
        return Der.sequence(Der.integer(BigInteger.ZERO), algorithm, Der.octets(traditionalKey));
    }

    private static PrivateKey pkcs8(byte[] der) {
        List<Der.Value> fields = structure(der, "PKCS#8 private key");
        if (fields.size() < 3 || fields.get(1).tag() != Der.SEQUENCE || fields.get(1).children().isEmpty()
                || fields.get(1).children().get(0).tag() != Der.OID) {
            throw new IllegalArgumentException("not a PKCS#8 private key: no algorithm identifier");
        }
        String oid = fields.get(1).children().get(0).oid();
        String algorithm = SIGNING.get(oid);
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported key type: " + OTHERS.getOrDefault(oid, "algorithm OID " + oid)
                    + " (supported: RSA, RSASSA-PSS, EC, Ed25519, Ed448)");
        }
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the JDK cannot read this " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    /** The fields of the SEQUENCE {@code der} must be. */
    private static List<Der.Value> structure(byte[] der, String what) {
        Der.Value value = Der.read(der);
        if (value.tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a " + what + ": it does not start with a SEQUENCE");
        }
        return value.children();
    }

    /**
     * Whether {@code key} is the private half of {@code publicKey}: equal moduli for RSA, else a
     * signature made with one that the other verifies.
     */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (key instanceof RSAKey && publicKey instanceof RSAKey) {
            return ((RSAKey) key).getModulus().equals(((RSAKey) publicKey).getModulus());
        }
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        try {
            String scheme = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : key.getAlgorithm();
            byte[] challenge = "amp-java key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(scheme);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(scheme);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a key of another curve or kind than the certificate's
        }
    }
}
