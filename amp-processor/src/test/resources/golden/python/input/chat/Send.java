package chat;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.AmpError;
import io.ampjava.annotations.Argument;
import io.ampjava.annotations.Response;
import java.util.List;

@AmpCommand(errors = {
    @AmpError(code = "QUOTA", exception = QuotaException.class),
    @AmpError(code = "BANNED", exception = Banned.class, fatal = true),
    @AmpError(code = "BAD", exception = IllegalArgumentException.class)
})
public interface Send {
    @Argument
    String channel();

    @Argument(large = true)
    String text();

    @Argument(value = "attachment-data", large = true, optional = true)
    byte[] attachment();

    @Argument(optional = true)
    List<String> mentions();

    @Argument
    List<Tag> tags();

    interface Tag {
        @Argument
        String name();

        @Argument(optional = true)
        List<Tag.Part> parts();

        interface Part {
            @Argument
            long offset();
        }
    }

    @Response
    interface Receipt {
        @Argument
        long id();

        @Argument(large = true, optional = true)
        byte[] echo();
    }
}
