package dev.queuebench.analysis.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogWriter;
import dev.queuebench.rundir.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journey logs of several injectors are one run's users: numbered apart, ranked together. */
class JourneyAuditPartsTest {
    private static final long T0 = 1_800_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void partsAreAuditedAsOneQueue() throws IOException {
        // Injector 0's users join at 0, 100, 200 ms; injector 1's (numbered 0-2 too) at 50, 150, 250 ms.
        Path first = part(0, 0);
        Path second = part(1, 50);
        Summary.Integrity audit = JourneyAudit.of(List.of(first, second), null);
        assertEquals(6, audit.journeys());
        assertEquals(1, audit.lostUsers(), "injector 1's user 2 was refused while polling");
        // Each status shows the rank among both injectors' users: no position is wrong.
        assertEquals(0, audit.positionErrorMax());
        assertEquals(5, audit.positionChecks());
    }

    private Path part(int injector, long offsetMs) throws IOException {
        Path log = dir.resolve("journeys-" + injector + ".bin.gz");
        try (JourneyLogWriter writer = JourneyLogWriter.create(log, new JourneyLogHeader(T0, 300, injector, "p" + injector))) {
            for (int user = 0; user < 3; user++) {
                long joined = T0 + offsetMs + user * 100L;
                writer.join(user, 0, joined, 5, JourneyAnswer.OK, 1, UUID.randomUUID().toString());
            }
            for (int user = 0; user < 3; user++) {
                long rank = 1 + 2L * user + injector;
                if (injector == 1 && user == 2) {
                    writer.status(user, T0 + 2_000, 3, JourneyAnswer.TOKEN_NOT_FOUND, 0, -1, false);
                    writer.end(user, T0 + 2_010, JourneyEnd.LOST);
                } else {
                    writer.status(user, T0 + 2_000, 3, JourneyAnswer.OK, rank, 10, false);
                }
            }
        }
        return log;
    }
}
