package dev.queuebench.redis;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where a Redis server is and who to log in as: an immutable, parsed Redis URL.
 *
 * <p>Format: {@code redis://[user[:password]@]host[:port][/db]}, or {@code rediss://} for TLS.
 * <ul>
 *   <li>{@code user} and {@code password} are percent-decoded ({@code %40} is {@code @}); an empty
 *       user ({@code redis://:token@host}) means the {@code default} user, as with an ElastiCache AUTH
 *       token. A user without a password logs in with a password given later through
 *       {@link #withPassword(String)}, e.g. from the environment variable {@code QUEUEBENCH_REDIS_PASSWORD}.
 *   <li>{@code host} is a name, an IPv4 address or an IPv6 address in brackets ({@code [::1]});
 *       {@link #host()} returns it without the brackets.
 *   <li>{@code port} defaults to {@value #DEFAULT_PORT}, {@code db} (the logical database) to 0.
 *   <li>Query parameters and fragments are rejected rather than silently ignored.
 * </ul>
 *
 * <p>The password never leaves this object except to {@link RedisClients}: {@link #toString()} and
 * {@link #redacted()} show {@code ***} in its place, and parse errors show the input redacted the
 * same way.
 */
public final class RedisEndpoint {
    /** The port when the URL names none. */
    public static final int DEFAULT_PORT = 6379;

    private static final String PLAIN_SCHEME = "redis";
    private static final String TLS_SCHEME = "rediss";

    private final String host;
    private final int port;
    private final boolean tls;
    private final String user;
    private final String password;
    private final int database;

    private RedisEndpoint(String host, int port, boolean tls, String user, String password, int database) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /** A plain (non-TLS) endpoint without credentials, database 0. */
    public static RedisEndpoint of(String host, int port) {
        Objects.requireNonNull(host, "host");
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        checkPort(port, () -> bare + ":" + port);
        return new RedisEndpoint(bare, port, false, null, null, 0);
    }

    /** A Redis started by {@link EmbeddedRedis}: loopback, with its password and TLS setting. */
    static RedisEndpoint local(String host, int port, boolean tls, String password) {
        return new RedisEndpoint(host, port, tls, null, password, 0);
    }

    /**
     * Parses a Redis URL (format in the class comment).
     *
     * @throws IllegalArgumentException naming what is wrong, with the URL redacted
     */
    public static RedisEndpoint parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(
                    "Redis URL is empty: expected redis://[user[:password]@]host[:port][/db] or rediss://...");
        }
        String trimmed = url.strip();
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(trimmed, "it has no scheme: start it with redis:// or rediss:// (TLS)");
        }
        String scheme = trimmed.substring(0, schemeEnd);
        boolean tls;
        if (scheme.equalsIgnoreCase(PLAIN_SCHEME)) {
            tls = false;
        } else if (scheme.equalsIgnoreCase(TLS_SCHEME)) {
            tls = true;
        } else {
            throw invalid(trimmed, "scheme '" + scheme + "' is not redis:// or rediss:// (TLS)");
        }
        String rest = trimmed.substring(schemeEnd + 3);

        // The last '@' ends the user info: a password may contain a raw '@', a host or a db never does.
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            user = rawUser.isEmpty() ? null : PercentDecoding.decode(rawUser, "user", trimmed);
            if (colon >= 0) {
                password = PercentDecoding.decode(userInfo.substring(colon + 1), "password", trimmed);
                if (password.isEmpty()) {
                    throw invalid(trimmed, "the password after ':' is empty: drop the ':' or give the password");
                }
            }
        }
        if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
            throw invalid(trimmed, "query parameters and fragments (?...#...) are not supported");
        }

        int slash = rest.indexOf('/');
        String hostPort = slash < 0 ? rest : rest.substring(0, slash);
        String databaseText = slash < 0 ? "" : rest.substring(slash + 1);
        int database = parseDatabase(databaseText, trimmed);

        String host;
        String portText;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(trimmed, "IPv6 host has '[' but no closing ']'");
            }
            host = hostPort.substring(1, close);
            String afterHost = hostPort.substring(close + 1);
            if (!afterHost.isEmpty() && !afterHost.startsWith(":")) {
                throw invalid(trimmed, "expected ':port' after the IPv6 host in brackets");
            }
            portText = afterHost.isEmpty() ? null : afterHost.substring(1);
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.%a-zA-Z]+") || host.indexOf(':') < 0) {
                throw invalid(trimmed, "'" + host + "' in brackets is not an IPv6 address");
            }
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                throw invalid(trimmed, "an IPv6 host must be written in brackets, e.g. redis://[::1]:6379");
            }
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid(trimmed, "the host is missing");
            }
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw invalid(trimmed, "host '" + host + "' is not a host name or IPv4 address");
            }
        }
        int port = parsePort(portText, trimmed);
        return new RedisEndpoint(host, port, tls, user, password, database);
    }

    private static int parsePort(String portText, String url) {
        if (portText == null) {
            return DEFAULT_PORT;
        }
        if (!portText.matches("[0-9]{1,5}")) {
            throw invalid(url, "the port is not a number from 1 to 65535");
        }
        int port = Integer.parseInt(portText);
        checkPort(port, () -> UrlRedaction.redact(url));
        return port;
    }

    private static void checkPort(int port, Supplier<String> shown) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port + " in " + shown.get());
        }
    }

    private static int parseDatabase(String databaseText, String url) {
        if (databaseText.isEmpty()) {
            return 0;
        }
        if (!databaseText.matches("[0-9]{1,9}")) {
            throw invalid(url, "the database after '/' must be a non-negative number, got '"
                    + UrlRedaction.redactFragment(databaseText) + "'");
        }
        return Integer.parseInt(databaseText);
    }

    private static IllegalArgumentException invalid(String url, String problem) {
        return new IllegalArgumentException("Invalid Redis URL " + UrlRedaction.redact(url) + ": " + problem);
    }

    /** The same server, logging in with {@code password} (keeps the user, if any). */
    public RedisEndpoint withPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty (endpoint " + redacted() + ")");
        }
        return new RedisEndpoint(host, port, tls, user, password, database);
    }

    /** The host name or address, IPv6 without brackets. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** True for {@code rediss://}. */
    public boolean tls() {
        return tls;
    }

    /** The ACL user; empty means Redis's {@code default} user. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    public boolean hasPassword() {
        return password != null;
    }

    /** The logical database selected after connecting (SELECT), 0 unless the URL says otherwise. */
    public int database() {
        return database;
    }

    /** For {@link RedisClients} only: never log, print or store it. */
    String password() {
        return password;
    }

    /**
     * The URL with the password replaced by {@code ***}, always with port and database, e.g.
     * {@code rediss://app:***@host:6379/0}: safe for logs, {@code run.json} and reports.
     */
    public String redacted() {
        StringBuilder url = new StringBuilder(tls ? TLS_SCHEME : PLAIN_SCHEME).append("://");
        if (user != null || password != null) {
            if (user != null) {
                url.append(PercentDecoding.encodeUserInfo(user));
            }
            if (password != null) {
                url.append(":***");
            }
            url.append('@');
        }
        url.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        return url.append(':').append(port).append('/').append(database).toString();
    }

    /** Same as {@link #redacted()}. */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedisEndpoint that
                && port == that.port && tls == that.tls && database == that.database
                && host.equals(that.host) && Objects.equals(user, that.user)
                && Objects.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        // The password is left out on purpose: equal endpoints still hash equally, and nothing leaks.
        return Objects.hash(host, port, tls, user, database);
    }
}
