package dev.queuebench.gate;

/** One rule applied to one step and request (or one JMH benchmark), with its evidence in words. */
public record Check(GateRule rule, String subject, Verdict verdict, String evidence) {
}
