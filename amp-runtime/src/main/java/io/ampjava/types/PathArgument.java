package io.ampjava.types;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * AMP {@code Path}: a file path as {@link UnicodeArgument} text of its string form, e.g.
 * {@code /tmp/x y}.
 *
 * <p>The path is sent as it is. Twisted's {@code FilePath} always holds an absolute, normalized
 * path, so a Twisted peer reads a relative path against its own working directory; send
 * {@code path.toAbsolutePath()} when that matters. Decoding gives a path of the default file
 * system.
 */
public final class PathArgument implements ArgumentType<Path> {
    /** The one instance. */
    public static final PathArgument INSTANCE = new PathArgument();

    private PathArgument() {}

    @Override
    public byte[] toWire(Path value, ArgumentContext context) {
        return UnicodeArgument.encode(value.toString());
    }

    /**
     * @throws BadArgumentException if the bytes are not UTF-8 or not a path here (a NUL byte, or a
     *     character the JVM's file-name encoding, {@code sun.jnu.encoding}, cannot represent)
     */
    @Override
    public Path fromWire(byte[] wire, ArgumentContext context) {
        String text = UnicodeArgument.decode(wire);
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new BadArgumentException("not a valid path here (file-name encoding "
                    + System.getProperty("sun.jnu.encoding") + "): " + e.getMessage(), e);
        }
    }
}
