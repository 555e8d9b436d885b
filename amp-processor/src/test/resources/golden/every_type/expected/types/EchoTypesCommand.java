package types;

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
 * The AMP command {@link EchoTypes}, wire name <code>EchoTypes</code>:
 * its descriptor, values and calls.
 */
@Generated("io.ampjava.processor.AmpProcessor")
public final class EchoTypesCommand {
    /**
     * {@link EchoTypes} as the runtime sees it: wire name, codecs, declared errors and schema.
     */
    public static final Command<EchoTypes, EchoTypes.Echo> COMMAND =
            Command.builder("EchoTypes", EchoTypesCodec.INSTANCE, EchoCodec.INSTANCE)
                    .schema(EchoTypesCodec.FIELDS, EchoCodec.FIELDS)
                    .build();

    private EchoTypesCommand() {
    }

    /**
     * The arguments of {@link EchoTypes}, to pass to {@link AmpConnection#callRemote}.
     *
     * @param smallInt required
     * @param boxedInt required
     * @param integer required
     * @param boxedLong required
     * @param bigInteger required
     * @param string required
     * @param unicode required
     * @param bool required
     * @param boxedBool required
     * @param floating required (on the wire: <code>float</code>)
     * @param boxedDouble required
     * @param decimal required
     * @param ampDecimal required
     * @param datetime required
     * @param path required
     * @param fd required
     * @param integers required
     * @param unicodes required
     * @param strings required
     * @param matrix required
     * @param color required
     * @param point required
     * @param temperature required
     * @param maybeLong optional: null leaves it out
     * @param maybeBytes optional: null leaves it out
     * @param maybeTimes optional: null leaves it out
     * @param maybeColor optional: null leaves it out
     * @throws NullPointerException if a required argument is null or a list holds null
     */
    public static EchoTypes arguments(int smallInt, Integer boxedInt, long integer, Long boxedLong,
            BigInteger bigInteger, byte[] string, String unicode, boolean bool, Boolean boxedBool,
            double floating, Double boxedDouble, BigDecimal decimal, AmpDecimal ampDecimal,
            OffsetDateTime datetime, Path path, Descriptor fd, List<Long> integers,
            List<String> unicodes, List<byte[]> strings, List<List<Integer>> matrix, Color color,
            Point point, double temperature, Long maybeLong, byte[] maybeBytes,
            List<OffsetDateTime> maybeTimes, Color maybeColor) {
        return new EchoTypesValue(smallInt, boxedInt, integer, boxedLong, bigInteger, string,
                unicode, bool, boxedBool, floating, boxedDouble, decimal, ampDecimal, datetime,
                path, fd, integers, unicodes, strings, matrix, color, point, temperature, maybeLong,
                maybeBytes, maybeTimes, maybeColor);
    }

    /**
     * The response of {@link EchoTypes}, for a responder to return.
     *
     * @param unicode optional: null leaves it out
     * @param string required
     * @param count required
     * @throws NullPointerException if a required argument is null
     */
    public static EchoTypes.Echo response(String unicode, byte[] string, int count) {
        return new EchoValue(unicode, string, count);
    }

