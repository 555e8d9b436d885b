package io.ampjava.cli;

import io.ampjava.tls.TlsOptions;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The certificate options of a {@code tls:} address, for the side that connects ({@code amp call})
 * and the side that answers StartTLS ({@code amp serve}), read from PEM files as OpenSSL, Python
 * and Twisted write them.
 */
public final class TlsArguments {
    private static final String CERT = "--cert";
    private static final String KEY = "--key";
    private static final String CA = "--ca";
    private static final String SERVER_NAME = "--server-name";
    private static final String NO_HOST_CHECK = "--no-host-check";
    private static final String INSECURE = "--insecure";

    private TlsArguments() {}

    /** Adds the options of a connecting side. */
    public static void addClientOptions(CommandSpec spec) {
        addIdentity(spec, "This side's certificate chain (PEM), presented if the server asks for one; the file may"
                + " hold the private key too.");
        spec.addOption(OptionSpec.builder(CA).paramLabel("FILE").type(List.class).auxiliaryTypes(String.class)
                .description("Check the server's certificate against the CA certificates in FILE (PEM; repeatable),"
                        + " and that it names the server (see --server-name).").build());
        spec.addOption(OptionSpec.builder(SERVER_NAME).paramLabel("NAME").type(String.class)
                .description("The name the server's certificate must hold (default: the HOST of the tls: address);"
                        + " also sent as SNI.").build());
        spec.addOption(OptionSpec.builder(NO_HOST_CHECK).arity("0").type(boolean.class)
                .description("Check the server's certificate against --ca only, not its name, as Twisted's StartTLS"
                        + " does.").build());
        spec.addOption(OptionSpec.builder(INSECURE).arity("0").type(boolean.class)
                .description("Without --ca: encrypt, but accept any server certificate.").build());
    }

    /** Adds the options of a side that answers StartTLS. */
    public static void addServerOptions(CommandSpec spec) {
        addIdentity(spec, "For a tls: address: the certificate chain (PEM) to answer StartTLS with; the file may"
                + " hold the private key too.");
        spec.addOption(OptionSpec.builder(CA).paramLabel("FILE").type(List.class).auxiliaryTypes(String.class)
                .description("For a tls: address: demand a client certificate signed by a CA in FILE (PEM;"
                        + " repeatable).").build());
    }

    private static void addIdentity(CommandSpec spec, String description) {
        spec.addOption(OptionSpec.builder(CERT).paramLabel("FILE").type(String.class).description(description).build());
        spec.addOption(OptionSpec.builder(KEY).paramLabel("FILE").type(String.class)
                .description("The private key (PEM, unencrypted) of --cert, when --cert does not hold it.").build());
    }

    /** The options of the connecting side for {@code address}, or null when it is not {@code tls:}. */
    public static TlsOptions client(ParseResult parsed, Address address) throws CliException {
        if (!isTls(address)) {
            refuseWithoutTls(parsed, address, CERT, KEY, CA, SERVER_NAME, NO_HOST_CHECK, INSECURE);
            return null;
        }
        List<String> authorities = parsed.matchedOptionValue(CA, List.of());
        boolean insecure = parsed.matchedOptionValue(INSECURE, false);
        if (authorities.isEmpty() && !insecure) {
            throw CliException.usage(address + ": give --ca FILE to check the server's certificate, or --insecure to"
                    + " accept any");
        }
        if (!authorities.isEmpty() && insecure) {
            throw CliException.usage("--ca and --insecure do not go together: --insecure checks nothing");
        }
        boolean hostCheck = !parsed.matchedOptionValue(NO_HOST_CHECK, false);
        String serverName = parsed.matchedOptionValue(SERVER_NAME, ((Address.Tcp) address).host());
        if (insecure && (parsed.hasMatchedOption(SERVER_NAME) || parsed.hasMatchedOption(NO_HOST_CHECK))) {
            throw CliException.usage("--server-name and --no-host-check need --ca: --insecure checks nothing");
        }
        TlsOptions.Builder builder = TlsOptions.builder();
        try {
            identity(parsed, builder);
            if (!authorities.isEmpty()) {
                builder.trustAnchorsFromPem(paths(authorities));
                if (hostCheck) {
                    builder.hostName(serverName);
                }
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CliException.usage(message(e));
        }
    }

    /** The options of the answering side for {@code address}, or null when it is not {@code tls:}. */
    public static TlsOptions server(ParseResult parsed, Address address) throws CliException {
        if (!isTls(address)) {
            refuseWithoutTls(parsed, address, CERT, KEY, CA);
            return null;
        }
        if (!parsed.hasMatchedOption(CERT)) {
            throw CliException.usage(address + ": give --cert FILE (and --key FILE): the certificate StartTLS is"
                    + " answered with");
        }
        TlsOptions.Builder builder = TlsOptions.builder();
        try {
            identity(parsed, builder);
            List<String> authorities = parsed.matchedOptionValue(CA, List.of());
            if (!authorities.isEmpty()) {
                builder.trustAnchorsFromPem(paths(authorities));
            }
            return builder.build();
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            throw CliException.usage(message(e));
        }
    }

    private static boolean isTls(Address address) {
        return address instanceof Address.Tcp && ((Address.Tcp) address).tls();
    }

    private static void refuseWithoutTls(ParseResult parsed, Address address, String... options) throws CliException {
        for (String option : options) {
            if (parsed.hasMatchedOption(option)) {
                throw CliException.usage(option + " is for tls: addresses, not " + address);
            }
        }
    }

    private static void identity(ParseResult parsed, TlsOptions.Builder builder) throws CliException {
        String cert = parsed.matchedOptionValue(CERT, null);
        String key = parsed.matchedOptionValue(KEY, null);
        if (key != null && cert == null) {
            throw CliException.usage("--key needs --cert: the certificate the key belongs to");
        }
        if (cert != null) {
            builder.identityFromPem(path(cert), path(key != null ? key : cert));
        }
    }

    private static Path[] paths(List<String> files) throws CliException {
        List<Path> paths = new ArrayList<>();
        for (String file : files) {
            paths.add(path(file));
        }
        return paths.toArray(new Path[0]);
    }

    private static Path path(String file) throws CliException {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw CliException.usage("not a path: " + file);
        }
    }

    private static String message(RuntimeException e) {
        if (e instanceof UncheckedIOException) {
            return CliException.message(((UncheckedIOException) e).getCause());
        }
        return e.getMessage();
    }
}
