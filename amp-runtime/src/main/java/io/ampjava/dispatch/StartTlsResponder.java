package io.ampjava.dispatch;

import io.ampjava.tls.TlsOptions;
import io.ampjava.wire.Box;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Lets a connection answer the peer's {@code StartTLS}: its TLS options, found by the connection's
 * locator under the name {@code StartTLS}. Add it to a locator with {@link #locator}:
 *
 * <pre>{@code
 * TlsOptions tls = TlsOptions.builder().identity(key, certificate).build();
 * AmpServer server = Amp.listenTcp("0.0.0.0", 7000,
 *         () -> new CalculatorLocator(new Calculator()).or(StartTlsResponder.locator(tls)));
 * }</pre>
 *
 * <p>The connection then answers {@code StartTLS} with an empty box and starts TLS right after
 * writing it, in the role its transport gives (the side that accepted the connection is the TLS
 * server). A connection whose locator has none answers {@code TLS_ERROR} / {@code TLS not available}
 * and stays in the clear, as Twisted does without TLS support.
 */
public final class StartTlsResponder implements Responder {
    /** The command's wire name. */
    public static final String COMMAND = "StartTLS";

    /** The error code of a refused StartTLS. */
    public static final String ERROR_CODE = "TLS_ERROR";

    private final TlsOptions options;

    private StartTlsResponder(TlsOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A responder that starts TLS with {@code options}.
     *
     * @param options the TLS identity, trust and checks
     * @return the responder
     */
    public static StartTlsResponder of(TlsOptions options) {
        return new StartTlsResponder(options);
    }

    /**
     * A locator that knows {@code StartTLS} only, answered with {@code options}; chain it with
     * {@link ResponderLocator#or}.
     *
     * @param options the TLS identity, trust and checks
     * @return the locator
     */
    public static ResponderLocator locator(TlsOptions options) {
        StartTlsResponder responder = of(options);
        return new ResponderLocator() {
            @Override
            public Responder locate(String name) {
                return COMMAND.equals(name) ? responder : null;
            }

            @Override
            public Set<String> commandNames() {
                return Set.of(COMMAND);
            }

            @Override
            public String toString() {
                return "StartTlsResponder.locator";
            }
        };
    }

    /** {@return the options TLS starts with} */
    public TlsOptions options() {
        return options;
    }

    /** Not used: the connection answers StartTLS itself, since only it can start TLS after the answer. */
    @Override
    public CompletionStage<Box> respond(Box request, AmpConnection connection) {
        throw new UnsupportedOperationException("StartTLS is answered by its connection");
    }

    @Override
    public String toString() {
        return "StartTlsResponder[" + options + "]";
    }
}
