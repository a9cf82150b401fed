package dev.queuebench.analysis.integrity;

import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The queue-integrity audit of a run's journeys (docs/integrity.md): lost users, double admissions,
 * admissions out of order, and how true the positions and ETAs shown were.
 *
 * <p>Every time is what the client saw: a request was handled by the gateway somewhere between its
 * send and its answer. So each check is judged on bounds, and only what no ordering within those
 * bounds explains is counted: a user surely joined before another when their join was answered
 * before the other's was sent; a place surely existed from its join's answer until the request that
 * ended it (enter granted, leave, refusal) was sent, and for a user who stopped polling until the
 * heartbeat TTL after the last poll; it possibly existed from its join's send until that request's
 * answer (forever for a user who stopped polling). A user's true rank at a status answer therefore
 * lies between the users surely ahead and the users possibly ahead; the position shown is wrong only
 * by its distance outside that range. These counts are 2-D dominance counts, done by
 * {@link DominanceCounter} in O(n log n).
 */
public final class IntegrityAudit {
    private static final int FOREVER = Integer.MAX_VALUE;

    private IntegrityAudit() {
    }

    static Summary.Integrity audit(JourneyTable table, AdmissionRules rules) {
        return audit(table, rules, null);
    }

    /** @param queueEnd the queue at the run's end (the table's lookup made from it), or null */
    /** Consumes the table: its columns are let go as the audit goes. */
    static Summary.Integrity audit(JourneyTable table, AdmissionRules rules, QueueEndFile.QueueEnd queueEnd) {
        int ttlSec = table.heartbeatTtlSec > 0 ? table.heartbeatTtlSec : 300;
        int ttlMs = ttlSec * 1000;
        // Ordered so that each column is let go once its last figure is known: ten million users fit in 1 GiB.
        long[] lostBySecond = lost(table, ttlMs);
        long lost = lostBySecond[0];
        long expired = lostBySecond[1];
        Map<Long, Long> lostSeconds = lostSeconds(table, ttlMs);
        double[] etaErrors = etaErrors(table);
        table.firstEtaSec = null;
        table.firstEtaResp = null;
        long shared = sharedTokens(table);
        table.grantTokens = null;
        table.grantUsers = null;
        long twice = 0;
        long admissions = 0;
        for (int u = 0; u < table.users; u++) {
            if (table.grants[u] > 0) {
                admissions++;
            }
            if (table.grants[u] > 1) {
                twice++;
            }
        }
        Map<String, Long> endings = new LinkedHashMap<>();
        for (JourneyEnd end : JourneyEnd.values()) {
            endings.put(end.name().toLowerCase(Locale.ROOT).replace('_', '-'), 0L);
        }
        endings.put("unfinished", 0L);
        for (int u = 0; u < table.users; u++) {
            JourneyEnd end = table.endOf(u);
            endings.merge(end == null ? "unfinished" : end.name().toLowerCase(Locale.ROOT).replace('_', '-'), 1L,
                    Long::sum);
        }
        Summary.EndState endState = endState(table, queueEnd, ttlMs);
        table.grants = null;
        table.ends = null;
        table.atEnd = null;

        int[] endLow = new int[table.users];
        int[] endHigh = new int[table.users];
        placeBounds(table, ttlMs, endLow, endHigh);
        table.lastOkSend = null;
        table.uncertainSend = null;

        long[] order = order(table, rules, endLow);
        double[] positionErrors = positionErrors(table, endLow, endHigh);

        List<Summary.LossSecond> losses = new ArrayList<>();
        lostSeconds.forEach((second, users) -> losses.add(new Summary.LossSecond(second, users)));

        double positionP50 = percentile(positionErrors, 50);
        double positionP90 = percentile(positionErrors, 90);
        double positionP99 = percentile(positionErrors, 99);
        double positionMax = positionErrors.length == 0 ? Double.NaN : positionErrors[positionErrors.length - 1];
        double off = positionErrors.length == 0 ? Double.NaN : 100.0 * countAbove(positionErrors, 0) / positionErrors.length;
        double orderPct = order[1] == 0 ? Double.NaN : 100.0 * order[0] / order[1];
        double etaMedian = percentile(etaErrors, 50);
        double etaP90 = percentile(etaErrors, 90);
        String sentence = sentence(table.users, lost, twice + shared, order[0], order[1], positionP99, etaMedian);
        return new Summary.Integrity(table.users, endings, ttlSec, lost, expired, losses, twice + shared,
                twice, shared, table.twinEnters, admissions, order[0], orderPct, positionErrors.length,
                table.statusSeen > table.sampled, positionP50, positionP90, positionP99, positionMax, off,
                etaErrors.length, etaMedian, etaP90, table.cutShort, sentence, endState);
    }

