package dev.queuebench.analysis.integrity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.QueueEndFile;
import dev.queuebench.rundir.Summary;
import dev.queuebench.rundir.WaitingToken;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each finding of the audit, planted in hand-made journeys, and the same journeys without it give zero. */
class IntegrityAuditTest {
    private static final long T0 = 1_800_000_000_000L;

    private final JourneyTable table = new JourneyTable();

    IntegrityAuditTest() {
        table.header(new JourneyLogHeader(T0, 300, 0, "test"));
    }

    /** Users join a second apart and each is admitted, in join order, after a poll: nothing to find. */
    @Test
    void anOrderlyQueueHasNoFindings() {
        for (int u = 0; u < 20; u++) {
            long joined = T0 + u * 1_000L;
            join(u, joined);
            status(u, joined + 2_000, 1, 1);
            grant(u, joined + 2_010, token());
            table.end(u, joined + 2_020, JourneyEnd.ADMITTED);
        }
        Summary.Integrity audit = audit();
        assertEquals(20, audit.journeys());
        assertEquals(0, audit.lostUsers());
        assertEquals(0, audit.doubleAdmissions());
        assertEquals(0, audit.orderViolations());
        assertEquals(20, audit.admissions());
        assertEquals(0, audit.positionErrorP99());
        assertEquals(20, audit.endings().get("admitted"));
        assertTrue(audit.sentence().startsWith("Every one of 20 journeys"), audit.sentence());
    }

    @Test
    void aRefusalWithinTheHeartbeatTtlIsALostUserAndOneAfterItIsNot() {
        join(0, T0);
        status(0, T0 + 2_000, 1, 0);
        table.status(0, T0 + 4_000, 3, JourneyAnswer.TOKEN_EXPIRED, 0, -1, false);
        table.end(0, T0 + 4_010, JourneyEnd.LOST);
        join(1, T0 + 100);
        status(1, T0 + 2_000, 2, 0);
        // Polled again 301 s later: the heartbeat had expired, as the client's own doing.
        table.status(1, T0 + 303_000, 3, JourneyAnswer.TOKEN_EXPIRED, 0, -1, false);
        Summary.Integrity audit = audit();
        assertEquals(1, audit.lostUsers());
        assertEquals(1, audit.expiredUsers());
        assertEquals(List.of(new Summary.LossSecond((T0 + 4_003) / 1000, 1)), audit.lostBySecond());
    }

    @Test
    void aSecondGrantAndASharedReservationTokenAreDoubleAdmissions() {
        join(0, T0);
        join(1, T0 + 10);
        join(2, T0 + 20);
        grant(0, T0 + 1_000, token());
        table.enter(0, T0 + 1_000, 4, JourneyAnswer.OK, true, WaitingToken.of(token())); // the double click's twin, granted too
        String shared = UUID.randomUUID().toString();
        grant(1, T0 + 1_100, shared);
        grant(2, T0 + 1_200, shared);
        Summary.Integrity audit = audit();
        assertEquals(1, audit.usersGrantedTwice());
        assertEquals(1, audit.reservationTokensShared());
        assertEquals(2, audit.doubleAdmissions());
        assertEquals(1, audit.doubleClicks());
    }

    /**
     * Twenty users wait; the twentieth is admitted 1 s after joining although nineteen earlier joiners
     * still wait (position 20 must wait 2 s): out of order. The first, at position 1, may enter at once.
     */
    @Test
    void anAdmissionTheRulesDoNotAllowIsOutOfOrder() {
        for (int u = 0; u < 20; u++) {
            join(u, T0 + u * 10L);
        }
        grant(19, T0 + 190 + 1_000, token());
        grant(0, T0 + 1_500, token());
        for (int u = 1; u < 19; u++) {
            status(u, T0 + 2_500, u, 10); // still waiting after both admissions
        }
        Summary.Integrity audit = audit();
        assertEquals(1, audit.orderViolations());
        assertEquals(2, audit.admissions());
        assertEquals(50.0, audit.orderViolationsPct(), 1e-9);
    }

    /** The same admission after the 2 s the rules ask of position 20 is in order. */
    @Test
    void anAdmissionAfterTheMinimumWaitIsInOrder() {
        for (int u = 0; u < 20; u++) {
            join(u, T0 + u * 10L);
        }
        grant(19, T0 + 190 + 2_100, token());
        for (int u = 0; u < 19; u++) {
            status(u, T0 + 2_500, u + 1, 10);
        }
        assertEquals(0, audit().orderViolations());
    }

