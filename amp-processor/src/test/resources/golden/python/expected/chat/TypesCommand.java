package chat;

import io.ampjava.dispatch.AmpConnection;
import io.ampjava.dispatch.BlockingCalls;
import io.ampjava.dispatch.CallTimeoutException;
import io.ampjava.dispatch.Command;
import io.ampjava.dispatch.ConnectionLostException;
import io.ampjava.dispatch.UnhandledCommandException;
import io.ampjava.dispatch.UnknownRemoteErrorException;
import io.ampjava.schema.AmpType;
import io.ampjava.schema.FieldSchema;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.AmpDecimalArgument;
import io.ampjava.types.ArgumentContext;
import io.ampjava.types.ArgumentType;
import io.ampjava.types.BadArgumentException;
import io.ampjava.types.BigIntegerArgument;
import io.ampjava.types.BooleanArgument;
import io.ampjava.types.BoxCodec;
import io.ampjava.types.BytesArgument;
import io.ampjava.types.DateTimeArgument;
import io.ampjava.types.DecimalArgument;
import io.ampjava.types.Descriptor;
import io.ampjava.types.DescriptorArgument;
import io.ampjava.types.FloatArgument;
import io.ampjava.types.IntArgument;
import io.ampjava.types.ListOfArgument;
import io.ampjava.types.LongArgument;
import io.ampjava.types.PathArgument;
import io.ampjava.types.UnicodeArgument;
import io.ampjava.wire.Box;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * The AMP command {@link Types}, wire name <code>types-☃</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class TypesCommand {
    /**
     * {@link Types} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<Types, Void> COMMAND =
            Command.builder("types-☃", TypesCodec.INSTANCE, Command.EMPTY)
                    .schema(TypesCodec.FIELDS, List.of())
                    .build();

    private TypesCommand() {
    }

    /**
     * The arguments of {@link Types}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param small required
     * @param wide required
     * @param huge required
     * @param raw required
     * @param text required (on the wire: <code>naïve</code>)
     * @param flag required
     * @param ratio required
     * @param money required
     * @param exact required
     * @param when required
     * @param where required
     * @param fd required
     * @param grid required (on the wire: <code>say "hi"</code>)
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static Types arguments(int small, Long wide, BigInteger huge, byte[] raw, String text,
            boolean flag, Double ratio, BigDecimal money, AmpDecimal exact, OffsetDateTime when,
            Path where, Descriptor fd, List<List<Integer>> grid) {
        return new TypesValue(small, wide, huge, raw, text, flag, ratio, money, exact, when, where,
                fd, grid);
    }

    /**
     * Calls {@link Types} on the peer of {@code connection}.
     *
     * <p>The future completes with the empty answer ({@code null}), or exceptionally with
     * {@link NullPointerException} if a required argument is null or a list holds null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param small required
     * @param wide required
     * @param huge required
     * @param raw required
     * @param text required (on the wire: <code>naïve</code>)
     * @param flag required
     * @param ratio required
     * @param money required
     * @param exact required
     * @param when required
     * @param where required
     * @param fd required
     * @param grid required (on the wire: <code>say "hi"</code>)
     * @return the answer to come
     */
    public static CompletableFuture<Void> call(AmpConnection connection, int small, Long wide,
            BigInteger huge, byte[] raw, String text, boolean flag, Double ratio, BigDecimal money,
            AmpDecimal exact, OffsetDateTime when, Path where, Descriptor fd,
            List<List<Integer>> grid) {
        Types arguments;
        try {
            arguments = arguments(small, wide, huge, raw, text, flag, ratio, money, exact, when,
                    where, fd, grid);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(TypesCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link Types} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param small required
     * @param wide required
     * @param huge required
     * @param raw required
     * @param text required (on the wire: <code>naïve</code>)
     * @param flag required
     * @param ratio required
     * @param money required
     * @param exact required
     * @param when required
     * @param where required
     * @param fd required
     * @param grid required (on the wire: <code>say "hi"</code>)
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, int small, Long wide, BigInteger huge,
            byte[] raw, String text, boolean flag, Double ratio, BigDecimal money, AmpDecimal exact,
            OffsetDateTime when, Path where, Descriptor fd, List<List<Integer>> grid) {
        BlockingCalls.await(call(connection, small, wide, huge, raw, text, flag, ratio, money,
                exact, when, where, fd, grid));
    }

    /**
     * Calls {@link Types} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param small required
     * @param wide required
     * @param huge required
     * @param raw required
     * @param text required (on the wire: <code>naïve</code>)
     * @param flag required
     * @param ratio required
     * @param money required
     * @param exact required
     * @param when required
     * @param where required
     * @param fd required
     * @param grid required (on the wire: <code>say "hi"</code>)
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static void callBlocking(AmpConnection connection, Duration timeout, int small,
            Long wide, BigInteger huge, byte[] raw, String text, boolean flag, Double ratio,
            BigDecimal money, AmpDecimal exact, OffsetDateTime when, Path where, Descriptor fd,
            List<List<Integer>> grid) {
        BlockingCalls.await(call(connection, small, wide, huge, raw, text, flag, ratio, money,
                exact, when, where, fd, grid), timeout, TypesCommand.COMMAND, connection);
    }

    private record TypesValue(int small, Long wide, BigInteger huge, byte[] raw, String text,
            boolean flag, Double ratio, BigDecimal money, AmpDecimal exact, OffsetDateTime when,
            Path where, Descriptor fd, List<List<Integer>> grid) implements Types {
        TypesValue {
            Objects.requireNonNull(wide, "required argument 'wide' is null");
            Objects.requireNonNull(huge, "required argument 'huge' is null");
            Objects.requireNonNull(raw, "required argument 'raw' is null");
            Objects.requireNonNull(text, "required argument 'text' is null");
            Objects.requireNonNull(ratio, "required argument 'ratio' is null");
            Objects.requireNonNull(money, "required argument 'money' is null");
            Objects.requireNonNull(exact, "required argument 'exact' is null");
            Objects.requireNonNull(when, "required argument 'when' is null");
            Objects.requireNonNull(where, "required argument 'where' is null");
            Objects.requireNonNull(fd, "required argument 'fd' is null");
            grid = List.copyOf(Objects.requireNonNull(grid, "required argument 'grid' is null"));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TypesValue that
                    && small == that.small
                    && Objects.equals(wide, that.wide)
                    && Objects.equals(huge, that.huge)
                    && Arrays.equals(raw, that.raw)
                    && Objects.equals(text, that.text)
                    && flag == that.flag
                    && Objects.equals(ratio, that.ratio)
                    && Objects.equals(money, that.money)
                    && Objects.equals(exact, that.exact)
                    && Objects.equals(when, that.when)
                    && Objects.equals(where, that.where)
                    && Objects.equals(fd, that.fd)
                    && Objects.equals(grid, that.grid);
        }

        @Override
        public int hashCode() {
            return Objects.hash(small, wide, huge, Arrays.hashCode(raw), text, flag, ratio, money,
                    exact, when, where, fd, grid);
        }

        @Override
        public String toString() {
            return "Types[small=" + small + ", wide=" + wide + ", huge=" + huge + ", raw=" +
                    Arrays.toString(raw) + ", text=" + text + ", flag=" + flag + ", ratio=" +
                    ratio + ", money=" + money + ", exact=" + exact + ", when=" + when +
                    ", where=" + where + ", fd=" + fd + ", grid=" + grid + "]";
        }
    }

    private static final class TypesCodec implements BoxCodec<Types> {
        static final TypesCodec INSTANCE = new TypesCodec();

        private static final byte[] SMALL = "small".getBytes(StandardCharsets.UTF_8);

        private static final byte[] WIDE = "wide".getBytes(StandardCharsets.UTF_8);

        private static final byte[] HUGE = "huge".getBytes(StandardCharsets.UTF_8);

        private static final byte[] RAW = "raw".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TEXT = "naïve".getBytes(StandardCharsets.UTF_8);

        private static final byte[] FLAG = "flag".getBytes(StandardCharsets.UTF_8);

        private static final byte[] RATIO = "ratio".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MONEY = "money".getBytes(StandardCharsets.UTF_8);

        private static final byte[] EXACT = "exact".getBytes(StandardCharsets.UTF_8);

        private static final byte[] WHEN = "when".getBytes(StandardCharsets.UTF_8);

        private static final byte[] WHERE = "where".getBytes(StandardCharsets.UTF_8);

        private static final byte[] FD = "fd".getBytes(StandardCharsets.UTF_8);

        private static final byte[] GRID = "say \"hi\"".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<List<Integer>>> GRID_TYPE =
                new ListOfArgument<>(new ListOfArgument<>(IntArgument.INSTANCE));

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("small", AmpType.INTEGER),
                FieldSchema.required("wide", AmpType.INTEGER),
                FieldSchema.required("huge", AmpType.INTEGER),
                FieldSchema.required("raw", AmpType.STRING),
                FieldSchema.required("naïve", AmpType.UNICODE),
                FieldSchema.required("flag", AmpType.BOOLEAN),
                FieldSchema.required("ratio", AmpType.FLOAT),
                FieldSchema.required("money", AmpType.DECIMAL),
                FieldSchema.required("exact", AmpType.DECIMAL),
                FieldSchema.required("when", AmpType.DATE_TIME),
                FieldSchema.required("where", AmpType.PATH),
                FieldSchema.required("fd", AmpType.DESCRIPTOR),
                FieldSchema.required("say \"hi\"", AmpType.listOf(AmpType.listOf(AmpType.INTEGER))));

        private TypesCodec() {
        }

        @Override
        public void write(Types value, Box box, ArgumentContext context) {
            box.put(SMALL, IntArgument.encode(value.small()));
            Long wide = Objects.requireNonNull(value.wide(), "required argument 'wide' is null");
            box.put(WIDE, LongArgument.encode(wide));
            BigInteger huge = Objects.requireNonNull(value.huge(),
                    "required argument 'huge' is null");
            box.put(HUGE, BigIntegerArgument.INSTANCE.toWire(huge, context));
            byte[] raw = Objects.requireNonNull(value.raw(), "required argument 'raw' is null");
            box.put(RAW, BytesArgument.INSTANCE.toWire(raw, context));
            String text = Objects.requireNonNull(value.text(), "required argument 'text' is null");
            box.put(TEXT, UnicodeArgument.INSTANCE.toWire(text, context));
            box.put(FLAG, BooleanArgument.encode(value.flag()));
            Double ratio = Objects.requireNonNull(value.ratio(),
                    "required argument 'ratio' is null");
            box.put(RATIO, FloatArgument.encode(ratio));
            BigDecimal money = Objects.requireNonNull(value.money(),
                    "required argument 'money' is null");
            box.put(MONEY, DecimalArgument.INSTANCE.toWire(money, context));
            AmpDecimal exact = Objects.requireNonNull(value.exact(),
                    "required argument 'exact' is null");
            box.put(EXACT, AmpDecimalArgument.INSTANCE.toWire(exact, context));
            OffsetDateTime when = Objects.requireNonNull(value.when(),
                    "required argument 'when' is null");
            box.put(WHEN, DateTimeArgument.INSTANCE.toWire(when, context));
            Path where = Objects.requireNonNull(value.where(), "required argument 'where' is null");
            box.put(WHERE, PathArgument.INSTANCE.toWire(where, context));
            Descriptor fd = Objects.requireNonNull(value.fd(), "required argument 'fd' is null");
            box.put(FD, DescriptorArgument.INSTANCE.toWire(fd, context));
            List<List<Integer>> grid = Objects.requireNonNull(value.grid(),
                    "required argument 'grid' is null");
            box.put(GRID, GRID_TYPE.toWire(grid, context));
        }

        @Override
        public Types read(Box box, ArgumentContext context) {
            byte[] small = box.get(SMALL);
            if (small == null) {
                throw BadArgumentException.missing("small");
            }
            byte[] wide = box.get(WIDE);
            if (wide == null) {
                throw BadArgumentException.missing("wide");
            }
            byte[] huge = box.get(HUGE);
            if (huge == null) {
                throw BadArgumentException.missing("huge");
            }
            byte[] raw = box.get(RAW);
            if (raw == null) {
                throw BadArgumentException.missing("raw");
            }
            byte[] text = box.get(TEXT);
            if (text == null) {
                throw BadArgumentException.missing("naïve");
            }
            byte[] flag = box.get(FLAG);
            if (flag == null) {
                throw BadArgumentException.missing("flag");
            }
            byte[] ratio = box.get(RATIO);
            if (ratio == null) {
                throw BadArgumentException.missing("ratio");
            }
            byte[] money = box.get(MONEY);
            if (money == null) {
                throw BadArgumentException.missing("money");
            }
            byte[] exact = box.get(EXACT);
            if (exact == null) {
                throw BadArgumentException.missing("exact");
            }
            byte[] when = box.get(WHEN);
            if (when == null) {
                throw BadArgumentException.missing("when");
            }
            byte[] where = box.get(WHERE);
            if (where == null) {
                throw BadArgumentException.missing("where");
            }
            byte[] fd = box.get(FD);
            if (fd == null) {
                throw BadArgumentException.missing("fd");
            }
            byte[] grid = box.get(GRID);
            if (grid == null) {
                throw BadArgumentException.missing("say \"hi\"");
            }
            return new TypesValue(IntArgument.decode(small), LongArgument.decode(wide),
                    BigIntegerArgument.INSTANCE.fromWire(huge, context),
                    BytesArgument.INSTANCE.fromWire(raw, context),
                    UnicodeArgument.INSTANCE.fromWire(text, context), BooleanArgument.decode(flag),
                    FloatArgument.decode(ratio), DecimalArgument.INSTANCE.fromWire(money, context),
                    AmpDecimalArgument.INSTANCE.fromWire(exact, context),
                    DateTimeArgument.INSTANCE.fromWire(when, context),
                    PathArgument.INSTANCE.fromWire(where, context),
                    DescriptorArgument.INSTANCE.fromWire(fd, context),
                    GRID_TYPE.fromWire(grid, context));
        }
    }
}
