package shop;

import io.ampjava.annotations.AmpCommand;
import io.ampjava.annotations.Argument;
import java.util.List;

/** A second command with Tag elements: both use the one TagElement. */
@AmpCommand
public interface Retag {
    @Argument String sku();

    @Argument List<Tag> tags();

    @Argument(optional = true) List<Note> notes();
}

