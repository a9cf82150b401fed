package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedisEndpointTest {
    private static final String SECRET = "s3cr3t-Tok3n";

    @Test
    void hostOnlyGetsDefaultPortAndDatabaseZero() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://cache.internal");
        assertEquals("cache.internal", endpoint.host());
        assertEquals(6379, endpoint.port());
        assertEquals(0, endpoint.database());
        assertFalse(endpoint.tls());
        assertEquals(Optional.empty(), endpoint.user());
        assertFalse(endpoint.hasPassword());
        assertEquals("redis://cache.internal:6379/0", endpoint.redacted());
    }

    @Test
    void fullTlsUrlParsesEveryPart() {
        RedisEndpoint endpoint = RedisEndpoint.parse(
                "rediss://app:" + SECRET + "@master.qb.abc123.use1.cache.amazonaws.com:6380/3");
        assertTrue(endpoint.tls());
        assertEquals("master.qb.abc123.use1.cache.amazonaws.com", endpoint.host());
        assertEquals(6380, endpoint.port());
        assertEquals(3, endpoint.database());
        assertEquals(Optional.of("app"), endpoint.user());
        assertTrue(endpoint.hasPassword());
        assertEquals(SECRET, endpoint.password());
        assertEquals("rediss://app:***@master.qb.abc123.use1.cache.amazonaws.com:6380/3", endpoint.redacted());
        assertEquals(endpoint.redacted(), endpoint.toString());
    }

    @Test
    void emptyUserWithPasswordMeansDefaultUser() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:" + SECRET + "@10.0.0.5");
        assertEquals(Optional.empty(), endpoint.user());
        assertEquals(SECRET, endpoint.password());
        assertEquals("redis://:***@10.0.0.5:6379/0", endpoint.redacted());
    }

    @Test
    void userWithoutPasswordIsKept() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://reader@host:7000");
        assertEquals(Optional.of("reader"), endpoint.user());
        assertFalse(endpoint.hasPassword());
        assertEquals("redis://reader@host:7000/0", endpoint.redacted());
    }

    @Test
    void userAndPasswordArePercentDecodedAndPlusIsLiteral() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://us%40er:p%3Aa%2Fs%25s+w%C3%B6rd@host");
        assertEquals(Optional.of("us@er"), endpoint.user());
        assertEquals("p:a/s%s+w\u00f6rd", endpoint.password());
        assertEquals("redis://us%40er:***@host:6379/0", endpoint.redacted());
    }

    @Test
    void rawAtSignAndSlashInPasswordAreTolerated() {
        RedisEndpoint endpoint = RedisEndpoint.parse("redis://:p@ss/w0rd@host:6390/2");
        assertEquals("p@ss/w0rd", endpoint.password());
        assertEquals("host", endpoint.host());
        assertEquals(6390, endpoint.port());
        assertEquals(2, endpoint.database());
    }

    @ParameterizedTest
    @CsvSource({
        "redis://[::1], ::1, 6379, redis://[::1]:6379/0",
        "redis://[::1]:6380/1, ::1, 6380, redis://[::1]:6380/1",
        "rediss://u:pw@[2001:db8::7]:6379, 2001:db8::7, 6379, rediss://u:***@[2001:db8::7]:6379/0"})
    void ipv6HostsInBrackets(String url, String host, int port, String redacted) {
        RedisEndpoint endpoint = RedisEndpoint.parse(url);
        assertEquals(host, endpoint.host());
        assertEquals(port, endpoint.port());
        assertEquals(redacted, endpoint.redacted());
    }

    @Test
    void schemeIsCaseInsensitiveAndTrailingSlashMeansDatabaseZero() {
        RedisEndpoint endpoint = RedisEndpoint.parse("REDISS://host/");
        assertTrue(endpoint.tls());
        assertEquals(0, endpoint.database());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "host:6379|no scheme",
        "http://host|is not redis:// or rediss://",
        "redis://|the host is missing",
        "redis://:6379|the host is missing",
        "redis://host:0|port must be between 1 and 65535",
        "redis://host:70000|port must be between 1 and 65535",
        "redis://host:port|the port is not a number",
        "redis://host/db1|database after '/' must be a non-negative number",
        "redis://host/-1|database after '/' must be a non-negative number",
        "redis://::1:6379|IPv6 host must be written in brackets",
        "redis://[::1|no closing ']'",
        "redis://[::1]x|expected ':port'",
        "redis://host?ssl=true|query parameters",
        "redis://ho st|is not a host name",
        "redis://u:p%zz@host|'%' not followed by two hex digits",
        "redis://u:p%C3@host|not valid UTF-8",
        "redis://u:@host|the password after ':' is empty"})
    void invalidUrlsNameTheProblem(String url, String problem) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url));
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "redis://app:" + SECRET + "@host:notaport",
        "redis://app:" + SECRET + "@host/notadb",
        "redis://app:" + SECRET + "@ho st",
        "redis://app:" + SECRET + "@host?x=1",
        "redis://app:" + SECRET + "%zz@host",
        "http://app:" + SECRET + "@host",
        "app:" + SECRET + "@host",
        // The '@' forgotten: the password sits where the port would be.
        "redis://app:" + SECRET,
        "redis://app:" + SECRET + "/0",
        "redis://:" + SECRET + "@:6379"})
    void errorsNeverContainThePassword(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.parse(url));
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        assertFalse(e.getMessage().contains("Tok3n"), e.getMessage());
    }

    @Test
    void errorShowsTheUrlRedacted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisEndpoint.parse("redis://app:" + SECRET + "@host:99999/0"));
        assertTrue(e.getMessage().contains("redis://app:***@host:99999/0"), e.getMessage());
    }

    @Test
    void withPasswordKeepsEverythingElseAndStaysRedacted() {
        RedisEndpoint parsed = RedisEndpoint.parse("rediss://app@host:6380/4");
        RedisEndpoint withPassword = parsed.withPassword(SECRET);
        assertFalse(parsed.hasPassword());
        assertTrue(withPassword.hasPassword());
        assertEquals(SECRET, withPassword.password());
        assertEquals("rediss://app:***@host:6380/4", withPassword.toString());
        assertNotEquals(parsed, withPassword);
        assertEquals(parsed.hashCode(), withPassword.hashCode());
        assertThrows(IllegalArgumentException.class, () -> parsed.withPassword(""));
    }

    @Test
    void ofMakesAPlainEndpoint() {
        RedisEndpoint endpoint = RedisEndpoint.of("127.0.0.1", 6400);
        assertEquals(RedisEndpoint.parse("redis://127.0.0.1:6400/0"), endpoint);
        assertEquals("redis://[::1]:6379/0", RedisEndpoint.of("[::1]", 6379).redacted());
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.of("host", 0));
        assertThrows(IllegalArgumentException.class, () -> RedisEndpoint.of("", 6379));
    }
}
