package io.ampjava.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust managers as given, with a better refusal when the server's certificate is for another
 * host: the JDK's own check (endpoint identification, which {@link TlsOptions} turns on) says only
 * which name it missed; this adds the names the certificate holds.
 *
 * <p>When the JDK refuses, the chain is checked once more without the session: if it passes on its
 * own, the refusal came from what the session adds, which is the host name check (or, rarely, the
 * session's algorithm constraints: the JDK's message, kept in the new one, says which).
 */
final class HostNameTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager delegate;
    private final String expected;

    HostNameTrustManager(X509ExtendedTrustManager delegate, String expected) {
        this.delegate = delegate;
        this.expected = expected;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        explainingRefusal(chain, authType, () -> delegate.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        explainingRefusal(chain, authType, () -> delegate.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** A check by the delegate. */
    private interface Check {
        void run() throws CertificateException;
    }

    private void explainingRefusal(X509Certificate[] chain, String authType, Check check) throws CertificateException {
        try {
            check.run();
        } catch (CertificateException refused) {
            if (chain.length == 0) {
                throw refused;
            }
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException | RuntimeException chainRefused) {
                throw refused; // the chain itself is refused: names are not the matter
            }
            throw new CertificateException("the server's certificate is for " + names(chain[0])
                    + ", not for the expected host " + expected + " (" + refused.getMessage() + ")", refused);
        }
    }

    /**
     * What the JDK's HTTPS check matches a host against: the DNS and IP subject alternative names,
     * and the common name when there is no DNS name.
     */
    static String names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        boolean dns = false;
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    int type = (Integer) alternative.get(0);
                    if (type == 2) {
                        names.add("DNS:" + alternative.get(1));
                        dns = true;
                    } else if (type == 7) {
                        names.add("IP:" + alternative.get(1));
                    }
                }
            }
        } catch (CertificateParsingException unreadable) {
            names.add("(unreadable subject alternative names)");
        }
        if (!dns) {
            String subject = certificate.getSubjectX500Principal().getName();
            names.add(subject.isEmpty() ? "no subject" : subject);
        }
        return String.join(", ", names);
    }
}
