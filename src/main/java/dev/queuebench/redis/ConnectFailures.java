package dev.queuebench.redis;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import javax.net.ssl.SSLException;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Turns a failure to connect into a message that names the endpoint (redacted) and what to check.
 * Keeps Jedis's exception kinds, so callers that classify by type (an outage is a
 * {@link JedisConnectionException}) still work. Redis's own replies never echo a password, and
 * neither do these messages.
 */
final class ConnectFailures {
    private ConnectFailures() {
    }

    static JedisException describe(RedisEndpoint endpoint, RuntimeException failure) {
        String where = "Redis at " + endpoint.redacted();
        String serverReply = serverReply(failure);
        if (serverReply != null) {
            if (serverReply.startsWith("NOAUTH")) {
                return new JedisAccessControlException(where + " requires a password and none was given ("
                        + serverReply + "): give it in the URL or, for the CLI, in the QUEUEBENCH_REDIS_PASSWORD "
                        + "environment variable", failure);
            }
            if (serverReply.startsWith("WRONGPASS") || serverReply.contains("invalid password")) {
                return new JedisAccessControlException(where + " rejected the credentials (" + serverReply
                        + "): check the user and password", failure);
            }
            if (serverReply.contains("without any password configured") || serverReply.contains("no password is set")) {
                return new JedisAccessControlException(where + " has no password set but one was given ("
                        + serverReply + "): drop the password from the URL and environment", failure);
            }
            return new JedisDataException(where + " refused the connection setup: " + serverReply, failure);
        }
        Throwable tls = find(failure, SSLException.class, CertificateException.class);
        if (tls != null) {
            return new JedisConnectionException("TLS handshake with " + where + " failed: " + tls.getMessage()
                    + ". Check that the server speaks TLS (rediss://), that its certificate chains to a trusted CA "
                    + "(for a self-signed server, trust its CA certificate PEM file) and that it names the host "
                    + "dialled ('" + endpoint.host() + "')", failure);
        }
        if (find(failure, UnknownHostException.class) != null) {
            return new JedisConnectionException("Cannot connect to " + where + ": unknown host '" + endpoint.host()
                    + "'. Check the host name and DNS", failure);
        }
        if (find(failure, ConnectException.class) != null) {
            return new JedisConnectionException("Cannot connect to " + where + ": "
                    + find(failure, ConnectException.class).getMessage()
                    + ". Check the host and port and that Redis is running", failure);
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return new JedisConnectionException("Cannot connect to " + where + ": timed out ("
                    + find(failure, SocketTimeoutException.class).getMessage() + "). Check that the host is "
                    + "reachable (security groups, VPN) and redis:// versus rediss:// (TLS)", failure);
        }
        return new JedisConnectionException("Cannot connect to " + where + ": " + rootMessage(failure)
                + ". Check the host and port, that Redis is running, and redis:// versus rediss:// (TLS)", failure);
    }

    /** Redis's error reply during the connection setup (AUTH, SELECT, HELLO), if that is what failed. */
    private static String serverReply(Throwable failure) {
        Throwable data = find(failure, JedisDataException.class);
        return data == null ? null : data.getMessage();
    }

    @SafeVarargs
    private static Throwable find(Throwable failure, Class<? extends Throwable>... kinds) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            for (Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(next)) {
                    return next;
                }
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            // Jedis records each address it tried as a suppressed exception.
            for (Throwable suppressed : next.getSuppressed()) {
                pending.add(suppressed);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
