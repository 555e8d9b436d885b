package shop;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

/** AmpLists: a nested element interface holding an AmpList of a top-level one; an optional AmpList. */
@AmpCommand
public interface Order {
    @Argument String customer();

    @Argument List<Line> lines();

    @Argument(optional = true) List<Line> extras();

    interface Line {
        @Argument String sku();

        @Argument int quantity();

        @Argument(optional = true) List<Tag> tags();
    }

    @Response
    interface Receipt {
        @Argument List<Line> accepted();

        @Argument List<Tag> notes();
    }
}