    /**
     * Calls {@link EchoTypes} on the peer of {@code connection}.
     *
     * <p>The future completes with the response, or exceptionally with
     * {@link NullPointerException} if a required argument is null or a list holds null (nothing is sent),
     * {@link UnhandledCommandException} if the peer does not know the command,
     * {@link UnknownRemoteErrorException} for any other error code,
     * or {@link ConnectionLostException} if the connection closes first.
     *
     * @param connection the connection to call on
     * @param smallInt required
     * @param boxedInt required
     * @param integer required
     * @param boxedLong required
     * @param bigInteger required
     * @param string required
     * @param unicode required
     * @param bool required
     * @param boxedBool required
     * @param floating required (on the wire: <code>float</code>)
     * @param boxedDouble required
     * @param decimal required
     * @param ampDecimal required
     * @param datetime required
     * @param path required
     * @param fd required
     * @param integers required
     * @param unicodes required
     * @param strings required
     * @param matrix required
     * @param color required
     * @param point required
     * @param temperature required
     * @param maybeLong optional: null leaves it out
     * @param maybeBytes optional: null leaves it out
     * @param maybeTimes optional: null leaves it out
     * @param maybeColor optional: null leaves it out
     * @return the answer to come
     */
    public static CompletableFuture<EchoTypes.Echo> call(AmpConnection connection, int smallInt,
            Integer boxedInt, long integer, Long boxedLong, BigInteger bigInteger, byte[] string,
            String unicode, boolean bool, Boolean boxedBool, double floating, Double boxedDouble,
            BigDecimal decimal, AmpDecimal ampDecimal, OffsetDateTime datetime, Path path,
            Descriptor fd, List<Long> integers, List<String> unicodes, List<byte[]> strings,
            List<List<Integer>> matrix, Color color, Point point, double temperature,
            Long maybeLong, byte[] maybeBytes, List<OffsetDateTime> maybeTimes, Color maybeColor) {
        EchoTypes arguments;
        try {
            arguments = arguments(smallInt, boxedInt, integer, boxedLong, bigInteger, string,
                    unicode, bool, boxedBool, floating, boxedDouble, decimal, ampDecimal, datetime,
                    path, fd, integers, unicodes, strings, matrix, color, point, temperature,
                    maybeLong, maybeBytes, maybeTimes, maybeColor);
        } catch (NullPointerException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        return connection.callRemote(EchoTypesCommand.COMMAND, arguments);
    }

    /**
     * Calls {@link EchoTypes} on the peer of {@code connection}
     * and waits for the answer, without a time limit (a closing connection fails every call it has
     * not answered) and without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param smallInt required
     * @param boxedInt required
     * @param integer required
     * @param boxedLong required
     * @param bigInteger required
     * @param string required
     * @param unicode required
     * @param bool required
     * @param boxedBool required
     * @param floating required (on the wire: <code>float</code>)
     * @param boxedDouble required
     * @param decimal required
     * @param ampDecimal required
     * @param datetime required
     * @param path required
     * @param fd required
     * @param integers required
     * @param unicodes required
     * @param strings required
     * @param matrix required
     * @param color required
     * @param point required
     * @param temperature required
     * @param maybeLong optional: null leaves it out
     * @param maybeBytes optional: null leaves it out
     * @param maybeTimes optional: null leaves it out
     * @param maybeColor optional: null leaves it out
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static EchoTypes.Echo callBlocking(AmpConnection connection, int smallInt,
            Integer boxedInt, long integer, Long boxedLong, BigInteger bigInteger, byte[] string,
            String unicode, boolean bool, Boolean boxedBool, double floating, Double boxedDouble,
            BigDecimal decimal, AmpDecimal ampDecimal, OffsetDateTime datetime, Path path,
            Descriptor fd, List<Long> integers, List<String> unicodes, List<byte[]> strings,
            List<List<Integer>> matrix, Color color, Point point, double temperature,
            Long maybeLong, byte[] maybeBytes, List<OffsetDateTime> maybeTimes, Color maybeColor) {
        return BlockingCalls.await(call(connection, smallInt, boxedInt, integer, boxedLong,
                bigInteger, string, unicode, bool, boxedBool, floating, boxedDouble, decimal,
                ampDecimal, datetime, path, fd, integers, unicodes, strings, matrix, color, point,
                temperature, maybeLong, maybeBytes, maybeTimes, maybeColor));
    }

    /**
     * Calls {@link EchoTypes} on the peer of {@code connection}
     * and waits at most {@code timeout} for the answer, without reacting to interrupts.
     *
     * <p>Never call it on the connection's reader thread (in a responder, or in a callback of another
     * call's future): that thread is the one that would deliver the answer. Use {@link #call} there.
     *
     * @param connection the connection to call on
     * @param timeout how long to wait for the answer
     * @param smallInt required
     * @param boxedInt required
     * @param integer required
     * @param boxedLong required
     * @param bigInteger required
     * @param string required
     * @param unicode required
     * @param bool required
     * @param boxedBool required
     * @param floating required (on the wire: <code>float</code>)
     * @param boxedDouble required
     * @param decimal required
     * @param ampDecimal required
     * @param datetime required
     * @param path required
     * @param fd required
     * @param integers required
     * @param unicodes required
     * @param strings required
     * @param matrix required
     * @param color required
     * @param point required
     * @param temperature required
     * @param maybeLong optional: null leaves it out
     * @param maybeBytes optional: null leaves it out
     * @param maybeTimes optional: null leaves it out
     * @param maybeColor optional: null leaves it out
     * @return the response
     * @throws UnhandledCommandException if the peer does not know the command
     * @throws UnknownRemoteErrorException for any other error code
     * @throws ConnectionLostException if the connection closes before the answer
     * @throws CallTimeoutException if no answer comes within {@code timeout} (the call is given up)
     * @throws NullPointerException if a required argument is null or a list holds null (nothing is sent)
     */
    public static EchoTypes.Echo callBlocking(AmpConnection connection, Duration timeout,
            int smallInt, Integer boxedInt, long integer, Long boxedLong, BigInteger bigInteger,
            byte[] string, String unicode, boolean bool, Boolean boxedBool, double floating,
            Double boxedDouble, BigDecimal decimal, AmpDecimal ampDecimal, OffsetDateTime datetime,
            Path path, Descriptor fd, List<Long> integers, List<String> unicodes,
            List<byte[]> strings, List<List<Integer>> matrix, Color color, Point point,
            double temperature, Long maybeLong, byte[] maybeBytes, List<OffsetDateTime> maybeTimes,
            Color maybeColor) {
        return BlockingCalls.await(call(connection, smallInt, boxedInt, integer, boxedLong,
                bigInteger, string, unicode, bool, boxedBool, floating, boxedDouble, decimal,
                ampDecimal, datetime, path, fd, integers, unicodes, strings, matrix, color, point,
                temperature, maybeLong, maybeBytes, maybeTimes, maybeColor), timeout,
                EchoTypesCommand.COMMAND, connection);
    }

    private record EchoTypesValue(int smallInt, Integer boxedInt, long integer, Long boxedLong,
            BigInteger bigInteger, byte[] string, String unicode, boolean bool, Boolean boxedBool,
            double floating, Double boxedDouble, BigDecimal decimal, AmpDecimal ampDecimal,
            OffsetDateTime datetime, Path path, Descriptor fd, List<Long> integers,
            List<String> unicodes, List<byte[]> strings, List<List<Integer>> matrix, Color color,
            Point point, double temperature, Long maybeLong, byte[] maybeBytes,
            List<OffsetDateTime> maybeTimes, Color maybeColor) implements EchoTypes {
        EchoTypesValue {
            Objects.requireNonNull(boxedInt, "required argument 'boxedInt' is null");
            Objects.requireNonNull(boxedLong, "required argument 'boxedLong' is null");
            Objects.requireNonNull(bigInteger, "required argument 'bigInteger' is null");
            Objects.requireNonNull(string, "required argument 'string' is null");
            Objects.requireNonNull(unicode, "required argument 'unicode' is null");
            Objects.requireNonNull(boxedBool, "required argument 'boxedBool' is null");
            Objects.requireNonNull(boxedDouble, "required argument 'boxedDouble' is null");
            Objects.requireNonNull(decimal, "required argument 'decimal' is null");
            Objects.requireNonNull(ampDecimal, "required argument 'ampDecimal' is null");
            Objects.requireNonNull(datetime, "required argument 'datetime' is null");
            Objects.requireNonNull(path, "required argument 'path' is null");
            Objects.requireNonNull(fd, "required argument 'fd' is null");
            integers = List.copyOf(Objects.requireNonNull(integers, "required argument 'integers' is null"));
            unicodes = List.copyOf(Objects.requireNonNull(unicodes, "required argument 'unicodes' is null"));
            strings = List.copyOf(Objects.requireNonNull(strings, "required argument 'strings' is null"));
            matrix = List.copyOf(Objects.requireNonNull(matrix, "required argument 'matrix' is null"));
            Objects.requireNonNull(color, "required argument 'color' is null");
            Objects.requireNonNull(point, "required argument 'point' is null");
            maybeTimes = maybeTimes == null ? null : List.copyOf(maybeTimes);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EchoTypesValue that
                    && smallInt == that.smallInt
                    && Objects.equals(boxedInt, that.boxedInt)
                    && integer == that.integer
                    && Objects.equals(boxedLong, that.boxedLong)
                    && Objects.equals(bigInteger, that.bigInteger)
                    && Arrays.equals(string, that.string)
                    && Objects.equals(unicode, that.unicode)
                    && bool == that.bool
                    && Objects.equals(boxedBool, that.boxedBool)
                    && Double.compare(floating, that.floating) == 0
                    && Objects.equals(boxedDouble, that.boxedDouble)
                    && Objects.equals(decimal, that.decimal)
                    && Objects.equals(ampDecimal, that.ampDecimal)
                    && Objects.equals(datetime, that.datetime)
                    && Objects.equals(path, that.path)
                    && Objects.equals(fd, that.fd)
                    && Objects.equals(integers, that.integers)
                    && Objects.equals(unicodes, that.unicodes)
                    && Objects.equals(strings, that.strings)
                    && Objects.equals(matrix, that.matrix)
                    && Objects.equals(color, that.color)
                    && Objects.equals(point, that.point)
                    && Double.compare(temperature, that.temperature) == 0
                    && Objects.equals(maybeLong, that.maybeLong)
                    && Arrays.equals(maybeBytes, that.maybeBytes)
                    && Objects.equals(maybeTimes, that.maybeTimes)
                    && Objects.equals(maybeColor, that.maybeColor);
        }

        @Override
        public int hashCode() {
            return Objects.hash(smallInt, boxedInt, integer, boxedLong, bigInteger,
                    Arrays.hashCode(string), unicode, bool, boxedBool, floating, boxedDouble,
                    decimal, ampDecimal, datetime, path, fd, integers, unicodes, strings, matrix,
                    color, point, temperature, maybeLong, Arrays.hashCode(maybeBytes), maybeTimes,
                    maybeColor);
        }

        @Override
        public String toString() {
            return "EchoTypes[smallInt=" + smallInt + ", boxedInt=" + boxedInt + ", integer=" +
                    integer + ", boxedLong=" + boxedLong + ", bigInteger=" + bigInteger +
                    ", string=" + Arrays.toString(string) + ", unicode=" + unicode + ", bool=" +
                    bool + ", boxedBool=" + boxedBool + ", floating=" + floating +
                    ", boxedDouble=" + boxedDouble + ", decimal=" + decimal + ", ampDecimal=" +
                    ampDecimal + ", datetime=" + datetime + ", path=" + path + ", fd=" + fd +
                    ", integers=" + integers + ", unicodes=" + unicodes + ", strings=" + strings +
                    ", matrix=" + matrix + ", color=" + color + ", point=" + point +
                    ", temperature=" + temperature + ", maybeLong=" + maybeLong + ", maybeBytes=" +
                    Arrays.toString(maybeBytes) + ", maybeTimes=" + maybeTimes + ", maybeColor=" +
                    maybeColor + "]";
        }
    }

    private record EchoValue(String unicode, byte[] string, int count) implements EchoTypes.Echo {
        EchoValue {
            Objects.requireNonNull(string, "required argument 'string' is null");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof EchoValue that
                    && Objects.equals(unicode, that.unicode)
                    && Arrays.equals(string, that.string)
                    && count == that.count;
        }

        @Override
        public int hashCode() {
            return Objects.hash(unicode, Arrays.hashCode(string), count);
        }

        @Override
        public String toString() {
            return "EchoTypes.Echo[unicode=" + unicode + ", string=" + Arrays.toString(string) +
                    ", count=" + count + "]";
        }
    }

    private static final class EchoTypesCodec implements BoxCodec<EchoTypes> {
        static final EchoTypesCodec INSTANCE = new EchoTypesCodec();

        private static final byte[] SMALL_INT = "smallInt".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BOXED_INT = "boxedInt".getBytes(StandardCharsets.UTF_8);

        private static final byte[] INTEGER = "integer".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BOXED_LONG = "boxedLong".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BIG_INTEGER = "bigInteger".getBytes(StandardCharsets.UTF_8);

        private static final byte[] STRING = "string".getBytes(StandardCharsets.UTF_8);

        private static final byte[] UNICODE = "unicode".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BOOL = "bool".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BOXED_BOOL = "boxedBool".getBytes(StandardCharsets.UTF_8);

        private static final byte[] FLOATING = "float".getBytes(StandardCharsets.UTF_8);

        private static final byte[] BOXED_DOUBLE = "boxedDouble".getBytes(StandardCharsets.UTF_8);

        private static final byte[] DECIMAL = "decimal".getBytes(StandardCharsets.UTF_8);

        private static final byte[] AMP_DECIMAL = "ampDecimal".getBytes(StandardCharsets.UTF_8);

        private static final byte[] DATETIME = "datetime".getBytes(StandardCharsets.UTF_8);

        private static final byte[] PATH = "path".getBytes(StandardCharsets.UTF_8);

        private static final byte[] FD = "fd".getBytes(StandardCharsets.UTF_8);

        private static final byte[] INTEGERS = "integers".getBytes(StandardCharsets.UTF_8);

        private static final byte[] UNICODES = "unicodes".getBytes(StandardCharsets.UTF_8);

        private static final byte[] STRINGS = "strings".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MATRIX = "matrix".getBytes(StandardCharsets.UTF_8);

        private static final byte[] COLOR = "color".getBytes(StandardCharsets.UTF_8);

        private static final byte[] POINT = "point".getBytes(StandardCharsets.UTF_8);

        private static final byte[] TEMPERATURE = "temperature".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MAYBE_LONG = "maybeLong".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MAYBE_BYTES = "maybeBytes".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MAYBE_TIMES = "maybeTimes".getBytes(StandardCharsets.UTF_8);

        private static final byte[] MAYBE_COLOR = "maybeColor".getBytes(StandardCharsets.UTF_8);

        private static final ArgumentType<List<Long>> INTEGERS_TYPE =
                new ListOfArgument<>(LongArgument.INSTANCE);

        private static final ArgumentType<List<String>> UNICODES_TYPE =
                new ListOfArgument<>(UnicodeArgument.INSTANCE);

        private static final ArgumentType<List<byte[]>> STRINGS_TYPE =
                new ListOfArgument<>(BytesArgument.INSTANCE);

        private static final ArgumentType<List<List<Integer>>> MATRIX_TYPE =
                new ListOfArgument<>(new ListOfArgument<>(IntArgument.INSTANCE));

        private static final ArgumentType<Color> COLOR_TYPE = ColorType.INSTANCE;

        private static final ArgumentType<Point> POINT_TYPE = new PointType();

        private static final ArgumentType<Double> TEMPERATURE_TYPE = CelsiusType.INSTANCE;

        private static final ArgumentType<List<OffsetDateTime>> MAYBE_TIMES_TYPE =
                new ListOfArgument<>(DateTimeArgument.INSTANCE);

        private static final ArgumentType<Color> MAYBE_COLOR_TYPE = ColorType.INSTANCE;

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.required("smallInt", AmpType.INTEGER),
                FieldSchema.required("boxedInt", AmpType.INTEGER),
                FieldSchema.required("integer", AmpType.INTEGER),
                FieldSchema.required("boxedLong", AmpType.INTEGER),
                FieldSchema.required("bigInteger", AmpType.INTEGER),
                FieldSchema.required("string", AmpType.STRING),
                FieldSchema.required("unicode", AmpType.UNICODE),
                FieldSchema.required("bool", AmpType.BOOLEAN),
                FieldSchema.required("boxedBool", AmpType.BOOLEAN),
                FieldSchema.required("float", AmpType.FLOAT),
                FieldSchema.required("boxedDouble", AmpType.FLOAT),
                FieldSchema.required("decimal", AmpType.DECIMAL),
                FieldSchema.required("ampDecimal", AmpType.DECIMAL),
                FieldSchema.required("datetime", AmpType.DATE_TIME),
                FieldSchema.required("path", AmpType.PATH),
                FieldSchema.required("fd", AmpType.DESCRIPTOR),
                FieldSchema.required("integers", AmpType.listOf(AmpType.INTEGER)),
                FieldSchema.required("unicodes", AmpType.listOf(AmpType.UNICODE)),
                FieldSchema.required("strings", AmpType.listOf(AmpType.STRING)),
                FieldSchema.required("matrix", AmpType.listOf(AmpType.listOf(AmpType.INTEGER))),
                FieldSchema.required("color", AmpType.custom("types.ColorType")),
                FieldSchema.required("point", AmpType.custom("types.PointType")),
                FieldSchema.required("temperature", AmpType.custom("types.CelsiusType")),
                FieldSchema.optional("maybeLong", AmpType.INTEGER),
                FieldSchema.optional("maybeBytes", AmpType.STRING),
                FieldSchema.optional("maybeTimes", AmpType.listOf(AmpType.DATE_TIME)),
                FieldSchema.optional("maybeColor", AmpType.custom("types.ColorType")));

        private EchoTypesCodec() {
        }

        @Override
        public void write(EchoTypes value, Box box, ArgumentContext context) {
            box.put(SMALL_INT, IntArgument.encode(value.smallInt()));
            Integer boxedInt = Objects.requireNonNull(value.boxedInt(),
                    "required argument 'boxedInt' is null");
            box.put(BOXED_INT, IntArgument.encode(boxedInt));
            box.put(INTEGER, LongArgument.encode(value.integer()));
            Long boxedLong = Objects.requireNonNull(value.boxedLong(),
                    "required argument 'boxedLong' is null");
            box.put(BOXED_LONG, LongArgument.encode(boxedLong));
            BigInteger bigInteger = Objects.requireNonNull(value.bigInteger(),
                    "required argument 'bigInteger' is null");
            box.put(BIG_INTEGER, BigIntegerArgument.INSTANCE.toWire(bigInteger, context));
            byte[] string = Objects.requireNonNull(value.string(),
                    "required argument 'string' is null");
            box.put(STRING, BytesArgument.INSTANCE.toWire(string, context));
            String unicode = Objects.requireNonNull(value.unicode(),
                    "required argument 'unicode' is null");
            box.put(UNICODE, UnicodeArgument.INSTANCE.toWire(unicode, context));
            box.put(BOOL, BooleanArgument.encode(value.bool()));
            Boolean boxedBool = Objects.requireNonNull(value.boxedBool(),
                    "required argument 'boxedBool' is null");
            box.put(BOXED_BOOL, BooleanArgument.encode(boxedBool));
            box.put(FLOATING, FloatArgument.encode(value.floating()));
            Double boxedDouble = Objects.requireNonNull(value.boxedDouble(),
                    "required argument 'boxedDouble' is null");
            box.put(BOXED_DOUBLE, FloatArgument.encode(boxedDouble));
            BigDecimal decimal = Objects.requireNonNull(value.decimal(),
                    "required argument 'decimal' is null");
            box.put(DECIMAL, DecimalArgument.INSTANCE.toWire(decimal, context));
            AmpDecimal ampDecimal = Objects.requireNonNull(value.ampDecimal(),
                    "required argument 'ampDecimal' is null");
            box.put(AMP_DECIMAL, AmpDecimalArgument.INSTANCE.toWire(ampDecimal, context));
            OffsetDateTime datetime = Objects.requireNonNull(value.datetime(),
                    "required argument 'datetime' is null");
            box.put(DATETIME, DateTimeArgument.INSTANCE.toWire(datetime, context));
            Path path = Objects.requireNonNull(value.path(), "required argument 'path' is null");
            box.put(PATH, PathArgument.INSTANCE.toWire(path, context));
            Descriptor fd = Objects.requireNonNull(value.fd(), "required argument 'fd' is null");
            box.put(FD, DescriptorArgument.INSTANCE.toWire(fd, context));
            List<Long> integers = Objects.requireNonNull(value.integers(),
                    "required argument 'integers' is null");
            box.put(INTEGERS, INTEGERS_TYPE.toWire(integers, context));
            List<String> unicodes = Objects.requireNonNull(value.unicodes(),
                    "required argument 'unicodes' is null");
            box.put(UNICODES, UNICODES_TYPE.toWire(unicodes, context));
            List<byte[]> strings = Objects.requireNonNull(value.strings(),
                    "required argument 'strings' is null");
            box.put(STRINGS, STRINGS_TYPE.toWire(strings, context));
            List<List<Integer>> matrix = Objects.requireNonNull(value.matrix(),
                    "required argument 'matrix' is null");
            box.put(MATRIX, MATRIX_TYPE.toWire(matrix, context));
            Color color = Objects.requireNonNull(value.color(),
                    "required argument 'color' is null");
            box.put(COLOR, COLOR_TYPE.toWire(color, context));
            Point point = Objects.requireNonNull(value.point(),
                    "required argument 'point' is null");
            box.put(POINT, POINT_TYPE.toWire(point, context));
            box.put(TEMPERATURE, TEMPERATURE_TYPE.toWire(value.temperature(), context));
            Long maybeLong = value.maybeLong();
            if (maybeLong != null) {
                box.put(MAYBE_LONG, LongArgument.encode(maybeLong));
            }
            byte[] maybeBytes = value.maybeBytes();
            if (maybeBytes != null) {
                box.put(MAYBE_BYTES, BytesArgument.INSTANCE.toWire(maybeBytes, context));
            }
            List<OffsetDateTime> maybeTimes = value.maybeTimes();
            if (maybeTimes != null) {
                box.put(MAYBE_TIMES, MAYBE_TIMES_TYPE.toWire(maybeTimes, context));
            }
            Color maybeColor = value.maybeColor();
            if (maybeColor != null) {
                box.put(MAYBE_COLOR, MAYBE_COLOR_TYPE.toWire(maybeColor, context));
            }
        }

        @Override
        public EchoTypes read(Box box, ArgumentContext context) {
            byte[] smallInt = box.get(SMALL_INT);
            if (smallInt == null) {
                throw BadArgumentException.missing("smallInt");
            }
            byte[] boxedInt = box.get(BOXED_INT);
            if (boxedInt == null) {
                throw BadArgumentException.missing("boxedInt");
            }
            byte[] integer = box.get(INTEGER);
            if (integer == null) {
                throw BadArgumentException.missing("integer");
            }
            byte[] boxedLong = box.get(BOXED_LONG);
            if (boxedLong == null) {
                throw BadArgumentException.missing("boxedLong");
            }
            byte[] bigInteger = box.get(BIG_INTEGER);
            if (bigInteger == null) {
                throw BadArgumentException.missing("bigInteger");
            }
            byte[] string = box.get(STRING);
            if (string == null) {
                throw BadArgumentException.missing("string");
            }
            byte[] unicode = box.get(UNICODE);
            if (unicode == null) {
                throw BadArgumentException.missing("unicode");
            }
            byte[] bool = box.get(BOOL);
            if (bool == null) {
                throw BadArgumentException.missing("bool");
            }
            byte[] boxedBool = box.get(BOXED_BOOL);
            if (boxedBool == null) {
                throw BadArgumentException.missing("boxedBool");
            }
            byte[] floating = box.get(FLOATING);
            if (floating == null) {
                throw BadArgumentException.missing("float");
            }
            byte[] boxedDouble = box.get(BOXED_DOUBLE);
            if (boxedDouble == null) {
                throw BadArgumentException.missing("boxedDouble");
            }
            byte[] decimal = box.get(DECIMAL);
            if (decimal == null) {
                throw BadArgumentException.missing("decimal");
            }
            byte[] ampDecimal = box.get(AMP_DECIMAL);
            if (ampDecimal == null) {
                throw BadArgumentException.missing("ampDecimal");
            }
            byte[] datetime = box.get(DATETIME);
            if (datetime == null) {
                throw BadArgumentException.missing("datetime");
            }
            byte[] path = box.get(PATH);
            if (path == null) {
                throw BadArgumentException.missing("path");
            }
            byte[] fd = box.get(FD);
            if (fd == null) {
                throw BadArgumentException.missing("fd");
            }
            byte[] integers = box.get(INTEGERS);
            if (integers == null) {
                throw BadArgumentException.missing("integers");
            }
            byte[] unicodes = box.get(UNICODES);
            if (unicodes == null) {
                throw BadArgumentException.missing("unicodes");
            }
            byte[] strings = box.get(STRINGS);
            if (strings == null) {
                throw BadArgumentException.missing("strings");
            }
            byte[] matrix = box.get(MATRIX);
            if (matrix == null) {
                throw BadArgumentException.missing("matrix");
            }
            byte[] color = box.get(COLOR);
            if (color == null) {
                throw BadArgumentException.missing("color");
            }
            byte[] point = box.get(POINT);
            if (point == null) {
                throw BadArgumentException.missing("point");
            }
            byte[] temperature = box.get(TEMPERATURE);
            if (temperature == null) {
                throw BadArgumentException.missing("temperature");
            }
            byte[] maybeLong = box.get(MAYBE_LONG);
            byte[] maybeBytes = box.get(MAYBE_BYTES);
            byte[] maybeTimes = box.get(MAYBE_TIMES);
            byte[] maybeColor = box.get(MAYBE_COLOR);
            return new EchoTypesValue(IntArgument.decode(smallInt), IntArgument.decode(boxedInt),
                    LongArgument.decode(integer), LongArgument.decode(boxedLong),
                    BigIntegerArgument.INSTANCE.fromWire(bigInteger, context),
                    BytesArgument.INSTANCE.fromWire(string, context),
                    UnicodeArgument.INSTANCE.fromWire(unicode, context),
                    BooleanArgument.decode(bool), BooleanArgument.decode(boxedBool),
                    FloatArgument.decode(floating), FloatArgument.decode(boxedDouble),
                    DecimalArgument.INSTANCE.fromWire(decimal, context),
                    AmpDecimalArgument.INSTANCE.fromWire(ampDecimal, context),
                    DateTimeArgument.INSTANCE.fromWire(datetime, context),
                    PathArgument.INSTANCE.fromWire(path, context),
                    DescriptorArgument.INSTANCE.fromWire(fd, context),
                    INTEGERS_TYPE.fromWire(integers, context),
                    UNICODES_TYPE.fromWire(unicodes, context),
                    STRINGS_TYPE.fromWire(strings, context), MATRIX_TYPE.fromWire(matrix, context),
                    COLOR_TYPE.fromWire(color, context), POINT_TYPE.fromWire(point, context),
                    TEMPERATURE_TYPE.fromWire(temperature, context),
                    maybeLong == null ? null : LongArgument.decode(maybeLong),
                    maybeBytes == null ? null : BytesArgument.INSTANCE.fromWire(maybeBytes, context),
                    maybeTimes == null ? null : MAYBE_TIMES_TYPE.fromWire(maybeTimes, context),
                    maybeColor == null ? null : MAYBE_COLOR_TYPE.fromWire(maybeColor, context));
        }
    }