    /** The journeys against the queue Redis held at the end (null without a snapshot). */
    private static Summary.EndState endState(JourneyTable table, QueueEndFile.QueueEnd queueEnd, int ttlMs) {
        if (queueEnd == null) {
            return null;
        }
        long takenAt = queueEnd.takenAtMs() - table.baseEpochMs;
        long believed = 0;
        long absent = 0;
        long endedPresent = 0;
        for (int u = 0; u < table.users; u++) {
            if (table.joinState[u] != 1) {
                continue;
            }
            if (table.exitKind[u] == JourneyTable.EXIT_NONE && table.uncertainSend[u] == JourneyTable.NONE) {
                long lastRenewal = Math.max(table.joinSend[u], table.lastOkSend[u]);
                // Sure to be there: its heartbeat cannot have run out (with a second's margin for the sweeper's clock).
                if (lastRenewal + ttlMs - 1_000 > takenAt) {
                    believed++;
                    if (table.atEnd[u] == 0) {
                        absent++;
                    }
                }
            } else if ((table.exitKind[u] == JourneyTable.EXIT_GRANTED || table.exitKind[u] == JourneyTable.EXIT_LEFT)
                    && table.atEnd[u] != 0) {
                endedPresent++;
            }
        }
        return new Summary.EndState(queueEnd.takenAtMs(), queueEnd.members(), queueEnd.withoutHeartbeat(), believed,
                absent, endedPresent, queueEnd.members() - table.matchedMembers);
    }

    /** [lost, expired]: refused users, split by whether they had polled within the TTL. */
    private static long[] lost(JourneyTable table, int ttlMs) {
        long lost = 0;
        long expired = 0;
        for (int u = 0; u < table.users; u++) {
            if (table.exitKind[u] != JourneyTable.EXIT_REFUSED) {
                continue;
            }
            if (isLost(table, u, ttlMs)) {
                lost++;
            } else {
                expired++;
            }
        }
        return new long[] {lost, expired};
    }

    /** Refused before the heartbeat could have expired: its last renewal was sent less than a TTL before the refusal's answer. */
    private static boolean isLost(JourneyTable table, int u, int ttlMs) {
        int lastRenewal = Math.max(table.joinSend[u], table.lastOkSend[u]);
        return (long) table.exitResp[u] - lastRenewal < ttlMs;
    }

    private static Map<Long, Long> lostSeconds(JourneyTable table, int ttlMs) {
        Map<Long, Long> seconds = new TreeMap<>();
        for (int u = 0; u < table.users; u++) {
            if (table.exitKind[u] == JourneyTable.EXIT_REFUSED && isLost(table, u, ttlMs)) {
                seconds.merge(Math.floorDiv(table.baseEpochMs + table.exitResp[u], 1000L), 1L, Long::sum);
            }
        }
        return seconds;
    }

    /** When each user's place surely still existed (endLow) and when it surely no longer did (endHigh). */
    private static void placeBounds(JourneyTable table, int ttlMs, int[] endLow, int[] endHigh) {
        for (int u = 0; u < table.users; u++) {
            int lastRenewal = Math.max(table.joinSend[u], table.lastOkSend[u]);
            switch (table.exitKind[u]) {
                case JourneyTable.EXIT_GRANTED, JourneyTable.EXIT_LEFT -> {
                    endLow[u] = table.exitSend[u];
                    endHigh[u] = table.exitResp[u];
                }
                case JourneyTable.EXIT_REFUSED -> {
                    endLow[u] = table.lastOkSend[u] == JourneyTable.NONE ? JourneyTable.NONE : table.lastOkSend[u];
                    endHigh[u] = table.exitResp[u];
                }
                default -> {
                    endLow[u] = (int) Math.min(FOREVER - 1L, (long) lastRenewal + ttlMs);
                    endHigh[u] = FOREVER;
                }
            }
            if (table.uncertainSend[u] != JourneyTable.NONE) {
                // An enter or leave without an answer may have ended the place when it was sent.
                endLow[u] = Math.min(endLow[u], table.uncertainSend[u]);
            }
        }
    }

