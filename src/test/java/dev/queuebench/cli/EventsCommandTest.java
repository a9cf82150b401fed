package dev.queuebench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code queuebench events import|fetch} on the command line: usage errors exit 2, failures 1, and what they print. */
class EventsCommandTest {
    private static final String EVENTS_JSON = "{\"Events\": [{\"SourceIdentifier\": \"qb-prod\", "
            + "\"SourceType\": \"replication-group\", \"Message\": \"Test Failover API called for node group 0001\", "
            + "\"Date\": \"2026-11-25T10:20:00.441Z\"}]}";

    @TempDir
    Path dir;

    @Test
    void aMissingSubcommandOrArgumentIsAUsageError() {
        assertEquals(2, CommandOutput.run("events").exitCode());
        assertEquals(2, CommandOutput.run("events", "import").exitCode());
        assertEquals(2, CommandOutput.run("events", "import", dir.toString()).exitCode());
        assertEquals(2, CommandOutput.run("events", "fetch", dir.toString()).exitCode());
        assertEquals(2, CommandOutput.run("events", "fetch", "--replication-group", "qb-prod").exitCode());
    }

    @Test
    void aDirectoryThatIsNotARunIsAUsageError() throws IOException {
        Path file = Files.writeString(dir.resolve("events.json"), EVENTS_JSON);
        CommandOutput missing = CommandOutput.run("events", "import", dir.resolve("nope").toString(), file.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("RUN_DIR: " + dir.resolve("nope") + " is not a directory"), missing.err());
        CommandOutput notARun = CommandOutput.run("events", "fetch", dir.toString(), "--replication-group", "qb-prod",
                "--region", "eu-west-1");
        assertEquals(2, notARun.exitCode());
        assertTrue(notARun.err().contains("has no run.json, so it is not a run directory"), notARun.err());
    }

    @Test
    void anEndpointThatIsNotHttpOrCarriesACredentialIsAUsageError() throws IOException {
        Files.writeString(dir.resolve(RunFiles.RUN_JSON), "{\"id\": \"r\", \"start_ms\": 1795601700000}");
        CommandOutput ftp = fetch("ftp://127.0.0.1:21");
        assertEquals(2, ftp.exitCode());
        assertTrue(ftp.err().contains("--endpoint-url must be an http(s):// URL"), ftp.err());
        CommandOutput withSecret = fetch("http://AKIAQUEUEBENCHFAKE01:s3cr3t@127.0.0.1:1");
        assertEquals(2, withSecret.exitCode());
        assertTrue(withSecret.err().contains("--endpoint-url must not carry a user or password"), withSecret.err());
        assertFalse(withSecret.err().contains("s3cr3t") || withSecret.out().contains("s3cr3t"), withSecret.err());
        assertFalse(Files.exists(dir.resolve(RunFiles.EVENTS_CSV)));
    }

    @Test
    void importSaysWhatItAddedAndABadFileFailsWithNothingWritten() throws IOException {
        Files.writeString(dir.resolve(RunFiles.RUN_JSON),
                "{\"id\": \"r\", \"start_ms\": 1795601700000, \"end_ms\": 1795603500000}");
        Path good = Files.writeString(dir.resolve("good.json"), EVENTS_JSON);
        CommandOutput added = CommandOutput.run("events", "import", dir.toString(), good.toString());
        assertEquals(0, added.exitCode(), added.err());
        assertEquals("Added 1 ElastiCache event to " + dir.resolve(RunFiles.EVENTS_CSV) + System.lineSeparator(), added.out());
        byte[] timeline = Files.readAllBytes(dir.resolve(RunFiles.EVENTS_CSV));
        assertEquals(List.of("epoch_ms,source,kind,detail",
                "1795602000441,elasticache,test-failover,qb-prod: Test Failover API called for node group 0001"),
                Files.readAllLines(dir.resolve(RunFiles.EVENTS_CSV)));

        Path truncated = Files.writeString(dir.resolve("truncated.json"), EVENTS_JSON.substring(0, 60));
        CommandOutput refused = CommandOutput.run("events", "import", dir.toString(), truncated.toString());
        assertEquals(1, refused.exitCode());
        assertEquals("Nothing imported: " + truncated + " line 1: truncated JSON (the document ends before it is closed)"
                + System.lineSeparator(), refused.err());
        assertArrayEquals(timeline, Files.readAllBytes(dir.resolve(RunFiles.EVENTS_CSV)));

        CommandOutput again = CommandOutput.run("events", "import", dir.toString(), good.toString());
        assertEquals(0, again.exitCode());
        assertTrue(again.out().startsWith("Added 0 ElastiCache events to " + dir.resolve(RunFiles.EVENTS_CSV)
                + "; 1 already there"), again.out());
        assertArrayEquals(timeline, Files.readAllBytes(dir.resolve(RunFiles.EVENTS_CSV)));
    }

    private CommandOutput fetch(String endpointUrl) {
        return CommandOutput.run("events", "fetch", dir.toString(), "--replication-group", "qb-prod", "--region",
                "eu-west-1", "--endpoint-url", endpointUrl);
    }
}
