package dev.queuebench.rundir;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code events.csv}: the run's timeline, what happened besides the load: a person's marks during a
 * manual migration ({@code queuebench mark}), and later drills, failovers and node events. One row per
 * event, appended as it happens (one line per write, so a reader never sees half of one but the last):
 *
 * <pre>
 * epoch_ms,source,kind,detail
 * 1764063312250,person,mark,modify-replication-group started%2C r7g.large
 * </pre>
 *
 * {@code source} and {@code kind} are short words ({@code [a-z0-9-]}); {@code detail} is free text with
 * {@code %}, {@code ,} and line breaks percent-encoded, so the file stays one event per line and
 * {@link CsvFile}'s rules hold.
 */
public final class EventsCsv {
    public static final String HEADER = "epoch_ms,source,kind,detail";
    private static final Pattern WORD = Pattern.compile("[a-z0-9-]{1,40}");
    private static final int MAX_DETAIL_CHARS = 2_000;

    /** One event of the timeline. */
    public record Event(long epochMs, String source, String kind, String detail) {
        public Event {
            if (!WORD.matcher(source).matches() || !WORD.matcher(kind).matches()) {
                throw new BadInputException("an event's source and kind are 1-40 characters of a-z 0-9 -, were '"
                        + source + "' and '" + kind + "'");
            }
            if (detail.length() > MAX_DETAIL_CHARS) {
                throw new BadInputException("an event's text is at most " + MAX_DETAIL_CHARS + " characters, was "
                        + detail.length());
            }
        }
    }

    /** The events of a run, in file order, and how the read went. */
    public record Events(List<Event> events, CsvFile.Result read) {
    }

    private EventsCsv() {
    }

    /** Creates the file with its header (a run does, when it starts), so that later writers only append. */
    public static void create(RunFiles run) throws IOException {
        Path file = run.file(RunFiles.EVENTS_CSV);
        if (!Files.exists(file)) {
            Files.writeString(file, HEADER + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
    }

    /** Appends one event, creating the file with its header when it is the first. */
    public static void append(RunFiles run, Event event) throws IOException {
        Path file = run.file(RunFiles.EVENTS_CSV);
        String line = event.epochMs() + "," + event.source() + "," + event.kind() + "," + encode(event.detail()) + "\n";
        synchronized (EventsCsv.class) {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(fresh ? HEADER + "\n" + line : line);
            }
        }
    }

    public static Events read(RunFiles run) {
        List<Event> events = new ArrayList<>();
        CsvFile.Result read = CsvFile.read(run.file(RunFiles.EVENTS_CSV), HEADER, 4, fields -> {
            try {
                events.add(new Event(Long.parseLong(fields[0]), fields[1], fields[2], decode(fields[3])));
            } catch (BadInputException e) {
                throw new NumberFormatException(e.getMessage());
            }
        });
        return new Events(List.copyOf(events), read);
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case ',' -> out.append("%2C");
                case '\n' -> out.append("%0A");
                case '\r' -> out.append("%0D");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String decode(String text) {
        return text.replace("%2C", ",").replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }
}
