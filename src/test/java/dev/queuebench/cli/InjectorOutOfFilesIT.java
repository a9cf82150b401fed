package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.queuebench.rundir.JsonFiles;
import dev.queuebench.rundir.RunFiles;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injector that runs out of file descriptors (seen in CI: a starved injector against a slow target
 * opened 20,000 connections, Gatling's socket calls failed with "Too many open files", and the
 * simulation, unable to open /proc to see its harness, took the harness for dead and stopped two
 * seconds in). Here a real {@code queuebench run} under {@code prlimit --nofile=256} against a target
 * that never answers the queue's requests, so every request in flight holds a connection: the run
 * must stop at once as {@code injector-saturated}, say that the failures are the injector's and which
 * limit it hit, and keep the causes apart from the target's in requests.csv.
 */
class InjectorOutOfFilesIT {
    private static final Path JAR = Path.of("target", "queuebench.jar");
    private static final int OPEN_FILES_LIMIT = 256;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void anInjectorOutOfFileDescriptorsStopsTheRunAndSaysWhy(@TempDir Path results) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " missing: build it with ./mvnw -B -o package -DskipTests");
        CountDownLatch stop = new CountDownLatch(1);
        ExecutorService handlers = Executors.newCachedThreadPool();
        HttpServer target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        target.setExecutor(handlers);
        target.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/healthz")) {
                byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            try {
                stop.await(120, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        target.start();
        try {
            Process run = new ProcessBuilder("prlimit", "--nofile=" + OPEN_FILES_LIMIT + ":" + OPEN_FILES_LIMIT,
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "run",
                    "--profile", "smoke", "--hold-sec", "60", "--request-timeout-ms", "60000", "--no-gatling-report",
                    "--target", "http://127.0.0.1:" + target.getAddress().getPort(), "--label", "out-of-files",
                    "--results-dir", results.resolve("runs").toString())
                    .redirectErrorStream(true).redirectOutput(results.resolve("console.txt").toFile()).start();
            assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the run should have stopped long before its 60 s hold ended");
            String console = Files.readString(results.resolve("console.txt"));
            assertEquals(1, run.exitValue(), console);

            Path runDir;
            try (Stream<Path> runs = Files.list(results.resolve("runs"))) {
                runDir = runs.filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(console));
            }
            JsonNode runJson = JsonFiles.read(runDir.resolve(RunFiles.RUN_JSON));
            assertEquals("injector-saturated", runJson.path("outcome").asText(), console);
            String reason = runJson.path("reason").asText();
            assertTrue(reason.startsWith("the injector ran out of file descriptors"), reason);
            assertTrue(reason.contains("its limit is " + OPEN_FILES_LIMIT), reason);
            assertTrue(reason.contains("not the target's") && reason.contains("--injector-count"), reason);
            assertTrue(console.contains("ran out of file descriptors"), console);
            // Stopped within seconds of the first failure, not at the plan's end (smoke's warm-up and 60 s hold).
            long ranMs = runJson.path("end_ms").asLong() - runJson.path("start_ms").asLong();
            assertTrue(ranMs < 45_000, "ran " + ranMs + " ms\n" + console);
            List<String> rows = Files.readAllLines(runDir.resolve(RunFiles.REQUESTS_CSV));
            assertTrue(rows.stream().anyMatch(row -> row.contains("injector_out_of_files=")), rows.toString());
        } finally {
            stop.countDown();
            target.stop(0);
            handlers.shutdownNow();
        }
    }
}
