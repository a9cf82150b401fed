package dev.queuebench.cli;

import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.metrics.cloudwatch.CloudWatchImporter;
import dev.queuebench.metrics.cloudwatch.CloudWatchJsonImport;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.metrics.cloudwatch.RunOverlap;
import dev.queuebench.metrics.cloudwatch.MetricDataQueries;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code queuebench cloudwatch import}: the JSON the AWS CLI printed, into a run directory. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Import what 'aws cloudwatch get-metric-data' or 'get-metric-statistics' printed into "
                + "RUN_DIR/cloudwatch/metrics.csv and source.json.",
            "get-metric-data output names results by Id only: give the queries file (--queries) or label each "
                    + "query with its metric name and give --node."})
final class CloudWatchImportCommand implements Callable<Integer> {
    /** ElastiCache's rule for cluster ids (node ids add a -NNN suffix within it). */
    private static final java.util.regex.Pattern CACHE_CLUSTER_ID =
            java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,49}");
    private static final java.util.regex.Pattern STATISTIC =
            java.util.regex.Pattern.compile("Average|Maximum|Minimum|Sum|SampleCount|p\\d{1,2}(\\.\\d{1,3})?");
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "AWS CLI JSON output files.")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run directory.")
    Path runDir;

    @Option(names = "--node", paramLabel = "ID", description = "CacheClusterId the data is from, when the file does not say.")
    String node;

    @Option(names = "--queries", paramLabel = "FILE",
            description = "The --metric-data-queries JSON given to get-metric-data: metric, node, statistic, period per Id.")
    Path queriesFile;

    @Option(names = "--statistic", defaultValue = "Average",
            description = "get-metric-data's statistic when no queries file says it. Default: ${DEFAULT-VALUE}.")
    String statistic;

    @Option(names = "--period-sec", paramLabel = "N",
            description = "The datapoints' period. Default: the queries file's, else the smallest step between timestamps.")
    Integer periodSec;

    @Option(names = "--replication-group", paramLabel = "ID",
            description = "Refuse nodes that are not members of this group. Default: the run's group from an earlier import or fetch.")
    String replicationGroup;

    @Override
    public Integer call() throws Exception {
        RunDirectoryCheck.requireDirectory(spec, runDir, "--out");
        if (node != null && !CACHE_CLUSTER_ID.matcher(node).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--node '" + node + "' is not a "
                    + "CacheClusterId: letters, digits and hyphens, starting with a letter, at most 50 characters");
        }
        if (!STATISTIC.matcher(statistic).matches()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--statistic '" + statistic + "' is not "
                    + "one of Average, Maximum, Minimum, Sum, SampleCount or a percentile such as p99 or p99.9");
        }
        if (periodSec != null && periodSec < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--period-sec must be at least 1, was " + periodSec);
        }
        try {
            Map<String, MetricDataQueries.Query> queries = queriesFile == null ? Map.of() : MetricDataQueries.read(queriesFile);
            List<CloudWatchRow> rows = CloudWatchImporter.importFiles(runDir, files,
                    new CloudWatchJsonImport.Options(node, statistic, periodSec, queries), replicationGroup);
            System.out.println("Imported " + rows.size() + " datapoints from " + files.size() + " file(s) into "
                    + CloudWatchCsv.file(runDir));
            RunOverlap.warning(runDir, rows).ifPresent(System.out::println);
            return QueuebenchCommand.EXIT_OK;
        } catch (BadInputException e) {
            System.err.println("Nothing imported: " + e.getMessage());
            return QueuebenchCommand.EXIT_FAILURE;
        }
    }
}
