package io.ampjava.conformance;

import io.ampjava.dispatch.ConnectionOptions;
import io.ampjava.dispatch.MemoryBudget;
import io.ampjava.server.ServerOptions;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The budgets and timeouts {@code serve} was given: each one left out keeps the runtime's default
 * ({@link ServerOptions#defaults()} on a socket, {@link ConnectionOptions#defaults()} over pipes,
 * where the one peer is the parent and no idle or write-stall timeout applies unless asked for).
 */
final class ServeOptions {
    private final Integer maxConnections;
    private final Long memoryBudget;
    private final Duration budgetTimeout;
    private final Duration idleTimeout;
    private final Duration writeStallTimeout;
    private final boolean idleGiven;
    private final boolean stallGiven;

    private ServeOptions(ParseResult command, CommandLine commandLine) {
        Integer connections = command.matchedOptionValue("--max-connections", null);
        if (connections != null && connections < 1) {
            throw new ParameterException(commandLine, "--max-connections must be at least 1, not " + connections);
        }
        this.maxConnections = connections;
        String budget = command.matchedOptionValue("--memory-budget", null);
        this.memoryBudget = budget == null ? null : bytes(commandLine, budget);
        Duration budgetFor = duration(command, commandLine, "--budget-timeout");
        if (budgetFor != null && budgetFor.isZero()) {
            throw new ParameterException(commandLine, "--budget-timeout must be more than 0");
        }
        this.budgetTimeout = budgetFor;
        this.idleGiven = command.hasMatchedOption("--idle-timeout");
        this.idleTimeout = zeroAsNone(duration(command, commandLine, "--idle-timeout"));
        this.stallGiven = command.hasMatchedOption("--write-stall-timeout");
        this.writeStallTimeout = zeroAsNone(duration(command, commandLine, "--write-stall-timeout"));
    }

    static ServeOptions parse(ParseResult command, CommandLine commandLine) {
        return new ServeOptions(command, commandLine);
    }

    /** The options of a server on a socket: the server defaults, with what was given instead. */
    ServerOptions serverOptions() {
        ServerOptions.Builder server = ServerOptions.builder()
                .connectionOptions(applyTo(ConnectionOptions.serverDefaults().toBuilder()).build());
        if (maxConnections != null) {
            server.maxConnections(maxConnections);
        }
        if (memoryBudget != null) {
            server.memoryBudget(MemoryBudget.ofBytes(memoryBudget));
        }
        return server.build();
    }

    /** The options of the one connection over pipes: the connection defaults, with what was given instead. */
    ConnectionOptions connectionOptions() {
        ConnectionOptions.Builder connection = applyTo(ConnectionOptions.builder());
        if (memoryBudget != null) {
            connection.memoryBudget(MemoryBudget.ofBytes(memoryBudget));
        }
        return connection.build();
    }

    private ConnectionOptions.Builder applyTo(ConnectionOptions.Builder connection) {
        if (budgetTimeout != null) {
            connection.budgetTimeout(budgetTimeout);
        }
        if (idleGiven) {
            connection.idleTimeout(idleTimeout);
        }
        if (stallGiven) {
            connection.writeStallTimeout(writeStallTimeout);
        }
        return connection;
    }

    private static Duration duration(ParseResult command, CommandLine commandLine, String option) {
        Double seconds = command.matchedOptionValue(option, null);
        if (seconds == null) {
            return null;
        }
        if (!(seconds >= 0 && seconds <= 86_400)) {
            throw new ParameterException(commandLine, option + " must be from 0 to 86400 seconds, not " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static Duration zeroAsNone(Duration timeout) {
        return timeout == null || timeout.isZero() ? null : timeout;
    }

    /** {@code 4096}, {@code 512K}, {@code 24M} or {@code 1G}: bytes, in binary multiples. */
    static long bytes(CommandLine commandLine, String text) {
        String trimmed = text.strip().toUpperCase(Locale.ROOT);
        int shift = 0;
        if (trimmed.endsWith("K") || trimmed.endsWith("M") || trimmed.endsWith("G")) {
            shift = switch (trimmed.charAt(trimmed.length() - 1)) {
                case 'K' -> 10;
                case 'M' -> 20;
                default -> 30;
            };
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            long value = Long.parseLong(trimmed);
            if (value >= 1 && value <= (Long.MAX_VALUE >> shift)) {
                return value << shift;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(commandLine, "--memory-budget needs a positive number of bytes such as 4096, 512K,"
                + " 24M or 1G, not " + text);
    }
}
