package dev.queuebench.rundir;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a run ended: the code {@code run.json} holds, with the sentence a report or console says
 * beside it. Anything but {@link #COMPLETED} is never a pass.
 */
public enum RunOutcome {
    COMPLETED("completed", "the run played its whole profile"),
    ABORTED("aborted", "the run was stopped before its end (Ctrl-C, SIGTERM or a stop rule)"),
    INJECTOR_SATURATED("injector-saturated", "the injector could not send the planned load"),
    TARGET_FAILED("target-failed", "the target stopped answering, or Gatling could not run against it"),
    RUNNING("running", "the run has not ended, or its harness died without recording how it ended"),
    INCOMPLETE("incomplete", "parts of a multi-injector run are missing: its numbers are not the run's");

    private final String code;
    private final String sentence;

    RunOutcome(String code, String sentence) {
        this.code = code;
        this.sentence = sentence;
    }

    /** What {@code run.json} holds. */
    @JsonValue
    public String code() {
        return code;
    }

    /** The code, as the console has always printed it. */
    /** True when the run did not deliver its load or did not finish: its numbers are never a verdict. */
    public boolean noVerdict() {
        return this == INJECTOR_SATURATED || this == ABORTED || this == RUNNING || this == INCOMPLETE;
    }

    public String label() {
        return code;
    }

    public String sentence() {
        return sentence;
    }

    /** @throws IllegalArgumentException naming the code and the codes there are */
    @JsonCreator
    public static RunOutcome ofCode(String code) {
        for (RunOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + code + "'; expected one of completed, aborted, "
                + "injector-saturated, target-failed, running, incomplete");
    }
}
