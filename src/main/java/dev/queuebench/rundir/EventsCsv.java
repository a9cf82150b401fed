package dev.queuebench.rundir;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code events.csv}: the run's timeline, what happened besides the load: a person's marks during a
 * manual migration ({@code queuebench mark}), the run's drills, and ElastiCache's own events
 * ({@code queuebench events import|fetch}, source {@code elasticache}). One row per event, appended as it
 * happens (one line per write, so a reader never sees half of one but the last; a batch of imported
 * events in one write, all or none, {@link #appendNew}):
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
        String line = line(event);
        synchronized (EventsCsv.class) {
            boolean fresh = !Files.exists(file) || Files.size(file) == 0;
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                out.write(fresh ? HEADER + "\n" + line : line);
            }
        }
    }

    /**
     * Appends the events the timeline does not hold yet, all of them or none: an event is already there
     * when one with the same {@code epoch_ms}, {@code source} and {@code detail} is (the kind is left out
     * of the comparison, so a kind named differently by a later harness does not bring an event twice),
     * and an event repeated within {@code events} is added once. The new lines go in one write; if it
     * fails, the file is cut back to its length before, so a reader sees all of them or none.
     *
     * @return the events added, in the order given
     * @throws RunDataException when {@code events.csv} cannot be read, or its last line is half written
     *                          (a writer killed mid-line): appending after it would make it a bad row in the middle
     */
    public static List<Event> appendNew(RunFiles run, List<Event> events) throws IOException {
        Path file = run.file(RunFiles.EVENTS_CSV);
        synchronized (EventsCsv.class) {
            Events existing = read(run);
            if (existing.read().lastLineLeftOut()) {
                throw new RunDataException(file + ": its last line is half written (a writer was killed mid-line), "
                        + "so nothing was added after it: remove that line and try again");
            }
            Set<SameEvent> seen = new HashSet<>();
            existing.events().forEach(event -> seen.add(SameEvent.of(event)));
            List<Event> added = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Event event : events) {
                if (seen.add(SameEvent.of(event))) {
                    added.add(event);
                    text.append(line(event));
                }
            }
            if (!added.isEmpty()) {
                appendInOneWrite(file, text);
            }
            return List.copyOf(added);
        }
    }

    /** What makes two events the same one. */
    private record SameEvent(long epochMs, String source, String detail) {
        static SameEvent of(Event event) {
            return new SameEvent(event.epochMs(), event.source(), event.detail());
        }
    }

    private static void appendInOneWrite(Path file, CharSequence lines) throws IOException {
        long sizeBefore = Files.exists(file) ? Files.size(file) : 0;
        String prefix = sizeBefore == 0 ? HEADER + "\n" : endsWithLineBreak(file, sizeBefore) ? "" : "\n";
        ByteBuffer bytes = ByteBuffer.wrap((prefix + lines).getBytes(StandardCharsets.UTF_8));
        // APPEND: a mark another process adds meanwhile lands whole before or after these lines.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            try {
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            } catch (IOException e) {
                channel.truncate(sizeBefore);
                throw e;
            }
        }
    }

    /** A whole last line a person typed without its line break stays a line of its own. */
    private static boolean endsWithLineBreak(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static String line(Event event) {
        return event.epochMs() + "," + event.source() + "," + event.kind() + "," + encode(event.detail()) + "\n";
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
