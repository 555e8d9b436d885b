package io.ampjava.dispatch;

import io.ampjava.schema.CommandSchema;
import io.ampjava.schema.ErrorSchema;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.BoxCodec;
import io.ampjava.wire.Box;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Everything the runtime needs to know about one AMP command: its wire name, how its arguments and
 * its response travel, and its declared errors. The annotation processor generates one per
 * {@code @AmpCommand} interface (as {@code <Name>Command.COMMAND}); it can also be built by hand.
 *
 * @param <A> the arguments record
 * @param <R> the response record ({@link Void} for an empty response)
 */
public final class Command<A, R> {
    private final String name;
    private final byte[] nameBytes;
    private final BoxCodec<A> arguments;
    private final BoxCodec<R> response;
    private final List<ErrorSpec> errors;
    private final boolean requiresAnswer;
    private final boolean closesConnection;
    private final boolean switchesProtocol;
    private final CommandSchema schema;

    private Command(Builder<A, R> builder) {
        this.name = builder.name;
        this.nameBytes = name.getBytes(StandardCharsets.UTF_8);
        this.arguments = builder.arguments;
        this.response = builder.response;
        this.errors = List.copyOf(builder.errors);
        this.requiresAnswer = builder.requiresAnswer;
        this.closesConnection = builder.closesConnection;
        this.switchesProtocol = builder.switchesProtocol;
        this.schema = builder.argumentFields == null ? null : new CommandSchema(name, builder.argumentFields,
                builder.responseFields, errors.stream()
                        .map(error -> new ErrorSchema(error.code(), error.fatal(), error.type().getName()))
                        .toList(),
                requiresAnswer, closesConnection, switchesProtocol);
    }

    /**
     * Starts a command description.
     *
     * @param <A> the arguments' type
     * @param <R> the response's type
     * @param name the wire name, at most 255 UTF-8 bytes
     * @param arguments the codec of the arguments record
     * @param response the codec of the response record; {@link #EMPTY} for no response fields
     * @return a builder
     */
    public static <A, R> Builder<A, R> builder(String name, BoxCodec<A> arguments, BoxCodec<R> response) {
        return new Builder<>(name, arguments, response);
    }

    /** The codec of a record with no fields: writes nothing and reads {@code null}. */
    public static final BoxCodec<Void> EMPTY = new BoxCodec<>() {
        @Override
        public void write(Void value, Box box, ArgumentContext context) {}

        @Override
        public Void read(Box box, ArgumentContext context) {
            return null;
        }
    };

    /** {@return the wire name} */
    public String name() {
        return name;
    }

    /** The wire name's bytes; shared, never to be modified. */
    byte[] nameBytes() {
        return nameBytes;
    }

    /** {@return the codec of the arguments} */
    public BoxCodec<A> arguments() {
        return arguments;
    }

    /** {@return the codec of the response} */
    public BoxCodec<R> response() {
        return response;
    }

    /** {@return the declared errors, in declaration order} */
    public List<ErrorSpec> errors() {
        return errors;
    }

    /** {@return whether the caller asks for an answer ({@code _ask})} */
    public boolean requiresAnswer() {
        return requiresAnswer;
    }

    /** {@return whether the responder closes the connection after answering (Twisted's QuitBox)} */
    public boolean closesConnection() {
        return closesConnection;
    }

    /**
     * The declared error a responder's exception maps to: the first {@link ErrorSpec} whose type
     * the exception is an instance of, or null when it was not declared.
     *
     * @param exception what the responder threw
     * @return the declared error, or null
     */
    public ErrorSpec errorFor(Throwable exception) {
        for (ErrorSpec error : errors) {
            if (error.type().isInstance(exception)) {
                return error;
            }
        }
        return null;
    }

    /**
     * The declared error with {@code code}, or null.
     *
     * @param code an error code
     * @return the declared error, or null
     */
    public ErrorSpec errorForCode(String code) {
        for (ErrorSpec error : errors) {
            if (error.code().equals(code)) {
                return error;
            }
        }
        return null;
    }

