package io.ampjava.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key and its certificate chain read from PEM files, checked to belong together: the
 * key must be the private half of the first certificate, as a TLS server presents the chain in the
 * file's order.
 */
record PemIdentity(PrivateKey key, X509Certificate[] chain) {

    /**
     * Reads the chain from {@code certificates} and the key from {@code key}; they may be one file
     * holding both (Twisted's {@code PrivateCertificate.loadPEM} reads such a file).
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    static PemIdentity load(Path certificates, Path key) {
        PemFile keyFile = PemFile.read(key);
        PemFile chainFile = certificates.equals(key) ? keyFile : PemFile.read(certificates);
        PrivateKey privateKey = keyFile.privateKey();
        List<X509Certificate> chain = chainFile.certificates();
        if (!PrivateKeyDecoder.matches(privateKey, chain.get(0).getPublicKey())) {
            throw new IllegalArgumentException(mismatch(keyFile, privateKey, chainFile, chain));
        }
        return new PemIdentity(privateKey, chain.toArray(new X509Certificate[0]));
    }

    private static String mismatch(PemFile keyFile, PrivateKey key, PemFile chainFile, List<X509Certificate> chain) {
        X509Certificate first = chain.get(0);
        String message = "the private key in " + keyFile.name() + " (" + key.getAlgorithm() + ") does not belong to the first"
                + " certificate in " + chainFile.name() + " (" + first.getSubjectX500Principal().getName() + ", "
                + first.getPublicKey().getAlgorithm() + ")";
        for (int i = 1; i < chain.size(); i++) {
            if (PrivateKeyDecoder.matches(key, chain.get(i).getPublicKey())) {
                return message + "; it belongs to certificate " + (i + 1) + " of the file ("
                        + chain.get(i).getSubjectX500Principal().getName() + "), which must come first";
            }
        }
        return message;
    }
}
