package shop;

import io.ampjava.annotations.Argument;

public interface Tag {
    @Argument String name();

    @Argument(optional = true) String value();
}
