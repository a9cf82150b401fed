package dev.queuebench.analysis.integrity;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a journey log shaped like a long, busy run, for the audit's benchmark
 * ({@code scripts/bench-audit.sh}): users arrive evenly over {@code durationSec}, poll three times
 * 2 s apart, and 80% are admitted, 10% leave, 10% abandon; about six records a user, so ten million
 * users are the sixty million records of a 30-minute 30k requests/s run.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/queuebench.jar
 * dev.queuebench.analysis.integrity.SyntheticJourneys OUT_FILE USERS [DURATION_SEC=1800]}
 */
public final class SyntheticJourneys {
    private SyntheticJourneys() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SyntheticJourneys OUT_FILE USERS [DURATION_SEC=1800]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        long users = Long.parseLong(args[1]);
        long durationSec = args.length > 2 ? Long.parseLong(args[2]) : 1800;
        Files.createDirectories(out.toAbsolutePath().getParent());
        long base = 1_800_000_000_000L;
        SplittableRandom random = new SplittableRandom(42);
        long started = System.nanoTime();
        try (JourneyLogWriter writer = JourneyLogWriter.create(out, new JourneyLogHeader(base, 300, 0, "synthetic"))) {
            double gapMs = durationSec * 1000.0 / users;
            for (long user = 0; user < users; user++) {
                long joined = base + (long) (user * gapMs);
                writer.join(user, 0, joined, 1 + random.nextInt(5), JourneyAnswer.OK, 1 + user % 500,
                        UUID.randomUUID().toString());
                long position = 1 + random.nextInt(90);
                for (int poll = 1; poll <= 3; poll++) {
                    writer.status(user, joined + poll * 2_000L, 1 + random.nextInt(5), JourneyAnswer.OK,
                            Math.max(1, position - poll), 2 * (4 - poll), poll == 3);
                }
                double fate = random.nextDouble();
                long last = joined + 6_000 + random.nextInt(20);
                if (fate < 0.8) {
                    writer.enter(user, last, 1 + random.nextInt(5), JourneyAnswer.OK, false,
                            UUID.randomUUID().toString());
                    writer.end(user, last + 10, JourneyEnd.ADMITTED);
                } else if (fate < 0.9) {
                    writer.leave(user, last, 2, JourneyAnswer.OK);
                    writer.end(user, last + 10, JourneyEnd.LEFT);
                } else {
                    writer.end(user, last, JourneyEnd.ABANDONED);
                }
            }
            System.out.printf("wrote %,d records for %,d users to %s in %.1f s%n", writer.records(), users, out,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
