package io.ampjava.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one policy for a test that needs something from outside the JVM, such as Twisted for
 * {@code /usr/bin/python3}: where it is missing the test is skipped, saying what is missing and how
 * to get it; under {@code CI=true} the same message fails the test instead, because a skipped check
 * proves nothing and CI installs what the tests need ({@code .ci/run}).
 *
 * <pre>{@code
 * Prerequisites.require(Files.isExecutable(tool), tool + " is missing: apt-get install -y ...");
 * }</pre>
 */
public final class Prerequisites {
    /** The environment variable that marks a CI run when it is {@code true}. */
    public static final String CI = "CI";

    private Prerequisites() {}

    /** Whether this is a CI run ({@code CI=true}), where nothing may be skipped for want of a prerequisite. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv(CI));
    }

    /**
     * Returns if {@code present}; otherwise skips the calling test, or fails it under
     * {@code CI=true}, with {@code missing} (what is missing and how to get it).
     */
    public static void require(boolean present, String missing) {
        require(present, missing, underCi());
    }

    /**
     * Skips the calling test, or fails it under {@code CI=true}, for {@code missing}. It always
     * throws; the return type lets a caller write {@code throw Prerequisites.missing(...)} where the
     * compiler wants a value.
     */
    public static RuntimeException missing(String missing) {
        require(false, missing, underCi());
        throw new AssertionError("unreachable");
    }

    static void require(boolean present, String missing, boolean underCi) {
        if (present) {
            return;
        }
        if (underCi) {
            Assertions.fail(message(missing, true));
        }
        Assumptions.abort(message(missing, false));
    }

    /** The message for a missing prerequisite: what is missing, then what that means here. */
    static String message(String missing, boolean underCi) {
        return missing + (underCi
                ? " [CI=true: tests that need it must run, so this one fails]"
                : " [skipped; under CI=true this fails]");
    }
}
