package dev.queuebench.analysis.integrity;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogReader;
import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.WaitingToken;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Every journey of a run in columns, one row per user, built while the journey logs stream by: about
 * 40 bytes a user, so the ten million users of a 30-minute 30k requests/s run fit in half a gigabyte.
 * Times are milliseconds from the first log's base. Status answers are kept in a fixed-size uniform
 * sample (reservoir) for the position check; everything else is exact.
 *
 * <p>Users are numbered densely per injector from 0; the parts of a multi-injector run are laid one
 * after another ({@link #nextPart}).
 */
final class JourneyTable implements JourneyLogReader.Visitor {
    static final int NONE = Integer.MIN_VALUE;
    static final int STATUS_SAMPLE = 2_000_000;
    /** How far ahead of the users seen so far a user number may jump (journeys start in number order, give or take). */
    static final int MAX_USER_JUMP = 1_000_000;

    /** What ended a user's place, in {@link #exitKind}. */
    static final byte EXIT_NONE = 0;
    static final byte EXIT_GRANTED = 1;
    static final byte EXIT_LEFT = 2;
    static final byte EXIT_REFUSED = 3;

    int users;
    int[] event = new int[1024];
    int[] joinSend = new int[1024];
    int[] joinResp = new int[1024];
    /** 0 no join seen; 1 joined; 2 join failed without an answer (may hold a place unseen); 3 join refused. */
    byte[] joinState = new byte[1024];
    /** The send time of the last status answered 200: the place surely existed then, and the heartbeat was renewed after. */
    int[] lastOkSend = new int[1024];
    byte[] exitKind = new byte[1024];
    int[] exitSend = new int[1024];
    int[] exitResp = new int[1024];
    /** The first enter or leave sent without an answer: it may have ended the place then. */
    int[] uncertainSend = new int[1024];
    int[] firstEtaSec = new int[1024];
    int[] firstEtaResp = new int[1024];
    byte[] grants = new byte[1024];
    byte[] ends = new byte[1024];
    /** Where the user's token was in the queue at the run's end: 0 absent (or unknown), 1 with a heartbeat, 2 without. */
    byte[] atEnd = new byte[1024];
    /** The queue at the run's end, or null. */
    QueueEndFile.Lookup queueEnd;
    long matchedMembers;

    long grantCount;
    long[] grantTokens = new long[1024];
    int[] grantUsers = new int[1024];
    long twinEnters;
    long records;
    boolean cutShort;
    /** The TTL of the logs read, the gateway's default until a header says otherwise. */
    int heartbeatTtlSec = -1;
    long baseEpochMs = Long.MIN_VALUE;

    long statusSeen;
    int sampled;
    int[] sampleUser = new int[1024];
    int[] sampleSend = new int[1024];
    int[] sampleResp = new int[1024];
    int[] samplePosition = new int[1024];
    private final SplittableRandom random = new SplittableRandom(20261203L);
    private final int sampleLimit;

    private int partOffset;
    private int partUsers;

    JourneyTable() {
        this(STATUS_SAMPLE);
    }

    JourneyTable(int sampleLimit) {
        this.sampleLimit = sampleLimit;
    }

    /** Cuts every column to the users read, so the audit's own arrays have the room the growth left. */
    void trim() {
        if (event.length != users) {
            grow(users);
        }
        grantTokens = Arrays.copyOf(grantTokens, (int) grantCount);
        grantUsers = Arrays.copyOf(grantUsers, (int) grantCount);
    }

    /** Lays the next part's users after those read so far. */
    void nextPart() {
        partOffset += partUsers;
        partUsers = 0;
    }

    @Override
    public void header(JourneyLogHeader header) {
        if (baseEpochMs == Long.MIN_VALUE) {
            baseEpochMs = header.baseEpochMs();
        }
        heartbeatTtlSec = heartbeatTtlSec < 0 ? header.heartbeatTtlSec() : Math.min(heartbeatTtlSec, header.heartbeatTtlSec());
    }

    @Override
    public void join(long user, int eventIndex, long sendMs, long durationMs, JourneyAnswer answer, long positionHint,
            WaitingToken waitingToken) {
        int u = row(user);
        event[u] = eventIndex;
        joinSend[u] = time(sendMs);
        joinResp[u] = time(sendMs + durationMs);
        if (queueEnd != null && answer == JourneyAnswer.OK && atEnd[u] == 0) {
            atEnd[u] = queueEnd.stateOf(waitingToken);
            if (atEnd[u] != 0) {
                matchedMembers++;
            }
        }
        joinState[u] = answer == JourneyAnswer.OK ? (byte) 1
                : unanswered(answer) ? (byte) 2 : (byte) 3;
        records++;
    }

    @Override
    public void status(long user, long sendMs, long durationMs, JourneyAnswer answer, long position, long etaSec,
            boolean readyForEntry) {
        int u = row(user);
        records++;
        if (answer == JourneyAnswer.OK) {
            lastOkSend[u] = time(sendMs);
            if (etaSec >= 0 && firstEtaResp[u] == NONE && position > 0) {
                firstEtaSec[u] = (int) Math.min(Integer.MAX_VALUE, etaSec);
                firstEtaResp[u] = time(sendMs + durationMs);
            }
            if (position > 0) {
                sample(u, time(sendMs), time(sendMs + durationMs), (int) Math.min(Integer.MAX_VALUE, position));
            }
        } else if (answer.refusesToken()) {
            refused(u, sendMs, durationMs, answer);
        }
    }

    @Override
    public void enter(long user, long sendMs, long durationMs, JourneyAnswer answer, boolean twin,
            WaitingToken reservationToken) {
        int u = row(user);
        records++;
        if (twin) {
            twinEnters++;
        }
        if (answer == JourneyAnswer.OK) {
            if (grants[u] < Byte.MAX_VALUE) {
                grants[u]++;
            }
            if (exitKind[u] != EXIT_GRANTED || time(sendMs) < exitSend[u]) {
                exitKind[u] = EXIT_GRANTED;
                exitSend[u] = time(sendMs);
                exitResp[u] = time(sendMs + durationMs);
            }
            addGrant(u, reservationToken);
        } else if (answer.refusesToken() && !twin && exitKind[u] == EXIT_NONE) {
            refused(u, sendMs, durationMs, answer);
        } else if (unanswered(answer)) {
            uncertain(u, sendMs);
        }
    }

    @Override
    public void leave(long user, long sendMs, long durationMs, JourneyAnswer answer) {
        int u = row(user);
        records++;
        if (answer == JourneyAnswer.OK && exitKind[u] == EXIT_NONE) {
            exitKind[u] = EXIT_LEFT;
            exitSend[u] = time(sendMs);
            exitResp[u] = time(sendMs + durationMs);
        } else if (unanswered(answer)) {
            uncertain(u, sendMs);
        }
    }

    @Override
    public void end(long user, long atMs, JourneyEnd end) {
        ends[row(user)] = (byte) (end.ordinal() + 1);
        records++;
    }

    /** How the user's journey ended, or null while it was still going when the run stopped. */
    JourneyEnd endOf(int u) {
        return ends[u] == 0 ? null : JourneyEnd.values()[ends[u] - 1];
    }

    /** No answer, or the gateway failed: the request may still have done its work. */
    private static boolean unanswered(JourneyAnswer answer) {
        return answer == JourneyAnswer.NO_RESPONSE || answer == JourneyAnswer.SERVER_ERROR
                || answer == JourneyAnswer.UNAVAILABLE;
    }

    private void uncertain(int u, long sendMs) {
        if (uncertainSend[u] == NONE) {
            uncertainSend[u] = time(sendMs);
        }
    }

    private void refused(int u, long sendMs, long durationMs, JourneyAnswer answer) {
        if (exitKind[u] == EXIT_NONE) {
            exitKind[u] = EXIT_REFUSED;
            exitSend[u] = time(sendMs);
            exitResp[u] = time(sendMs + durationMs);
        }
    }

    private void addGrant(int u, WaitingToken token) {
        if (grantCount == grantTokens.length) {
            grantTokens = Arrays.copyOf(grantTokens, grantTokens.length + (grantTokens.length >> 1));
            grantUsers = Arrays.copyOf(grantUsers, grantUsers.length + (grantUsers.length >> 1));
        }
        grantTokens[(int) grantCount] = token.isNone() ? 0 : token.fingerprint();
        grantUsers[(int) grantCount] = u;
        grantCount++;
    }

    private void sample(int u, int send, int resp, int position) {
        statusSeen++;
        int slot;
        if (sampled < sampleLimit) {
            slot = sampled++;
            if (slot == sampleUser.length) {
                int size = Math.min(sampleLimit, slot * 2);
                sampleUser = Arrays.copyOf(sampleUser, size);
                sampleSend = Arrays.copyOf(sampleSend, size);
                sampleResp = Arrays.copyOf(sampleResp, size);
                samplePosition = Arrays.copyOf(samplePosition, size);
            }
        } else {
            long pick = random.nextLong(statusSeen);
            if (pick >= sampleLimit) {
                return;
            }
            slot = (int) pick;
        }
        sampleUser[slot] = u;
        sampleSend[slot] = send;
        sampleResp[slot] = resp;
        samplePosition[slot] = position;
    }

    private int time(long epochMs) {
        return Math.toIntExact(epochMs - baseEpochMs);
    }

    private int row(long user) {
        if (user < 0 || user >= Integer.MAX_VALUE - partOffset || user > partUsers + MAX_USER_JUMP) {
            // Users are numbered densely as journeys start; a wild number is a damaged file, not a reason to
            // allocate gigabytes.
            throw new IllegalArgumentException("user number " + user + " is out of range (" + partUsers
                    + " users so far)");
        }
        int u = partOffset + (int) user;
        if ((int) user >= partUsers) {
            partUsers = (int) user + 1;
        }
        if (u >= event.length) {
            grow(Math.max(event.length + (event.length >> 1), u + 1));
        }
        if (u >= users) {
            for (int i = users; i <= u; i++) {
                clear(i);
            }
            users = u + 1;
        }
        return u;
    }

    private void clear(int i) {
        event[i] = 0;
        joinSend[i] = NONE;
        joinResp[i] = NONE;
        joinState[i] = 0;
        lastOkSend[i] = NONE;
        exitKind[i] = EXIT_NONE;
        exitSend[i] = NONE;
        exitResp[i] = NONE;
        uncertainSend[i] = NONE;
        firstEtaSec[i] = NONE;
        firstEtaResp[i] = NONE;
        grants[i] = 0;
        ends[i] = 0;
        atEnd[i] = 0;
    }

    private void grow(int size) {
        event = Arrays.copyOf(event, size);
        joinSend = Arrays.copyOf(joinSend, size);
        joinResp = Arrays.copyOf(joinResp, size);
        joinState = Arrays.copyOf(joinState, size);
        lastOkSend = Arrays.copyOf(lastOkSend, size);
        exitKind = Arrays.copyOf(exitKind, size);
        exitSend = Arrays.copyOf(exitSend, size);
        exitResp = Arrays.copyOf(exitResp, size);
        uncertainSend = Arrays.copyOf(uncertainSend, size);
        firstEtaSec = Arrays.copyOf(firstEtaSec, size);
        firstEtaResp = Arrays.copyOf(firstEtaResp, size);
        grants = Arrays.copyOf(grants, size);
        ends = Arrays.copyOf(ends, size);
        atEnd = Arrays.copyOf(atEnd, size);
    }
}
