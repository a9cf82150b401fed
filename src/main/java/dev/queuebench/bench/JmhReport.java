package dev.queuebench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The Markdown summary of a {@code queuebench jmh} run: one table per section, one row per benchmark,
 * parameter set and mode. Columns: score ± error (99.9% confidence, JMH's) and its unit; for sample-time
 * rows the mean and p50 / p99 / p99.9 in microseconds; Redis's side per operation from the Redis server-side
 * profiler ({@link RedisProfilerLabels}: main-thread CPU µs, commands including those a script runs, new
 * connections) and µs per call of the busiest commands; for the pool benchmark the mean borrow wait per call and the borrows that failed.
 */
public final class JmhReport {
    private static final String[] HEADER = {"benchmark", "params", "threads", "mode", "score ± error", "unit",
        "p50 / p99 / p99.9 µs", "Redis CPU µs/op", "Redis cmds/op", "new conns/op", "µs/call by command",
        "borrow wait µs/call", "exhausted", "measured iterations"};
    private static final double MICROS_PER_SECOND = 1e6;

    private JmhReport() {
    }

    /** @param sections results by section title, in print order */
    public static String markdown(Map<String, List<RunResult>> sections) {
        StringBuilder text = new StringBuilder();
        sections.forEach((title, results) -> text.append("### ").append(title).append("\n\n")
                .append(table(results)).append('\n'));
        List<String> trending = trending(sections);
        if (!trending.isEmpty()) {
            text.append("### Not steady\n\n").append("These scores average a trend, not a level: ")
                    .append(Steadiness.advice()).append(".\n\n");
            trending.forEach(line -> text.append("- ").append(line).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    /** One line per benchmark whose measured iterations still rose or fell ({@link Steadiness}). */
    public static List<String> trending(Map<String, List<RunResult>> sections) {
        List<String> lines = new ArrayList<>();
        for (List<RunResult> results : sections.values()) {
            for (RunResult result : results) {
                Steadiness steadiness = Steadiness.of(IterationScores.of(result));
                if (steadiness.verdict() == Steadiness.Verdict.TRENDING) {
                    lines.add(label(result.getParams()) + ": " + steadiness.cell());
                }
            }
        }
        return lines;
    }

    private static String label(BenchmarkParams params) {
        return String.join(" ", name(params), paramsText(params), "-t " + params.getThreads(),
                params.getMode().shortLabel()).replace("  ", " ");
    }

    private static String name(BenchmarkParams params) {
        String benchmark = params.getBenchmark();
        return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    }

    private static String paramsText(BenchmarkParams params) {
        return params.getParamsKeys().stream().map(k -> k + "=" + params.getParam(k)).collect(Collectors.joining(" "));
    }

    static String table(List<RunResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(row(List.of(HEADER))).append(row(List.of(HEADER).stream().map(h -> "---").toList()));
        for (RunResult result : results) {
            table.append(row(cells(result)));
        }
        return table.toString();
    }

    private static List<String> cells(RunResult result) {
        BenchmarkParams params = result.getParams();
        Result<?> primary = result.getPrimaryResult();
        Map<String, Result> secondary = result.getSecondaryResults();
        List<String> cells = new ArrayList<>();
        cells.add(name(params));
        cells.add(paramsText(params));
        cells.add(Integer.toString(params.getThreads()));
        cells.add(params.getMode().shortLabel());
        // Times per operation in µs whatever the output unit: a seconds score of 0.001 says little.
        double toMicros = microsPer(primary.getScoreUnit());
        boolean timePerOp = !Double.isNaN(toMicros);
        double scale = timePerOp ? toMicros : 1;
        cells.add(number(primary.getScore() * scale) + " ± " + number(primary.getScoreError() * scale));
        cells.add(timePerOp ? "us/op" : primary.getScoreUnit());
        cells.add(params.getMode() == Mode.SampleTime && timePerOp ? percentiles(primary.getStatistics(), toMicros) : "");
        cells.add(secondaryNumber(secondary, RedisProfilerLabels.CPU_LABEL));
        cells.add(secondaryNumber(secondary, RedisProfilerLabels.COMMANDS_LABEL));
        cells.add(secondaryNumber(secondary, RedisProfilerLabels.CONNECTIONS_LABEL));
        cells.add(secondary.entrySet().stream()
                .filter(e -> e.getKey().startsWith(RedisProfilerLabels.CALL_LABEL_PREFIX))
                .map(e -> e.getKey().substring(RedisProfilerLabels.CALL_LABEL_PREFIX.length()) + " "
                        + number(e.getValue().getScore()))
                .collect(Collectors.joining(", ")));
        Result calls = secondary.get("calls");
        Result waitMicros = secondary.get("borrowWaitMicros");
        cells.add(calls == null || waitMicros == null || calls.getScore() == 0 ? ""
                : number(waitMicros.getScore() / calls.getScore()));
        cells.add(secondaryNumber(secondary, "exhaustedErrors"));
        cells.add(Steadiness.of(IterationScores.of(result)).cell());
        return cells;
    }

    /** Microseconds per one of {@code unit} (s/op, ms/op, us/op, ns/op); NaN for a rate such as ops/s. */
    static double microsPer(String unit) {
        return switch (unit) {
            case "s/op" -> MICROS_PER_SECOND;
            case "ms/op" -> 1e3;
            case "us/op" -> 1;
            case "ns/op" -> 1e-3;
            default -> Double.NaN;
        };
    }

    static String percentiles(Statistics statistics, double toMicros) {
        return number(statistics.getPercentile(50) * toMicros) + " / " + number(statistics.getPercentile(99) * toMicros)
                + " / " + number(statistics.getPercentile(99.9) * toMicros);
    }

    private static String secondaryNumber(Map<String, Result> secondary, String label) {
        Result result = secondary.get(label);
        return result == null ? "" : number(result.getScore());
    }

    /** Three significant digits or whole numbers with separators: enough for a ± of several percent. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
