package dev.queuebench.metrics.cloudwatch;

import dev.queuebench.rundir.BadInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.DescribeEventsResponse;
import software.amazon.awssdk.services.elasticache.model.Event;
import software.amazon.awssdk.services.elasticache.model.SourceType;

/**
 * {@code events fetch}: the events of a replication group and of its member clusters (DescribeReplicationGroups'
 * MemberClusters) between two instants, from ElastiCache's DescribeEvents (SourceType replication-group for
 * the group, cache-cluster for each member), 100 a page, paging with Marker. ElastiCache keeps events
 * {@value #RETENTION_DAYS} days. Reads only: the SDK's default retries apply.
 */
public final class ElastiCacheEventsFetcher {
    public static final int RETENTION_DAYS = 14;
    private static final int MAX_RECORDS_PER_PAGE = 100;
    /** A hundred thousand events of one source: past this, ElastiCache (or a stand-in) is paging in a circle. */
    private static final int MAX_PAGES_PER_SOURCE = 1_000;

    /** The events fetched and whose they are. */
    public record Fetched(List<ElastiCacheEvent> events, List<String> memberClusters) {
    }

    private ElastiCacheEventsFetcher() {
    }

    /**
     * @throws BadInputException when the group is not there, AWS cannot be reached, or an event in the answer is
     *                           not one ({@link ElastiCacheEvent}); nothing is written in any case
     */
    public static Fetched fetch(AwsAccess aws, String replicationGroup, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the end " + to + " must be after the start " + from);
        }
        try (SdkHttpClient http = UrlConnectionHttpClient.create();
                ElastiCacheClient elastiCache = aws.elastiCache(http, null)) {
            List<String> members = ReplicationGroupMembers.memberClusters(elastiCache, replicationGroup, aws);
            Window window = new Window(elastiCache, from, to);
            List<ElastiCacheEvent> events = new ArrayList<>(window.events(SourceType.REPLICATION_GROUP, replicationGroup));
            for (String member : members) {
                events.addAll(window.events(SourceType.CACHE_CLUSTER, member));
            }
            return new Fetched(List.copyOf(events), members);
        } catch (SdkClientException e) {
            throw aws.unreachable(e);
        }
    }

    /** DescribeEvents over one window of time, through one client. */
    private record Window(ElastiCacheClient elastiCache, Instant from, Instant to) {
        List<ElastiCacheEvent> events(SourceType sourceType, String sourceIdentifier) {
            List<ElastiCacheEvent> events = new ArrayList<>();
            Set<String> markersSeen = new HashSet<>();
            String marker = null;
            for (int page = 1; page <= MAX_PAGES_PER_SOURCE; page++) {
                String pageMarker = marker;
                DescribeEventsResponse response = elastiCache.describeEvents(describe -> describe
                        .sourceType(sourceType).sourceIdentifier(sourceIdentifier).startTime(from).endTime(to)
                        .maxRecords(MAX_RECORDS_PER_PAGE).marker(pageMarker));
                String where = "ElastiCache's DescribeEvents answer for " + sourceType + " " + sourceIdentifier
                        + " page " + page;
                for (int i = 0; i < response.events().size(); i++) {
                    events.add(event(response.events().get(i), where + " event " + (i + 1)));
                }
                marker = response.marker();
                if (marker == null || marker.isEmpty()) {
                    return events;
                }
                if (!markersSeen.add(marker)) {
                    throw new BadInputException(where + ": the Marker '" + marker + "' came twice, so the pages go in "
                            + "a circle; nothing was written");
                }
            }
            throw new BadInputException("ElastiCache's DescribeEvents for " + sourceType + " " + sourceIdentifier
                    + " keeps answering with a new Marker after " + MAX_PAGES_PER_SOURCE + " pages of "
                    + MAX_RECORDS_PER_PAGE + " events, more than a run can have; nothing was written");
        }
    }

    private static ElastiCacheEvent event(Event event, String where) {
        if (event.date() == null) {
            throw new BadInputException(where + ": the event has no Date");
        }
        try {
            return new ElastiCacheEvent(event.sourceIdentifier(), event.sourceTypeAsString(), event.message(),
                    event.date().toEpochMilli());
        } catch (BadInputException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }
}