    private static final class EchoCodec implements BoxCodec<EchoTypes.Echo> {
        static final EchoCodec INSTANCE = new EchoCodec();

        private static final byte[] UNICODE = "unicode".getBytes(StandardCharsets.UTF_8);

        private static final byte[] STRING = "string".getBytes(StandardCharsets.UTF_8);

        private static final byte[] COUNT = "count".getBytes(StandardCharsets.UTF_8);

        static final List<FieldSchema> FIELDS = List.of(
                FieldSchema.optional("unicode", AmpType.UNICODE),
                FieldSchema.required("string", AmpType.STRING),
                FieldSchema.required("count", AmpType.INTEGER));

        private EchoCodec() {
        }

        @Override
        public void write(EchoTypes.Echo value, Box box, ArgumentContext context) {
            String unicode = value.unicode();
            if (unicode != null) {
                box.put(UNICODE, UnicodeArgument.INSTANCE.toWire(unicode, context));
            }
            byte[] string = Objects.requireNonNull(value.string(),
                    "required argument 'string' is null");
            box.put(STRING, BytesArgument.INSTANCE.toWire(string, context));
            box.put(COUNT, IntArgument.encode(value.count()));
        }

        @Override
        public EchoTypes.Echo read(Box box, ArgumentContext context) {
            byte[] unicode = box.get(UNICODE);
            byte[] string = box.get(STRING);
            if (string == null) {
                throw BadArgumentException.missing("string");
            }
            byte[] count = box.get(COUNT);
            if (count == null) {
                throw BadArgumentException.missing("count");
            }
            return new EchoValue(unicode == null ? null : UnicodeArgument.INSTANCE.fromWire(unicode, context),
                    BytesArgument.INSTANCE.fromWire(string, context), IntArgument.decode(count));
        }
    }
}
