package dev.queuebench.load;

import dev.queuebench.profile.LoadProfile;
import dev.queuebench.profile.JourneyShape;

import java.nio.file.Path;

/**
 * Everything one load run needs besides the target.
 *
 * @param profile              the profile with the command line's overrides applied
 * @param scale                the {@code --scale} already applied to the profile (recorded only)
 * @param label                the run id's suffix
 * @param nodeType             the Redis node type label, e.g. {@code cache.r7g.large}
 * @param resultsRoot          where run directories are made ({@code results/runs})
 * @param sharedConnections    one connection pool for all virtual users (false: one per user)
 * @param requestTimeoutMillis a request unanswered after this is a KO
 * @param injectorHeapMb       the Gatling JVM's heap
 * @param injectorIndex        this injector's index when several share a load (0-based)
 * @param injectorCount        how many injectors share the load
 * @param gatlingReport        whether Gatling writes its own HTML report
 * @param shortestJourneyRequests the fewest requests a user is expected to send against this target,
 *                             for the ceiling of candidate users; 0 for the journey's own fewest
 *                             ({@link JourneyShape#fewestRequestsPerUser()})
 */
public record RunSettings(LoadProfile profile, double scale, String label, String nodeType, Path resultsRoot,
        boolean sharedConnections, int requestTimeoutMillis, int injectorHeapMb, int injectorIndex,
        int injectorCount, boolean gatlingReport, double shortestJourneyRequests) {
    public RunSettings {
        if (shortestJourneyRequests != 0 && shortestJourneyRequests < 1) {
            throw new IllegalArgumentException("--shortest-journey-requests must be >= 1 (a join), was "
                    + shortestJourneyRequests);
        }
        if (requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("--request-timeout-ms must be >= 1, was " + requestTimeoutMillis);
        }
        if (injectorHeapMb < 64) {
            throw new IllegalArgumentException("--injector-heap-mb must be >= 64, was " + injectorHeapMb);
        }
        if (injectorCount < 1 || injectorIndex < 0 || injectorIndex >= injectorCount) {
            throw new IllegalArgumentException("--injector-index must be between 0 and --injector-count - 1");
        }
        if (!label.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("--label must be 1-64 characters of A-Z a-z 0-9 . _ -, was '" + label + "'");
        }
    }
}
