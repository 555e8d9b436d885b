package io.ampjava.tls;

import io.ampjava.transport.Transport;
import io.ampjava.transport.TransportRole;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How one side runs TLS on a connection: its own certificate, how it checks the peer's, and, for
 * transports that cannot tell, which TLS role it takes. Immutable; made with {@link #builder()}.
 *
 * <p>Peer verification follows Twisted's {@code tls_verifyAuthorities}: it is <b>on by default
 * when trust is given</b> ({@link Builder#trustAnchors}, {@link Builder#trustManagers} or an
 * {@link Builder#sslContext}), and then the peer must present a certificate chain the trust managers
 * accept: a TLS client checks the server's, a TLS server asks for the client's and refuses a client
 * without one. Without trust, this side accepts any certificate from the peer and, as a server, asks
 * for none: the traffic is encrypted but the peer is anonymous.
 *
 * <p>Host names are checked only when one is given ({@link Builder#hostName}): a TLS client then
 * sends it as SNI and refuses a server certificate that does not name it, by the JDK's HTTPS rules
 * (RFC 2818: DNS or IP subject alternative names, wildcards, the common name when there is no DNS
 * name). Without one, any host's certificate passes that the trust managers accept, as with Twisted's
 * {@code CertificateOptions} (and so its StartTLS); Twisted's {@code optionsForClientTLS(hostname)} is
 * the checking kind.
 *
 * <p>A TLS server needs a certificate ({@link Builder#identity} or {@link Builder#keyManagers}).
 * Unlike Twisted, which makes a throwaway self-signed certificate when the answering side has none,
 * a server without one refuses StartTLS.
 *
 * <pre>{@code
 * // the accepting side: its certificate, and client certificates required from this CA
 * TlsOptions server = TlsOptions.builder().identity(serverKey, serverCertificate).trustAnchors(ca).build();
 * // the connecting side: checks the server against the CA, presents its own certificate
 * TlsOptions client = TlsOptions.builder().identity(clientKey, clientCertificate).trustAnchors(ca).build();
 * // the same from PEM files, and the server's certificate must name the host
 * TlsOptions checked = TlsOptions.builder()
 *         .identityFromPem(Path.of("client.pem"), Path.of("client.key"))
 *         .trustAnchorsFromPem(Path.of("ca.pem"))
 *         .hostName("amp.example.com")
 *         .build();
 * }</pre>
 */
public final class TlsOptions {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final SSLContext context;
    private final boolean verifyPeer;
    private final boolean canServe;
    private final TransportRole role;
    private final Consumer<? super SSLEngine> engineSetup;
    private final Duration handshakeTimeout;
    private final String hostName;

    private TlsOptions(Builder builder, SSLContext context, boolean verifyPeer) {
        this.context = context;
        this.verifyPeer = verifyPeer;
        // A caller-made context may hold a certificate we cannot see: let the handshake decide.
        this.canServe = builder.keyManagers != null || builder.context != null;
        this.role = builder.role;
        this.engineSetup = builder.engineSetup;
        this.handshakeTimeout = builder.handshakeTimeout;
        this.hostName = builder.hostName;
    }

    /**
     * Starts a description; with nothing set, this side is an anonymous TLS client that checks nothing.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return whether the peer must present a certificate that the trust managers accept} */
    public boolean verifiesPeer() {
        return verifyPeer;
    }

    /** {@return how long a StartTLS handshake may take before the connection gives up; zero for no limit} */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** {@return the host name (or IP address) the server's certificate must name, when one was given} */
    public Optional<String> hostName() {
        return Optional.ofNullable(hostName);
    }

    /** {@return the role forced by {@link Builder#role}, or {@link TransportRole#UNKNOWN} to follow the transport} */
    public TransportRole role() {
        return role;
    }

    /**
     * The TLS role this side takes on {@code transport}: the role set here, else the transport's
     * (the connecting side is the TLS client).
     *
     * @param transport the connection's transport
     * @return the TLS role: client or server
     * @throws SSLException when neither knows
     */
    public TransportRole roleOn(Transport transport) throws SSLException {
        TransportRole chosen = role != TransportRole.UNKNOWN ? role : transport.role();
        if (chosen == TransportRole.UNKNOWN) {
            throw new SSLException("cannot tell which side of " + transport.describe()
                    + " is the TLS client: the transport does not know who connected; set TlsOptions.Builder.role");
        }
        return chosen;
    }

    /**
     * A new engine for one connection in {@code tlsRole}, configured by these options.
     *
     * @param tlsRole this side's TLS role
     * @return the engine
     * @throws SSLException when {@code tlsRole} is the server and there is no certificate, or the
     *     role is unknown
     */
    public SSLEngine createEngine(TransportRole tlsRole) throws SSLException {
        Objects.requireNonNull(tlsRole, "tlsRole");
        if (tlsRole == TransportRole.UNKNOWN) {
            throw new SSLException("a TLS engine needs to know whether it is the client or the server");
        }
        if (tlsRole == TransportRole.SERVER && !canServe) {
            throw new SSLException("this side is the TLS server (it accepted the connection) but its TLS options"
                    + " hold no certificate");
        }
        SSLEngine engine;
        if (tlsRole == TransportRole.CLIENT && hostName != null) {
            // The engine's peer host is what the JDK's host check reads: without it, it refuses all.
            engine = context.createSSLEngine(hostName, -1);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpAddress(hostName)) {
                parameters.setServerNames(List.of(new SNIHostName(hostName))); // the JDK sends none for a name without a dot
            }
            engine.setSSLParameters(parameters);
        } else {
            engine = context.createSSLEngine();
            engine.setUseClientMode(tlsRole == TransportRole.CLIENT);
        }
        if (tlsRole == TransportRole.SERVER && verifyPeer) {
            engine.setNeedClientAuth(true);
        }
        if (engineSetup != null) {
            engineSetup.accept(engine);
        }
        return engine;
    }

    /** SNI carries host names only (RFC 6066); the JDK's host check matches IP addresses against IP names. */
    private static boolean isIpAddress(String host) {
        return host.indexOf(':') >= 0 || IPV4.matcher(host).matches();
    }

    @Override
    public String toString() {
        return "TlsOptions[" + (canServe ? "certificate" : "no certificate") + ", "
                + (verifyPeer ? "verifies the peer" : "anonymous peer")
                + (hostName == null ? "" : ", host " + hostName)
                + (role == TransportRole.UNKNOWN ? "" : ", role " + role) + "]";
    }

    /** Builds {@link TlsOptions}. Set either a context or the managers (or their shortcuts), not both. */
    public static final class Builder {
        private KeyManager[] keyManagers;
        private TrustManager[] trustManagers;
        private SSLContext context;
        private Boolean verifyPeer;
        private TransportRole role = TransportRole.UNKNOWN;
        private Consumer<? super SSLEngine> engineSetup;
        private Duration handshakeTimeout = Duration.ofSeconds(30);
        private String hostName;
        private String conflict;

        private Builder() {}

        /**
         * This side's certificate: its private key and the chain, its own certificate first.
         *
         * @param key the private key
         * @param chain the certificate chain, this side's certificate first
         * @return this builder
         */
        public Builder identity(PrivateKey key, X509Certificate... chain) {
            Objects.requireNonNull(key, "key");
            if (chain.length == 0) {
                throw new IllegalArgumentException("an identity needs at least its own certificate");
            }
            try {
                char[] password = "identity".toCharArray(); // the store never leaves this method
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("identity", key, password, chain.clone());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, password);
                return keyManagers(factory.getKeyManagers());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot use this key and certificate: " + e.getMessage(), e);
            }
        }

        /**
         * This side's certificate from PEM files, as OpenSSL writes them: the chain in
         * {@code certificateChain} (its own certificate first, then the intermediates), the private
         * key in {@code privateKey}, unencrypted, as {@code PRIVATE KEY} (PKCS#8),
         * {@code RSA PRIVATE KEY} or {@code EC PRIVATE KEY}. Both may name the same file.
         *
         * @param certificateChain the PEM file of the chain
         * @param privateKey the PEM file of the private key
         * @return this builder
         * @throws IllegalArgumentException naming the file and what is wrong with it: no PEM block,
         *     bad base64, an encrypted or unsupported key, a key that does not belong to the first
         *     certificate...
         * @throws java.io.UncheckedIOException when a file cannot be read
         */
        public Builder identityFromPem(Path certificateChain, Path privateKey) {
            PemIdentity identity = PemIdentity.load(certificateChain, privateKey);
            return identity(identity.key(), identity.chain());
        }

        /**
         * This side's certificate from one PEM file holding the private key and the chain, the
         * file Twisted's {@code PrivateCertificate.loadPEM} reads. Same forms and errors as
         * {@link #identityFromPem(Path, Path)}.
         *
         * @param keyAndCertificates the PEM file of the key and the chain
         * @return this builder
         */
        public Builder identityFromPem(Path keyAndCertificates) {
            return identityFromPem(keyAndCertificates, keyAndCertificates);
        }

        /**
         * This side's certificates, as standard key managers (e.g. from a {@link KeyManagerFactory}).
         *
         * @param managers the key managers
         * @return this builder
         */
        public Builder keyManagers(KeyManager... managers) {
            if (keyManagers != null) {
                conflict = "set only one of identity and keyManagers";
            }
            keyManagers = managers.clone();
            return this;
        }

        /**
         * Verifies the peer against these certificate authorities (or self-signed certificates).
         *
         * @param anchors the trusted certificates
         * @return this builder
         */
        public Builder trustAnchors(X509Certificate... anchors) {
            if (anchors.length == 0) {
                throw new IllegalArgumentException("no trust anchors given");
            }
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                for (int i = 0; i < anchors.length; i++) {
                    store.setCertificateEntry("anchor-" + i, Objects.requireNonNull(anchors[i], "anchor"));
                }
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                return trustManagers(factory.getTrustManagers());
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalArgumentException("cannot trust these certificates: " + e.getMessage(), e);
            }
        }

        /**
         * Verifies the peer against every certificate in these PEM files (a CA, a bundle of CAs,
         * or self-signed certificates); like Twisted's {@code Certificate.loadPEM} for each.
         *
         * @param files the PEM files
         * @return this builder
         * @throws IllegalArgumentException naming the file and what is wrong with it
         * @throws java.io.UncheckedIOException when a file cannot be read
         */
        public Builder trustAnchorsFromPem(Path... files) {
            if (files.length == 0) {
                throw new IllegalArgumentException("no trust anchor files given");
            }
            List<X509Certificate> anchors = new ArrayList<>();
            for (Path file : files) {
                anchors.addAll(PemFile.read(file).certificates());
            }
            return trustAnchors(anchors.toArray(new X509Certificate[0]));
        }

        /**
         * Verifies the peer with these standard trust managers (e.g. from a {@link TrustManagerFactory}).
         *
         * @param managers the trust managers
         * @return this builder
         */
        public Builder trustManagers(TrustManager... managers) {
            if (trustManagers != null) {
                conflict = "set only one of trustAnchors and trustManagers";
            }
            trustManagers = managers.clone();
            return this;
        }

        /**
         * Uses a ready context instead of managers. Its trust managers always check the server's
         * certificate when this side is the TLS client; {@link #verifyPeer} (on by default) decides
         * whether a TLS server demands a client certificate.
         *
         * @param sslContext the context
         * @return this builder
         */
        public Builder sslContext(SSLContext sslContext) {
            context = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Whether the peer must present a certificate the trust managers accept; by default, exactly
         * when trust was given. Turning it on needs trust; turning it off with trust given makes this
         * side ignore that trust (a client accepts any server, a server asks for no client certificate).
         *
         * @param verify whether to verify the peer
         * @return this builder
         */
        public Builder verifyPeer(boolean verify) {
            verifyPeer = verify;
            return this;
        }

        /**
         * Forces the TLS role, for transports that do not know who connected (pipes, in-memory pairs).
         * By default the connecting side is the TLS client, as in Twisted.
         *
         * @param tlsRole the role this side takes
         * @return this builder
         */
        public Builder role(TransportRole tlsRole) {
            role = Objects.requireNonNull(tlsRole, "tlsRole");
            return this;
        }

        /**
         * The name (or IP address) of the host this side connects to. As the TLS client, this side
         * then sends it as SNI (unless it is an IP address) and refuses a server certificate that
         * does not name it (the JDK's endpoint identification, {@code "HTTPS"}); the refusal names the
         * expected host and the certificate's names (with an {@link #sslContext}, the JDK's message
         * alone, which names the expected host). Needs the peer verified: a certificate nobody checks
         * could name any host. As the TLS server, this side ignores it.
         *
         * @param host a DNS name, an IPv4 address, or an IPv6 address with or without brackets
         * @return this builder
         * @throws IllegalArgumentException when {@code host} is none of these
         */
        public Builder hostName(String host) {
            Objects.requireNonNull(host, "host");
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            if (!isIpAddress(bare)) {
                try {
                    new SNIHostName(bare); // the same rules the handshake will apply
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("not a host name: \"" + host + "\" (" + e.getMessage() + ")", e);
                }
            }
            hostName = bare;
            return this;
        }

        /**
         * Adjusts each engine after the options are applied: protocols, cipher suites, other
         * {@code SSLParameters}. (Host names: {@link #hostName}.)
         *
         * @param setup called with each new engine
         * @return this builder
         */
        public Builder configureEngine(Consumer<? super SSLEngine> setup) {
            engineSetup = Objects.requireNonNull(setup, "setup");
            return this;
        }

        /**
         * How long a StartTLS handshake may take; past it the connection closes and the calls fail
         * with {@link PeerVerifyException}, instead of waiting forever for a peer that answered
         * StartTLS and then never spoke TLS. 30 seconds by default; {@link Duration#ZERO} for no limit
         * (Twisted has none).
         *
         * @param timeout the bound, or {@link Duration#ZERO} for none
         * @return this builder
         */
        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("negative handshake timeout: " + timeout);
            }
            handshakeTimeout = timeout;
            return this;
        }

        /**
         * Makes the options.
         *
         * @return the options
         * @throws IllegalStateException when the settings contradict each other
         * @throws IllegalArgumentException when the JDK cannot make a TLS context from them
         */
        public TlsOptions build() {
            if (conflict != null) {
                throw new IllegalStateException(conflict);
            }
            if (context != null && (keyManagers != null || trustManagers != null)) {
                throw new IllegalStateException("set either an SSLContext or key and trust managers, not both");
            }
            boolean trustGiven = trustManagers != null || context != null;
            boolean verify = verifyPeer != null ? verifyPeer : trustGiven;
            if (verify && !trustGiven) {
                throw new IllegalStateException("verifying the peer needs trust: trustAnchors, trustManagers or an SSLContext");
            }
            if (hostName != null && !verify) {
                throw new IllegalStateException("checking the host name needs the peer verified (trustAnchors, trustManagers"
                        + " or an SSLContext, and verifyPeer not turned off): a certificate nobody checks could name any host");
            }
            SSLContext made = context;
            if (made == null) {
                try {
                    made = SSLContext.getInstance("TLS");
                    made.init(keyManagers, verify ? withHostNames(trustManagers) : new TrustManager[] {AnyCertificate.INSTANCE}, null);
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("cannot make a TLS context: " + e.getMessage(), e);
                }
            }
            return new TlsOptions(this, made, verify);
        }

        /** The trust managers, those the JDK checks host names with explaining a refusal better. */
        private TrustManager[] withHostNames(TrustManager[] managers) {
            if (hostName == null) {
                return managers;
            }
            TrustManager[] wrapped = managers.clone();
            for (int i = 0; i < wrapped.length; i++) {
                if (wrapped[i] instanceof X509ExtendedTrustManager) {
                    wrapped[i] = new HostNameTrustManager((X509ExtendedTrustManager) wrapped[i], hostName);
                }
            }
            return wrapped;
        }
    }

    /**
     * Accepts every certificate: the anonymous peer of Twisted's StartTLS without
     * {@code tls_verifyAuthorities}. An extended manager, so the JDK adds no checks of its own.
     */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        static final AnyCertificate INSTANCE = new AnyCertificate();

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