    /** Five users surely ahead (rank 6), position 4 shown: off by 2. Rank 5 shown as 5: right. */
    @Test
    void aPositionOutsideTheRangeTheTrueRankCouldTakeIsAnError() {
        for (int u = 0; u < 6; u++) {
            join(u, T0 + u * 100L);
        }
        status(5, T0 + 3_000, 4, 10);
        status(4, T0 + 3_000, 5, 10);
        Summary.Integrity audit = audit();
        assertEquals(2, audit.positionChecks());
        assertEquals(2, audit.positionErrorMax());
        assertEquals(50.0, audit.positionsOffPct(), 1e-9);
    }

    /** Joins in flight at the same time may be in either order: neither position is wrong. */
    @Test
    void concurrentJoinsMayBeRankedEitherWay() {
        table.join(0, 0, T0, 50, JourneyAnswer.OK, 1, WaitingToken.of(token()));
        table.join(1, 0, T0 + 10, 50, JourneyAnswer.OK, 1, WaitingToken.of(token()));
        status(0, T0 + 2_000, 2, 1);
        status(1, T0 + 2_000, 1, 1);
        assertEquals(0, audit().positionErrorMax());
    }

    @Test
    void theFirstEtaIsJudgedAgainstTheWaitThatFollowed() {
        join(0, T0);
        status(0, T0 + 2_000, 5, 10); // says 10 s
        status(0, T0 + 4_000, 3, 2);
        grant(0, T0 + 7_000, token()); // admitted 5 s after the first ETA
        Summary.Integrity audit = audit();
        assertEquals(1, audit.etaChecks());
        assertEquals(100.0, audit.etaErrorMedianPct(), 1.0);
    }

    @Test
    void usersStillWaitingAtTheEndAreUnfinishedAndNeverLost() {
        join(0, T0);
        status(0, T0 + 2_000, 1, 0);
        Summary.Integrity audit = audit();
        assertEquals(1, audit.endings().get("unfinished"));
        assertEquals(0, audit.lostUsers());
        assertFalse(audit.journeysCutShort());
    }

    /** The queue at the end against the journeys: one user dropped silently, one admitted user still queued. */
    @Test
    void theEndStateFindsUsersTheQueueDroppedAndUsersItKept() {
        String waiting = token();
        String dropped = token();
        String admitted = token();
        String stranger = token();
        QueueEndFile.QueueEnd end = new QueueEndFile.QueueEnd(T0 + 10_000, List.of(new QueueEndFile.EventQueue(
                "queue:event:{evt-0}", new long[] {fingerprint(waiting), fingerprint(admitted), fingerprint(stranger)},
                new boolean[] {true, false, false})));
        table.queueEnd = end.lookup();
        table.join(0, 0, T0, 5, JourneyAnswer.OK, 1, WaitingToken.of(waiting));
        table.join(1, 0, T0 + 10, 5, JourneyAnswer.OK, 2, WaitingToken.of(dropped));
        table.join(2, 0, T0 + 20, 5, JourneyAnswer.OK, 3, WaitingToken.of(admitted));
        grant(2, T0 + 2_000, token());
        Summary.EndState state = IntegrityAudit.audit(table, AdmissionRules.GATEWAY, end).endState();
        assertEquals(3, state.queueMembers());
        assertEquals(2, state.membersWithoutHeartbeat());
        assertEquals(2, state.believedWaiting());
        assertEquals(1, state.believedButAbsent());
        assertEquals(1, state.endedButPresent());
        assertEquals(1, state.otherMembers());
    }

    private static long fingerprint(String token) {
        return WaitingToken.of(token).fingerprint();
    }

    private Summary.Integrity audit() {
        return IntegrityAudit.audit(table, AdmissionRules.GATEWAY);
    }

    private void join(int user, long atMs) {
        table.join(user, 0, atMs, 5, JourneyAnswer.OK, 1, WaitingToken.of(token()));
    }

    private void status(int user, long atMs, long position, long etaSec) {
        table.status(user, atMs, 3, JourneyAnswer.OK, position, etaSec, false);
    }

    private void grant(int user, long atMs, String reservation) {
        table.enter(user, atMs, 5, JourneyAnswer.OK, false, WaitingToken.of(reservation));
    }

    private static String token() {
        return UUID.randomUUID().toString();
    }
}
