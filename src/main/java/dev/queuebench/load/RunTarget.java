package dev.queuebench.load;

/**
 * What a run sends its load to, as recorded in {@code run.json}. The Redis endpoints are already
 * redacted; the gateway URL is sent to as given and recorded without its password
 * ({@link #recordedGatewayUrl()}).
 *
 * @param gatewayUrl    base URL of the queue gateway
 * @param embedded      true when queuebench started the gateway and Redis itself
 * @param redis         the gateway's Redis, password removed, or null when unknown (an outside gateway)
 * @param reader        the reader endpoint, or null
 * @param redisServer   Redis server version and binary, when known
 */
public record RunTarget(String gatewayUrl, boolean embedded, String redis, String reader, String redisServer) {
    /** The gateway URL with the password of any {@code user:password@} replaced by {@code ***}. */
    public String recordedGatewayUrl() {
        return gatewayUrl.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:]*):[^/@]*@", "$1:***@");
    }
}
