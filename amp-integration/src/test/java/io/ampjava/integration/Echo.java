package io.ampjava.integration;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import io.ampjava.types.AmpDecimal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Every present argument comes back under the same key; absent ones stay absent. The same
 * interface is the response: its values are re-encoded canonically.
 */
@AmpCommand(name = "EchoTypes")
public interface Echo {
    @Argument(optional = true) Long integer();

    @Argument(optional = true) byte[] string();

    @Argument(optional = true) String unicode();

    @Argument(optional = true) Boolean bool();

    @Argument(value = "float", optional = true) Double floating();

    @Argument(optional = true) AmpDecimal decimal();

    @Argument(optional = true) OffsetDateTime datetime();

    @Argument(value = "path", optional = true) Path filePath();

    @Argument(optional = true) List<Long> integers();

    @Argument(optional = true) List<String> unicodes();

    @Argument(optional = true) List<BigDecimal> decimals();

    @Argument(optional = true) List<OffsetDateTime> datetimes();

    @Argument(optional = true) List<Item> items();

    @Argument(optional = true) List<Tree> nested();

    interface Item {
        @Argument long x();

        @Argument(optional = true) String label();
    }

    interface Tree {
        @Argument String name();

        @Argument List<Leaf> children();
    }

    interface Leaf {
        @Argument long x();
    }

    @Response
    interface Echoed extends Echo {}
}
