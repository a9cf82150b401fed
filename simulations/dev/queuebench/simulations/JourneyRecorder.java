package dev.queuebench.simulations;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogWriter;
import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads what each answer told the user (the token, the position, the ETA, whether they may enter,
 * the error code) and, when {@code qb.journeysFile} is set, appends it to the run's journey log for
 * the integrity audit. The journey's decisions (the token to poll with, whether to enter, whether
 * the user was lost) come from here whether or not anything is recorded.
 *
 * <p>A request's send time is taken just before Gatling sends it ({@link #sending}) and its duration
 * when the answer has been checked, so the gateway handled it somewhere in between: the audit works
 * with those bounds, never with a single instant.
 */
final class JourneyRecorder {
    private final JourneyLogWriter writer;

    private JourneyRecorder(JourneyLogWriter writer) {
        this.writer = writer;
    }

    /** Records into {@code file}, or only reads the answers when {@code file} is null. */
    static JourneyRecorder open(String file, int heartbeatTtlSec, int injectorIndex, String userPrefix) {
        if (file == null || file.isBlank()) {
            return new JourneyRecorder(null);
        }
        try {
            JourneyRecorder recorder = new JourneyRecorder(JourneyLogWriter.create(Path.of(file),
                    new JourneyLogHeader(System.currentTimeMillis(), heartbeatTtlSec, injectorIndex, userPrefix)));
            // However Gatling ends (its end, a stop request, SIGTERM), the log is completed on the way out.
            Runtime.getRuntime().addShutdownHook(new Thread(recorder::close, "journey-log-close"));
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the journey log " + file, e);
        }
    }

    JourneyLogWriter writer() {
        return writer;
    }

    void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                System.err.println("queuebench: the journey log could not be completed: " + e.getMessage());
            }
        }
    }

    /** Marks the send time and forgets the previous answer, so a request without an answer is seen as such. */
    static Session sending(Session session) {
        return session.set(SessionKeys.SEND_MS, System.currentTimeMillis())
                .removeAll(SessionKeys.HTTP_STATUS, SessionKeys.BODY, SessionKeys.ENTER_STATUS);
    }

    Session joined(Session session) {
        String body = body(session);
        JourneyAnswer answer = answer(session, body);
        String token = answer == JourneyAnswer.OK ? AnswerBody.string(body, "waiting_token") : null;
        if (writer != null) {
            writer.join(session.getLong(SessionKeys.USER_NUMBER), session.getInt(SessionKeys.EVENT_INDEX),
                    sendMs(session), durationMs(session), answer, Math.max(0, AnswerBody.number(body, "position_hint")),
                    token);
        }
        if (token == null) {
            end(session, JourneyEnd.JOIN_FAILED);
            return session.remove(SessionKeys.TOKEN).markAsFailed();
        }
        return session.set(SessionKeys.TOKEN, token).remove(SessionKeys.REJOIN);
    }

    Session polled(Session session) {
        String body = body(session);
        JourneyAnswer answer = answer(session, body);
        boolean ready = answer == JourneyAnswer.OK && AnswerBody.isTrue(body, "ready_for_entry");
        if (writer != null) {
            writer.status(session.getLong(SessionKeys.USER_NUMBER), sendMs(session), durationMs(session), answer,
                    Math.max(0, AnswerBody.number(body, "position")), AnswerBody.number(body, "eta_sec"), ready);
        }
        Session next = session.set(SessionKeys.READY, ready ? "true" : "false");
        if (answer == JourneyAnswer.OK && "admitted".equals(AnswerBody.string(body, "status"))) {
            // The other enter of a double click won: the gateway says this user is in.
            next = next.set(SessionKeys.ENTER_STATUS, 200);
        }
        return lostOrNot(next, answer);
    }

    Session entered(Session session) {
        String body = body(session);
        JourneyAnswer answer = answer(session, body);
        if (writer != null) {
            writer.enter(session.getLong(SessionKeys.USER_NUMBER), sendMs(session), durationMs(session), answer, false,
                    answer == JourneyAnswer.OK ? AnswerBody.string(body, "reservation_token") : null);
        }
        if (session.getBoolean(SessionKeys.CLICKED_TWICE)) {
            // The other enter of the double click may have claimed the token and be granted: the next
            // step learns it (QueueJourney), or the next poll's refusal says the user was lost.
            return session;
        }
        return lostOrNot(session, answer);
    }

    Session left(Session session) {
        if (writer != null) {
            writer.leave(session.getLong(SessionKeys.USER_NUMBER), sendMs(session), durationMs(session),
                    answer(session, body(session)));
        }
        return session;
    }

    /** The second enter of a double click, answered outside Gatling. */
    void twinEntered(long user, long sendMs, long durationMs, int httpStatus, String body) {
        if (writer != null) {
            JourneyAnswer answer = JourneyAnswer.of(httpStatus, AnswerBody.string(body, "code"));
            writer.enter(user, sendMs, durationMs, answer, true,
                    answer == JourneyAnswer.OK ? AnswerBody.string(body, "reservation_token") : null);
        }
    }

    void end(Session session, JourneyEnd end) {
        if (writer != null) {
            writer.end(session.getLong(SessionKeys.USER_NUMBER), System.currentTimeMillis(), end);
        }
    }

    static boolean isLost(Session session) {
        return session.contains(SessionKeys.LOST) && session.getBoolean(SessionKeys.LOST);
    }

    private static Session lostOrNot(Session session, JourneyAnswer answer) {
        return answer.refusesToken() ? session.set(SessionKeys.LOST, true) : session;
    }

    private static JourneyAnswer answer(Session session, String body) {
        int status = session.contains(SessionKeys.HTTP_STATUS) ? session.getInt(SessionKeys.HTTP_STATUS) : 0;
        return JourneyAnswer.of(status, status >= 400 ? AnswerBody.string(body, "code") : null);
    }

    private static String body(Session session) {
        return session.contains(SessionKeys.BODY) ? session.getString(SessionKeys.BODY) : null;
    }

    private static long sendMs(Session session) {
        return session.getLong(SessionKeys.SEND_MS);
    }

    private static long durationMs(Session session) {
        return System.currentTimeMillis() - session.getLong(SessionKeys.SEND_MS);
    }
}
