package types;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.Descriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/** Every Java type the processor maps, required and optional. */
@AmpCommand
public interface EchoTypes {
    @Argument int smallInt();

    @Argument Integer boxedInt();

    @Argument long integer();

    @Argument Long boxedLong();

    @Argument BigInteger bigInteger();

    @Argument byte[] string();

    @Argument String unicode();

    @Argument boolean bool();

    @Argument Boolean boxedBool();

    @Argument("float") double floating();

    @Argument Double boxedDouble();

    @Argument BigDecimal decimal();

    @Argument AmpDecimal ampDecimal();

    @Argument OffsetDateTime datetime();

    @Argument Path path();

    @Argument Descriptor fd();

    @Argument List<Long> integers();

    @Argument List<String> unicodes();

    @Argument List<byte[]> strings();

    @Argument List<List<Integer>> matrix();

    @Argument(type = ColorType.class) Color color();

    @Argument(type = PointType.class) Point point();

    @Argument(type = CelsiusType.class) double temperature();

    @Argument(optional = true) Long maybeLong();

    @Argument(optional = true) byte[] maybeBytes();

    @Argument(optional = true) List<OffsetDateTime> maybeTimes();

    @Argument(optional = true, type = ColorType.class) Color maybeColor();

    /** Not an argument: default methods are the user's own. */
    default boolean isHot() {
        return temperature() > 30;
    }

    @Response
    interface Echo {
        @Argument(optional = true) String unicode();

        @Argument byte[] string();

        @Argument int count();
    }
}
