package io.ampjava.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {
    private static final String MISSING = "/opt/tool is missing: apt-get install -y tool";

    @Test
    void aPrerequisiteThatIsPresentLetsTheTestRun() {
        Prerequisites.require(true, MISSING, false);
        Prerequisites.require(true, MISSING, true);
    }

    @Test
    void aMissingPrerequisiteSkipsTheTestSayingSo() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class,
                () -> Prerequisites.require(false, MISSING, false));
        assertEquals(MISSING + " [skipped; under CI=true this fails]", skipped.getMessage());
    }

    @Test
    void underCiAMissingPrerequisiteFailsTheTestWithTheSameMessage() {
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> Prerequisites.require(false, MISSING, true));
        assertEquals(MISSING + " [CI=true: tests that need it must run, so this one fails]", failed.getMessage());
    }

    @Test
    void missingAlwaysThrowsOneOrTheOther() {
        Class<? extends Throwable> expected = Prerequisites.underCi() ? AssertionFailedError.class : TestAbortedException.class;
        assertThrows(expected, () -> {
            throw Prerequisites.missing(MISSING);
        });
    }
}
