package dev.queuebench.redis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The redis-server command line for one {@link EmbeddedRedis} run. Holds no secret: passwords are
 * set over the connection after start.
 */
final class ServerArguments {
    private final RedisBinary binary;
    private final int port;
    private final Path directory;
    private final RedisTlsFiles tlsFiles;
    private final boolean tlsReplication;
    private final long maxMemoryBytes;
    private final Map<String, String> extraConfig;

    ServerArguments(RedisBinary binary, int port, Path directory, RedisTlsFiles tlsFiles, boolean tlsReplication,
            long maxMemoryBytes, Map<String, String> extraConfig) {
        this.binary = binary;
        this.port = port;
        this.directory = directory;
        this.tlsFiles = tlsFiles;
        this.tlsReplication = tlsReplication;
        this.maxMemoryBytes = maxMemoryBytes;
        this.extraConfig = extraConfig;
    }

    List<String> command() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (tlsFiles == null) {
            settings.put("port", Integer.toString(port));
        } else {
            // TLS only, like an ElastiCache group with in-transit encryption: no plain-text port.
            settings.put("port", "0");
            settings.put("tls-port", Integer.toString(port));
            settings.put("tls-cert-file", tlsFiles.certificate().toString());
            settings.put("tls-key-file", tlsFiles.privateKey().toString());
            settings.put("tls-ca-cert-file", tlsFiles.caCertificate().toString());
            settings.put("tls-auth-clients", "no");
            if (tlsReplication) {
                settings.put("tls-replication", "yes");
            }
        }
        settings.put("bind", EmbeddedRedis.HOST);
        settings.put("dir", directory.toString());
        // An empty argument: Redis reads `save ""`, which removes every save point.
        settings.put("save", "");
        settings.put("appendonly", "no");
        settings.put("daemonize", "no");
        settings.put("logfile", "");
        if (maxMemoryBytes > 0) {
            settings.put("maxmemory", Long.toString(maxMemoryBytes));
        }
        // Replicas sync over the socket at once, without an RDB file on either side.
        settings.put("repl-diskless-sync", "yes");
        settings.put("repl-diskless-sync-delay", "0");
        settings.put("repl-diskless-load", "on-empty-db");
        if (binary.majorVersion() >= 7) {
            // Redis 7 refuses DEBUG unless allowed; 6.2 allows it. Keep both the same.
            settings.put("enable-debug-command", "local");
        }
        settings.putAll(extraConfig);

        List<String> command = new ArrayList<>();
        command.add(binary.path().toString());
        settings.forEach((key, value) -> {
            command.add("--" + key);
            command.add(value);
        });
        return command;
    }
}
