package dev.queuebench.load;

/** How a run ended, as written to {@code run.json}. Anything but {@link #COMPLETED} is never a pass. */
public enum RunOutcome {
    COMPLETED("completed"),
    ABORTED("aborted"),
    INJECTOR_SATURATED("injector-saturated"),
    TARGET_FAILED("target-failed");

    private final String label;

    RunOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
