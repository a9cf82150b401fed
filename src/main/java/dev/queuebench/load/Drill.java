package dev.queuebench.load;

import dev.queuebench.rundir.DrillEvents;
import java.util.Locale;

/**
 * One drill of a run ({@code run --drill KIND[:ARG]@SEC}): what the harness does to the target's Redis,
 * and at which second of the measured phases (0 = the end of the warm-up).
 *
 * @param argMillis the pause's length for {@link Kind#PAUSE}, else 0
 * @param keepData  for {@link Kind#RESTART}: the data set is saved and loaded again ({@code restart:rdb}),
 *                  as on a node with persistence; else nothing is kept
 */
public record Drill(Kind kind, long argMillis, int atMeasuredSec, boolean keepData) {
    /** A drill that keeps no data. */
    public Drill(Kind kind, long argMillis, int atMeasuredSec) {
        this(kind, argMillis, atMeasuredSec, false);
    }

    /** What a drill does. */
    public enum Kind {
        /** {@code CLIENT PAUSE ms ALL}: what a slow failover or maintenance looks like to clients. */
        PAUSE(DrillEvents.PAUSE),
        /** {@code CLIENT KILL TYPE normal}: what node replacement and scaling do to open connections. */
        KILL_CONNECTIONS(DrillEvents.KILL_CONNECTIONS),
        /** The embedded primary stops and starts again on its port, keeping nothing (no persistence). */
        RESTART(DrillEvents.RESTART),
        /**
         * The replica becomes primary and the primary endpoint follows it, the way ElastiCache Multi-AZ
         * does: Sentinel promotes the embedded replica, HAProxy moves the endpoint and closes the
         * connections to the old primary.
         */
        FAILOVER(DrillEvents.FAILOVER),
        /** ElastiCache's TestFailover API for a node group of {@code --replication-group}. */
        ELASTICACHE_FAILOVER(DrillEvents.ELASTICACHE_FAILOVER);

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public Drill {
        if (atMeasuredSec < 0) {
            throw new IllegalArgumentException("a drill's second must be >= 0, was " + atMeasuredSec);
        }
        if (keepData && kind != Kind.RESTART) {
            throw new IllegalArgumentException("only a restart keeps its data (restart:rdb@SEC)");
        }
        if (kind == Kind.PAUSE && (argMillis < 1 || argMillis > 600_000)) {
            throw new IllegalArgumentException("pause takes 1 to 600000 ms, e.g. --drill pause:2000@20; was " + argMillis);
        }
    }

    /** {@code pause:2000@20}, {@code kill-connections@30}, {@code restart@40}, {@code restart:rdb@40}. */
    public static Drill parse(String text) {
        String usage = "--drill takes KIND[:ARG]@SEC with KIND pause:MS, kill-connections, restart, restart:rdb, "
                + "failover or elasticache-failover, "
                + "e.g. --drill pause:2000@20; was '" + text + "'";
        int at = text.lastIndexOf('@');
        if (at < 1) {
            throw new IllegalArgumentException(usage);
        }
        String what = text.substring(0, at).toLowerCase(Locale.ROOT);
        int second;
        try {
            second = Integer.parseInt(text.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(usage);
        }
        String name = what.contains(":") ? what.substring(0, what.indexOf(':')) : what;
        String arg = what.contains(":") ? what.substring(what.indexOf(':') + 1) : null;
        for (Kind kind : Kind.values()) {
            if (kind.text().equals(name)) {
                if (kind == Kind.RESTART && "rdb".equals(arg)) {
                    return new Drill(kind, 0, second, true);
                }
                if ((kind == Kind.PAUSE) != (arg != null)) {
                    throw new IllegalArgumentException(usage);
                }
                try {
                    return new Drill(kind, arg == null ? 0 : Long.parseLong(arg), second);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(usage);
                }
            }
        }
        throw new IllegalArgumentException(usage);
    }

    /** As the timeline says it. */
    public String describe() {
        return switch (kind) {
            case PAUSE -> "CLIENT PAUSE " + argMillis + " ms ALL";
            case KILL_CONNECTIONS -> "CLIENT KILL TYPE normal";
            case RESTART -> keepData ? "the primary saved its data (RDB), stopped and started again from it"
                    : "the primary stopped and started again (nothing persisted)";
            case FAILOVER -> "SENTINEL FAILOVER: the replica promoted, the primary endpoint moved to it";
            case ELASTICACHE_FAILOVER -> "ElastiCache TestFailover of the replication group's node group";
        };
    }
}
