package dev.queuebench.gate;

/** What one check of a rule concluded. */
public enum Verdict {
    /** Within the limit. */
    PASS,
    /** The evidence excludes the limit: the whole 95% interval is beyond it. */
    FAIL,
    /** The point estimate is beyond the limit but the interval reaches back inside it: noise cannot be ruled out. */
    INCONCLUSIVE,
    /** Nothing to check: the step, request or metric is not in both runs. */
    SKIPPED
}
