package dev.queuebench.plan;

import dev.queuebench.redis.PoolProfile;
import java.util.Locale;

/**
 * Which side closes an idle connection first: the server's {@code timeout} or the pool's idle
 * timeout. When the server is first, the pool hands out connections the server already closed and
 * the first command on each fails; the pool must be first, including the wait for its next
 * eviction run.
 */
public final class IdleTimeoutCheck {
    private IdleTimeoutCheck() {
    }

    public static String sentence(int serverTimeoutSec, PoolProfile pool) {
        int idleSec = pool.idleTimeoutSec();
        int checkSec = pool.evictionRunIntervalSec();
        String name = "'" + pool.name() + "'";
        if (serverTimeoutSec == 0 && idleSec == 0) {
            return "Neither side closes idle connections (Redis timeout 0, pool " + name + " IdleTimeout 0): they "
                    + "stay open until the gateway restarts.";
        }
        if (serverTimeoutSec == 0) {
            return String.format(Locale.ROOT, "Redis never closes idle connections (timeout 0): the pool %s closes "
                    + "them after %d s.", name, idleSec);
        }
        if (idleSec == 0 || idleSec >= serverTimeoutSec) {
            String pools = idleSec == 0 ? "never does (IdleTimeout 0)"
                    : String.format(Locale.ROOT, "would only at its IdleTimeout of %d s", idleSec);
            return String.format(Locale.ROOT, "Redis closes idle connections first (timeout %d s) and the pool %s "
                    + "%s: the pool hands out connections the server already closed, and the first command on each "
                    + "fails. Set the pool's IdleTimeout below %d s.", serverTimeoutSec, name, pools,
                    safeIdleTimeoutBelowSec(serverTimeoutSec));
        }
        if (idleSec + checkSec >= serverTimeoutSec) {
            return String.format(Locale.ROOT, "The pool %s closes idle connections after %d s, before Redis's "
                    + "timeout of %d s, but checks them only every %d s: a connection can sit idle up to %d s and "
                    + "Redis may close it first, failing the first command on it. Set the pool's IdleTimeout below "
                    + "%d s.", name, idleSec, serverTimeoutSec, checkSec, idleSec + checkSec,
                    safeIdleTimeoutBelowSec(serverTimeoutSec));
        }
        return String.format(Locale.ROOT, "The pool %s closes idle connections first: after %d s (checked every %d s, "
                + "so by %d s at the latest), before Redis's timeout of %d s; no request is handed a connection the "
                + "server closed.", name, idleSec, checkSec, idleSec + checkSec, serverTimeoutSec);
    }

    /**
     * The IdleTimeout under which idle + its check interval, min(60 s, idle), stays below the
     * server's timeout.
     */
    static int safeIdleTimeoutBelowSec(int serverTimeoutSec) {
        return serverTimeoutSec - Math.min(PoolProfile.EVICTION_RUN_INTERVAL_MAX_SEC, serverTimeoutSec / 2);
    }
}
