package io.ampjava.sample.manager;

/** The kinds of result trial knows, with the label progress lines show. */
public enum ResultKind {
    SUCCESS("ok", false),
    FAILURE("FAIL", true),
    ERROR("ERROR", true),
    SKIP("skip", false),
    EXPECTED_FAILURE("todo", false),
    /** Like trial (and unlike Python 3.4's unittest), an unexpected success does not fail the run. */
    UNEXPECTED_SUCCESS("UNEXPECTED SUCCESS", false);

    private final String label;
    private final boolean failsRun;

    ResultKind(String label, boolean failsRun) {
        this.label = label;
        this.failsRun = failsRun;
    }

    /** A short word for progress lines. */
    public String label() {
        return label;
    }

    /** Whether a result of this kind makes the whole run fail. */
    public boolean failsRun() {
        return failsRun;
    }
}
