package chat;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.types.AmpDecimal;
import io.ampjava.types.Descriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/** Every type, once. */
@AmpCommand(name = "types-\u2603")
public interface Types {
    @Argument int small();
    @Argument Long wide();
    @Argument BigInteger huge();
    @Argument byte[] raw();
    @Argument("na\u00efve") String text();
    @Argument boolean flag();
    @Argument Double ratio();
    @Argument BigDecimal money();
    @Argument AmpDecimal exact();
    @Argument OffsetDateTime when();
    @Argument Path where();
    @Argument Descriptor fd();
    @Argument("say \"hi\"") List<List<Integer>> grid();
}