    /**
     * The exception a caller of this command gets for an error answer with {@code code}: the declared
     * one, rebuilt from the description, or an {@link UnknownRemoteErrorException}.
     */
    Throwable failureFor(String code, String description) {
        ErrorSpec declared = errorForCode(code);
        if (declared == null) {
            return new UnknownRemoteErrorException(code, description);
        }
        Throwable rebuilt;
        try {
            rebuilt = declared.factory().apply(description);
        } catch (RuntimeException broken) {
            rebuilt = broken;
        }
        return rebuilt != null ? rebuilt : new UnknownRemoteErrorException(code, description);
    }

    /**
     * Whether a successful answer switches the connection to another protocol (Twisted's
     * {@code ProtocolSwitchCommand}): call it with {@link AmpConnection#switchProtocol}, answer it
     * with a {@link ProtocolSwitchResponder}.
     *
     * @return whether it switches protocol
     */
    public boolean switchesProtocol() {
        return switchesProtocol;
    }

    /**
     * What travels for this command, as data, for tools that build and read its boxes without its
     * Java types. Generated commands have one; a command built by hand has one if its builder was
     * given the fields ({@link Builder#schema}).
     *
     * @return the schema, or empty
     */
    public Optional<CommandSchema> schema() {
        return Optional.ofNullable(schema);
    }

    @Override
    public String toString() {
        return "Command[" + name + "]";
    }

    /** Builds a {@link Command}. */
    public static final class Builder<A, R> {
        private final String name;
        private final BoxCodec<A> arguments;
        private final BoxCodec<R> response;
        private final java.util.ArrayList<ErrorSpec> errors = new java.util.ArrayList<>();
        private boolean requiresAnswer = true;
        private boolean closesConnection;
        private boolean switchesProtocol;
        private List<FieldSchema> argumentFields;
        private List<FieldSchema> responseFields;

        private Builder(String name, BoxCodec<A> arguments, BoxCodec<R> response) {
            int length = name.getBytes(StandardCharsets.UTF_8).length;
            if (length == 0 || length > io.ampjava.wire.AmpKeys.MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("bad command name length " + length + ": " + name);
            }
            this.name = name;
            this.arguments = java.util.Objects.requireNonNull(arguments, "arguments");
            this.response = java.util.Objects.requireNonNull(response, "response");
        }

        /**
         * Declares an error; the first matching declaration wins on the responder side.
         *
         * @param error the declared error
         * @return this builder
         */
        public Builder<A, R> error(ErrorSpec error) {
            errors.add(error);
            return this;
        }

        /**
         * Whether the caller asks for an answer ({@code _ask}); true by default.
         *
         * @param requiresAnswer whether it does
         * @return this builder
         */
        public Builder<A, R> requiresAnswer(boolean requiresAnswer) {
            this.requiresAnswer = requiresAnswer;
            return this;
        }

        /**
         * Whether the responder closes the connection after answering (Twisted's QuitBox); false by default.
         *
         * @param closesConnection whether it does
         * @return this builder
         */
        public Builder<A, R> closesConnection(boolean closesConnection) {
            this.closesConnection = closesConnection;
            return this;
        }

        /**
         * Makes a protocol-switching command. Its answer carries no fields (Twisted sends
         * {@code _answer} alone), so the response codec must be {@link Command#EMPTY}; it requires an
         * answer and does not close the connection.
         *
         * @param switches whether it switches protocol
         * @return this builder
         */
        public Builder<A, R> switchesProtocol(boolean switches) {
            this.switchesProtocol = switches;
            return this;
        }

        /**
         * Describes the fields the codecs read and write, for {@link Command#schema()}.
         *
         * @param arguments the arguments, in order
         * @param response the fields of the answer, in order (none for an empty answer)
         * @return this builder
         */
        public Builder<A, R> schema(List<FieldSchema> arguments, List<FieldSchema> response) {
            this.argumentFields = List.copyOf(arguments);
            this.responseFields = List.copyOf(response);
            return this;
        }

        /**
         * Makes the command.
         *
         * @return the command
         * @throws IllegalStateException when a protocol switch is combined with what it cannot be
         */
        public Command<A, R> build() {
            if (switchesProtocol && (response != EMPTY || !requiresAnswer || closesConnection)) {
                throw new IllegalStateException("command " + name + " switches protocol: it needs an empty response,"
                        + " an answer, and must not close the connection");
            }
            return new Command<>(this);
        }
    }
}
