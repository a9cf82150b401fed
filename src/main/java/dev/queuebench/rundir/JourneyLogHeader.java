package dev.queuebench.rundir;

/**
 * The first record of {@code journeys.bin.gz}.
 *
 * @param baseEpochMs     every time in the file is a millisecond offset from this instant
 * @param heartbeatTtlSec the gateway's heartbeat TTL the journeys were run against: a user who polled
 *                        within it and was refused lost their place
 * @param injectorIndex   which injector of a multi-injector run wrote the file (0 for a single one)
 * @param userPrefix      the prefix of the user ids ({@code <prefix>-<user number>})
 */
public record JourneyLogHeader(long baseEpochMs, int heartbeatTtlSec, int injectorIndex, String userPrefix) {
    public JourneyLogHeader {
        if (heartbeatTtlSec < 1) {
            throw new IllegalArgumentException("heartbeatTtlSec must be >= 1, was " + heartbeatTtlSec);
        }
        if (injectorIndex < 0) {
            throw new IllegalArgumentException("injectorIndex must be >= 0, was " + injectorIndex);
        }
        userPrefix = userPrefix == null ? "" : userPrefix;
    }
}
