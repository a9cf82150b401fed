package dev.queuebench.metrics.cloudwatch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.queuebench.rundir.BadInputException;
import dev.queuebench.rundir.JsonFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import dev.queuebench.rundir.CloudWatchRow;
import dev.queuebench.rundir.CloudWatchCsv;
import dev.queuebench.rundir.CloudWatchSourceJson;

/**
 * {@code cloudwatch fetch}: lists the member clusters (nodes) of a replication group with ElastiCache's
 * DescribeReplicationGroups, then asks CloudWatch's GetMetricData for every metric of
 * {@link ElastiCacheMetrics#FETCHED} on every node, at the finest period still kept for the range's
 * age ({@link FetchPeriod}), paging with NextToken, 500 queries per request. Writes
 * {@code cloudwatch/metrics.csv} and a {@code source.json} entry (group, region, range; never credentials).
 */
public final class CloudWatchFetcher {
    private static final int MAX_QUERIES_PER_REQUEST = 500;

    /**
     * What to fetch and how to reach AWS.
     *
     * @param endpointUrl null for AWS itself; else one endpoint for both services (a local test server)
     */
    public record Request(String replicationGroup, Instant from, Instant to, Region region, URI endpointUrl,
            AwsCredentialsProvider credentials) {
        public Request {
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("--to " + to + " must be after --from " + from);
            }
        }

        AwsAccess aws() {
            return new AwsAccess(region, endpointUrl, credentials);
        }

        /** Without the credentials provider, whose own toString can print the access key id. */
        @Override
        public String toString() {
            return "CloudWatch fetch of " + replicationGroup + " from " + from + " to " + to + " in " + aws().where();
        }
    }

    /** Which node, metric and statistic one query Id stands for. */
    private record QueryKey(String node, String metric, String statistic) {
    }

    private CloudWatchFetcher() {
    }

    public static List<CloudWatchRow> fetch(Path runDir, Request request) throws IOException {
        int periodSec = FetchPeriod.finestSec(Instant.now().getEpochSecond() - request.from().getEpochSecond());
        List<CloudWatchRow> rows;
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            List<String> nodes = memberClusters(request, http);
            rows = metricData(request, http, nodes, periodSec);
        } catch (SdkClientException e) {
            throw request.aws().unreachable(e);
        }
        CloudWatchCsv.merge(runDir, rows);
        ObjectNode entry = JsonFiles.JSON.createObjectNode();
        entry.put("kind", "fetch");
        entry.put("replication_group", request.replicationGroup());
        entry.put("region", request.region().id());
        entry.put("endpoint_url", request.endpointUrl() == null ? null
                : AwsAccess.withoutUserInfo(request.endpointUrl()));
        entry.put("from_epoch_sec", request.from().getEpochSecond());
        entry.put("to_epoch_sec", request.to().getEpochSecond());
        entry.put("period_sec", periodSec);
        CloudWatchSourceJson.append(runDir, entry, rows);
        return rows;
    }

    private static List<String> memberClusters(Request request, SdkHttpClient http) {
        try (ElastiCacheClient elastiCache = request.aws().elastiCache(http, null)) {
            return ReplicationGroupMembers.memberClusters(elastiCache, request.replicationGroup(), request.aws());
        }
    }

    private static List<CloudWatchRow> metricData(Request request, SdkHttpClient http, List<String> nodes, int periodSec) {
        Map<String, QueryKey> keys = new LinkedHashMap<>();
        List<MetricDataQuery> queries = new ArrayList<>();
        for (String node : nodes) {
            for (Map.Entry<String, List<String>> metric : ElastiCacheMetrics.FETCHED.entrySet()) {
                for (String statistic : metric.getValue()) {
                    String id = "q" + queries.size();
                    keys.put(id, new QueryKey(node, metric.getKey(), statistic));
                    queries.add(MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder()
                            .metric(Metric.builder().namespace(ElastiCacheMetrics.NAMESPACE).metricName(metric.getKey())
                                    .dimensions(Dimension.builder().name(ElastiCacheMetrics.NODE_DIMENSION).value(node)
                                            .build())
                                    .build())
                            .period(periodSec).stat(statistic).build()).build());
                }
            }
        }
        var builder = CloudWatchClient.builder().region(request.region()).credentialsProvider(request.credentials())
                .httpClient(http);
        if (request.endpointUrl() != null) {
            builder.endpointOverride(request.endpointUrl());
        }
        List<CloudWatchRow> rows = new ArrayList<>();
        try (CloudWatchClient cloudWatch = builder.build()) {
            for (int start = 0; start < queries.size(); start += MAX_QUERIES_PER_REQUEST) {
                List<MetricDataQuery> batch = queries.subList(start, Math.min(queries.size(), start + MAX_QUERIES_PER_REQUEST));
                String nextToken = null;
                do {
                    GetMetricDataResponse response = cloudWatch.getMetricData(GetMetricDataRequest.builder()
                            .startTime(request.from()).endTime(request.to()).scanBy(ScanBy.TIMESTAMP_ASCENDING)
                            .metricDataQueries(batch).nextToken(nextToken).build());
                    for (MetricDataResult result : response.metricDataResults()) {
                        QueryKey key = keys.get(result.id());
                        if (key == null) {
                            throw new BadInputException("CloudWatch answered for query Id '" + result.id()
                                    + "', which was not asked");
                        }
                        for (int i = 0; i < Math.min(result.timestamps().size(), result.values().size()); i++) {
                            rows.add(new CloudWatchRow(result.timestamps().get(i).getEpochSecond(), key.node(),
                                    key.metric(), key.statistic(), periodSec, result.values().get(i)));
                        }
                    }
                    nextToken = response.nextToken();
                } while (nextToken != null && !nextToken.isEmpty());
            }
        }
        return rows;
    }

}
