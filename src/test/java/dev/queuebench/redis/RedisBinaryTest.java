package dev.queuebench.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedisBinaryTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, redis-server-6.2.6-v5-linux-amd64",
        "Linux, x86_64, redis-server-6.2.6-v5-linux-amd64",
        "Linux, aarch64, redis-server-6.2.7-linux-arm64",
        "Linux, i386, redis-server-6.2.7-linux-386",
        "Mac OS X, x86_64, redis-server-6.2.6-v5-darwin-amd64",
        "Mac OS X, aarch64, redis-server-6.2.6-v5-darwin-arm64"})
    void bundledResourceMatchesOsAndCpu(String os, String arch, String resource) {
        assertEquals(resource, BundledRedisServer.resourceName(os, arch));
        assertTrue(BundledRedisServer.class.getResource("/" + resource) != null, resource + " missing from the jar");
    }

    @Test
    void windowsHasNoBundledBinaryAndSaysWhatToDo() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BundledRedisServer.resourceName("Windows 11", "amd64"));
        assertTrue(e.getMessage().contains("-Dqueuebench.redis.binary=/path/to/redis-server"), e.getMessage());
    }

    @Test
    void embeddedRedisVersionComesFromTheJar() {
        assertEquals("1.4.4", BundledRedisServer.embeddedRedisVersion());
    }

    @Test
    void missingExplicitFileIsRejectedWithTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisBinary.choose("/nonexistent/redis-server"));
        assertTrue(e.getMessage().contains("'/nonexistent/redis-server'"), e.getMessage());
        assertTrue(e.getMessage().contains("'path' or 'bundled'"), e.getMessage());
    }

    @Test
    void nonExecutableFileIsRejected(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("redis-server"), "#!/bin/sh\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedisBinary.choose(file.toString()));
        assertTrue(e.getMessage().contains("is not executable"), e.getMessage());
    }

    @Test
    void bundledChoiceNamesTheJar() {
        RedisBinary bundled = RedisBinary.choose("bundled");
        assertEquals("bundled embedded-redis 1.4.4", bundled.source());
        assertTrue(Files.isExecutable(bundled.path()));
    }

    @Test
    void systemPropertyForcesTheChoice() {
        String before = System.getProperty(RedisBinary.PROPERTY);
        try {
            System.setProperty(RedisBinary.PROPERTY, "bundled");
            assertEquals(RedisBinary.bundled().path(), RedisBinary.resolve().path());
            System.setProperty(RedisBinary.PROPERTY, "/nonexistent/redis-server");
            assertThrows(IllegalArgumentException.class, RedisBinary::resolve);
        } finally {
            if (before == null) {
                System.clearProperty(RedisBinary.PROPERTY);
            } else {
                System.setProperty(RedisBinary.PROPERTY, before);
            }
        }
    }
}
