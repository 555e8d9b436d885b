package io.ampjava.sample.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** The SHA-256 of a class file, as a class loader finds it: what {@code ClassDigest} compares. */
public final class ClassDigests {
    private ClassDigests() {}

    /** The hex SHA-256 of {@code className}'s class file in {@code loader}, or empty when it has none. */
    public static Optional<String> of(ClassLoader loader, String className) {
        if (className.isEmpty() || className.contains("/") || className.endsWith(".")) {
            return Optional.empty();
        }
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) {
                return Optional.empty();
            }
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha256.update(buffer, 0, n);
            }
            return Optional.of(HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + className, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
