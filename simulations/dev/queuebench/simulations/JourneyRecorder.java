package dev.queuebench.simulations;

import dev.queuebench.rundir.JourneyAnswer;
import dev.queuebench.rundir.JourneyEnd;
import dev.queuebench.rundir.JourneyLogHeader;
import dev.queuebench.rundir.JourneyLogWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads what each answer told the user (the token, the position, the ETA, whether they may enter,
 * the error code) and, when {@code qb.journeysFile} is set, appends it to the run's journey log for
 * the integrity audit. The journey's decisions (the token to poll with, whether to enter, whether
 * the user was lost) come from here whether or not anything is recorded.
 *
 * <p>A request's send time is taken just before Gatling sends it ({@link JourneyState#sending}) and
 * its duration when the answer has been checked, so the gateway handled it somewhere in between: the
 * audit works with those bounds, never with a single instant.
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

    void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                System.err.println("queuebench: the journey log could not be completed: " + e.getMessage());
            }
        }
    }

    /** The join's answer: the token to poll with, or false when the join failed (the journey ends, recorded). */
    boolean joined(JourneyState journey) {
        JourneyAnswer answer = answer(journey);
        String token = answer == JourneyAnswer.OK ? AnswerBody.string(journey.body, "waiting_token") : null;
        if (writer != null) {
            writer.join(journey.userNumber, journey.eventIndex, journey.sendMs, durationMs(journey), answer,
                    Math.max(0, AnswerBody.number(journey.body, "position_hint")), token);
        }
        journey.token = token;
        if (token == null) {
            end(journey, JourneyEnd.JOIN_FAILED);
            return false;
        }
        journey.rejoin = false;
        return true;
    }

    /** A poll's answer: whether the user may enter, was let in (a double click's other enter won), or is lost. */
    void polled(JourneyState journey) {
        String body = journey.body;
        JourneyAnswer answer = answer(journey);
        boolean ready = answer == JourneyAnswer.OK && AnswerBody.isTrue(body, "ready_for_entry");
        if (writer != null) {
            writer.status(journey.userNumber, journey.sendMs, durationMs(journey), answer,
                    Math.max(0, AnswerBody.number(body, "position")), AnswerBody.number(body, "eta_sec"), ready);
        }
        journey.ready = ready;
        // "admitted": the other enter of a double click won, and the gateway says this user is in.
        journey.admitted = answer == JourneyAnswer.OK && "admitted".equals(AnswerBody.string(body, "status"));
        journey.lost = answer.refusesToken();
    }

    /** An enter's answer: in (200), not yet (403 NOT_READY: back off and poll), or lost. */
    void entered(JourneyState journey) {
        JourneyAnswer answer = answer(journey);
        if (writer != null) {
            writer.enter(journey.userNumber, journey.sendMs, durationMs(journey), answer, false,
                    answer == JourneyAnswer.OK ? AnswerBody.string(journey.body, "reservation_token") : null);
        }
        journey.admitted = journey.httpStatus == 200;
        journey.ready = false;
        journey.notReady = !journey.admitted;
        // A double click's other enter may have claimed the token and be granted: the next step learns
        // it (QueueJourney), or the next poll's refusal says the user was lost.
        journey.lost = !journey.clickedTwice && answer.refusesToken();
    }

    void left(JourneyState journey) {
        if (writer != null) {
            writer.leave(journey.userNumber, journey.sendMs, durationMs(journey), answer(journey));
        }
    }

    /** The second enter of a double click, answered outside Gatling. */
    void twinEntered(long user, long sendMs, long durationMs, int httpStatus, String body) {
        if (writer != null) {
            JourneyAnswer answer = JourneyAnswer.of(httpStatus, AnswerBody.string(body, "code"));
            writer.enter(user, sendMs, durationMs, answer, true,
                    answer == JourneyAnswer.OK ? AnswerBody.string(body, "reservation_token") : null);
        }
    }

    void end(JourneyState journey, JourneyEnd end) {
        if (writer != null) {
            writer.end(journey.userNumber, System.currentTimeMillis(), end);
        }
    }

    private static JourneyAnswer answer(JourneyState journey) {
        int status = journey.httpStatus;
        return JourneyAnswer.of(status, status >= 400 ? AnswerBody.string(journey.body, "code") : null);
    }

    private static long durationMs(JourneyState journey) {
        return System.currentTimeMillis() - journey.sendMs;
    }
}