    /** [violations, admissions judged]. */
    private static long[] order(JourneyTable table, AdmissionRules rules, int[] endLow) {
        long violations = 0;
        long judged = 0;
        for (int[] users : byEvent(table)) {
            int points = 0;
            int queries = 0;
            for (int u : users) {
                points += isSureHolder(table, u, endLow) ? 1 : 0;
                queries += isAdmission(table, u) ? 1 : 0;
            }
            int[] px = new int[points];
            int[] py = new int[points];
            int[] qx = new int[queries];
            int[] qy = new int[queries];
            int p = 0;
            int q = 0;
            for (int u : users) {
                if (isSureHolder(table, u, endLow)) {
                    px[p] = table.joinResp[u];
                    py[p++] = endLow[u];
                }
                if (isAdmission(table, u)) {
                    qx[q] = table.joinSend[u];
                    qy[q++] = table.exitResp[u];
                }
            }
            int[] ahead = DominanceCounter.count(px, py, points, qx, qy, queries);
            q = 0;
            for (int u : users) {
                if (!isAdmission(table, u)) {
                    continue;
                }
                long waitedMaxMillis = (long) table.exitResp[u] - table.joinSend[u];
                judged++;
                if (ahead[q] > 0 && rules.forbids(ahead[q] + 1L, waitedMaxMillis)) {
                    violations++;
                }
                q++;
            }
        }
        return new long[] {violations, judged};
    }

    private static boolean isSureHolder(JourneyTable table, int u, int[] endLow) {
        return table.joinState[u] == 1 && endLow[u] != JourneyTable.NONE;
    }

    private static boolean isAdmission(JourneyTable table, int u) {
        return table.exitKind[u] == JourneyTable.EXIT_GRANTED && table.joinState[u] == 1;
    }

    /** For each sampled status answer, how far its position lay outside the ranks the user could have had; sorted. */
    private static double[] positionErrors(JourneyTable table, int[] endLow, int[] endHigh) {
        int[] eventOf = table.event;
        int samples = table.sampled;
        int events = 0;
        for (int u = 0; u < table.users; u++) {
            events = Math.max(events, eventOf[u] + 1);
        }
        double[] errors = new double[samples];
        int[][] sampleByEvent = groupSamples(table, events);
        int[][] usersByEvent = byEvent(table, events);
        int n = 0;
        for (int e = 0; e < events; e++) {
            int[] users = usersByEvent[e];
            int[] mine = sampleByEvent[e];
            if (mine.length == 0) {
                continue;
            }
            int[] surePx = new int[users.length];
            int[] surePy = new int[users.length];
            int[] maybePx = new int[users.length];
            int[] maybePy = new int[users.length];
            int sure = 0;
            int maybe = 0;
            for (int u : users) {
                if (table.joinState[u] == 1 && endLow[u] != JourneyTable.NONE) {
                    surePx[sure] = table.joinResp[u];
                    surePy[sure++] = endLow[u];
                }
                if (table.joinState[u] == 1 || table.joinState[u] == 2) {
                    // Joins answered in the same millisecond as ours may be ordered either way.
                    maybePx[maybe] = table.joinSend[u];
                    maybePy[maybe++] = endHigh[u];
                }
            }
            int[] sx = new int[mine.length];
            int[] sy = new int[mine.length];
            int[] mx = new int[mine.length];
            int[] my = new int[mine.length];
            for (int i = 0; i < mine.length; i++) {
                int s = mine[i];
                int u = table.sampleUser[s];
                sx[i] = table.joinSend[u];
                sy[i] = table.sampleResp[s];
                mx[i] = table.joinResp[u] == FOREVER ? FOREVER : table.joinResp[u] + 1;
                my[i] = table.sampleSend[s];
            }
            int[] surelyAhead = DominanceCounter.count(surePx, surePy, sure, sx, sy, mine.length);
            int[] possibly = DominanceCounter.count(maybePx, maybePy, maybe, mx, my, mine.length);
            for (int i = 0; i < mine.length; i++) {
                long shown = table.samplePosition[mine[i]];
                long lowest = surelyAhead[i] + 1L;
                long highest = Math.max(lowest, possibly[i]); // the user is among the possible ones
                errors[n++] = shown < lowest ? lowest - shown : shown > highest ? shown - highest : 0;
            }
        }
        double[] result = Arrays.copyOf(errors, n);
        Arrays.sort(result);
        return result;
    }

