package dev.queuebench.load;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

/** An instant as a user gives it: ISO-8601 with a zone ({@code 2026-12-03T10:00:00Z}) or epoch seconds. */
public final class StartInstant {
    private StartInstant() {
    }

    /** @throws IllegalArgumentException naming the option, the text and the forms it takes */
    public static long parseEpochMs(String text, String option) {
        String trimmed = text.trim();
        if (trimmed.matches("\\d{9,11}")) {
            return Long.parseLong(trimmed) * 1000L;
        }
        try {
            return OffsetDateTime.parse(trimmed).toInstant().toEpochMilli();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(option + " takes ISO-8601 with a zone, e.g. 2026-12-03T10:00:00Z, or "
                    + "epoch seconds, e.g. 1796292000; was '" + text + "'");
        }
    }
}
