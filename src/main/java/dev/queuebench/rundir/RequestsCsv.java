package dev.queuebench.rundir;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code requests.csv}: per second (the second a request started) and request name, the requests
 * that succeeded and failed, and the failures by cause. Appended by the recorder as each second
 * closes, read here and nowhere else.
 * <pre>
 * epoch_sec,request,ok,ko,ko_causes
 * 1764065700,status,48,2,http_503=1;timeout=1
 * </pre>
 * {@code ko_causes} is {@code cause=count} pairs joined by {@code ;} (empty without KOs); a cause is
 * a status code ({@code http_503}) or an error kind ({@code timeout}, {@code connect}); causes never
 * hold a comma, a {@code ;} or a {@code =}.
 */
public final class RequestsCsv {
    public static final String HEADER = "epoch_sec,request,ok,ko,ko_causes";
    static final int FIELDS = 5;

    private RequestsCsv() {
    }

    /** Every row of the run's {@code requests.csv}, in file order. */
    public static Rows read(RunFiles run) {
        List<RequestSecond> rows = new ArrayList<>();
        CsvFile.Result result = CsvFile.read(run.file(RunFiles.REQUESTS_CSV), HEADER, FIELDS,
                fields -> rows.add(parse(fields)));
        return new Rows(List.copyOf(rows), result);
    }

    /** Writes the header line of a new file. */
    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    /** Writes one row. */
    public static void writeRow(Writer out, RequestSecond row) throws IOException {
        StringJoiner causes = new StringJoiner(";");
        row.koByCause().forEach((cause, count) -> causes.add(cause + "=" + count));
        out.write(row.epochSec() + "," + row.request() + "," + row.ok() + "," + row.ko() + "," + causes + "\n");
    }

    private static RequestSecond parse(String[] fields) {
        Map<String, Long> causes = new LinkedHashMap<>();
        if (!fields[4].isEmpty()) {
            for (String pair : fields[4].split(";")) {
                int eq = pair.lastIndexOf('=');
                causes.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        return new RequestSecond(Long.parseLong(fields[0]), fields[1], Long.parseLong(fields[2]),
                Long.parseLong(fields[3]), Collections.unmodifiableMap(causes));
    }

    /** The rows of one read, and what the reader left out. */
    public record Rows(List<RequestSecond> rows, CsvFile.Result read) {
    }
}