    /** |first ETA − the wait that followed| ÷ that wait (at least 1 s), in percent, of admitted users; sorted. */
    private static double[] etaErrors(JourneyTable table) {
        double[] errors = new double[table.users];
        int n = 0;
        for (int u = 0; u < table.users; u++) {
            if (table.exitKind[u] != JourneyTable.EXIT_GRANTED || table.firstEtaResp[u] == JourneyTable.NONE) {
                continue;
            }
            double waitedSec = (table.exitResp[u] - table.firstEtaResp[u]) / 1000.0;
            if (waitedSec < 0) {
                continue;
            }
            errors[n++] = 100 * Math.abs(table.firstEtaSec[u] - waitedSec) / Math.max(1, waitedSec);
        }
        double[] result = Arrays.copyOf(errors, n);
        Arrays.sort(result);
        return result;
    }

    /** Reservation tokens granted to more than one user (64-bit fingerprints compared). */
    private static long sharedTokens(JourneyTable table) {
        int n = (int) table.grantCount;
        long[] sorted = Arrays.copyOf(table.grantTokens, n);
        Arrays.sort(sorted);
        // Tokens granted more than once: few or none; only those are looked up again with their users.
        Map<Long, Integer> firstUser = new HashMap<>();
        for (int i = 1; i < n; i++) {
            if (sorted[i] == sorted[i - 1] && sorted[i] != 0) {
                firstUser.put(sorted[i], -1);
            }
        }
        if (firstUser.isEmpty()) {
            return 0;
        }
        Set<Long> shared = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Integer first = firstUser.get(table.grantTokens[i]);
            if (first == null) {
                continue;
            }
            if (first == -1) {
                firstUser.put(table.grantTokens[i], table.grantUsers[i]);
            } else if (first != table.grantUsers[i]) {
                shared.add(table.grantTokens[i]);
            }
        }
        return shared.size();
    }

    private static List<int[]> byEvent(JourneyTable table) {
        int events = 0;
        for (int u = 0; u < table.users; u++) {
            events = Math.max(events, table.event[u] + 1);
        }
        return Arrays.asList(byEvent(table, events));
    }

    private static int[][] byEvent(JourneyTable table, int events) {
        int[] counts = new int[events];
        for (int u = 0; u < table.users; u++) {
            counts[table.event[u]]++;
        }
        int[][] groups = new int[events][];
        for (int e = 0; e < events; e++) {
            groups[e] = new int[counts[e]];
        }
        int[] fill = new int[events];
        for (int u = 0; u < table.users; u++) {
            int e = table.event[u];
            groups[e][fill[e]++] = u;
        }
        return groups;
    }

    private static int[][] groupSamples(JourneyTable table, int events) {
        int[] counts = new int[Math.max(1, events)];
        for (int s = 0; s < table.sampled; s++) {
            counts[table.event[table.sampleUser[s]]]++;
        }
        int[][] groups = new int[counts.length][];
        for (int e = 0; e < counts.length; e++) {
            groups[e] = new int[counts[e]];
        }
        int[] fill = new int[counts.length];
        for (int s = 0; s < table.sampled; s++) {
            int e = table.event[table.sampleUser[s]];
            groups[e][fill[e]++] = s;
        }
        return groups;
    }

    private static long countAbove(double[] sorted, double value) {
        long count = 0;
        for (double v : sorted) {
            if (v > value) {
                count++;
            }
        }
        return count;
    }

    /** Nearest-rank percentile of sorted values; NaN when there are none. */
    static double percentile(double[] sorted, double pct) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(pct / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String sentence(long journeys, long lost, long doubles, long violations, long admissions,
            double positionP99, double etaMedian) {
        if (journeys == 0) {
            return "No journeys were recorded.";
        }
        List<String> findings = new ArrayList<>();
        if (lost > 0) {
            findings.add(lost + (lost == 1 ? " user" : " users") + " lost their place");
        }
        if (doubles > 0) {
            findings.add(doubles + (doubles == 1 ? " double admission" : " double admissions"));
        }
        if (violations > 0) {
            findings.add(violations + " of " + admissions + " admissions out of order");
        }
        String truth = String.format(Locale.ROOT, "positions shown were off by %s at p99 and the first ETA by %s at "
                + "the median", Double.isNaN(positionP99) ? "n/a" : String.format(Locale.ROOT, "%.0f", positionP99),
                Double.isNaN(etaMedian) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", etaMedian));
        if (findings.isEmpty()) {
            return "Every one of " + journeys + " journeys kept its place, entered at most once and in order; " + truth
                    + ".";
        }
        return "Integrity failed: " + String.join(", ", findings) + " (of " + journeys + " journeys); " + truth + ".";
    }
}
