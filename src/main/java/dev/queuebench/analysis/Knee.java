package dev.queuebench.analysis;

import java.util.List;

/**
 * Where p99 or errors leave their low-load values.
 *
 * @param found         true when a level broke away from the low-load values
 * @param kneeRps       the highest level's achieved rate before the first broken level (when found),
 *                      else the highest level measured
 * @param brokenAtRps   the first broken level's achieved rate, NaN when none broke
 * @param method        {@code hold-steps} or {@code rate-bands}
 * @param levels        every level, in increasing load, the evidence
 * @param sentence      the finding in words
 */
public record Knee(boolean found, double kneeRps, double brokenAtRps, String method, List<LoadLevel> levels,
        String sentence) {
}
