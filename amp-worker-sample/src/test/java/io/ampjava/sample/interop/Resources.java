package io.ampjava.sample.interop;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Files under {@code src/test/resources}, as paths a child process can open. */
final class Resources {
    private Resources() {}

    static Path path(String name) {
        try {
            return Path.of(Resources.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no test resource " + name, e);
        }
    }
}
