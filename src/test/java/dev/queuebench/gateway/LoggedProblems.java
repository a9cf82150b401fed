package dev.queuebench.gateway;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what the gateway and Undertow log at WARN or above, or with a stack trace, while it is
 * attached to the root logger: bad input must not become a log flood.
 */
final class LoggedProblems extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private final List<String> problems = new ArrayList<>();

    static LoggedProblems attach() {
        LoggedProblems appender = new LoggedProblems();
        appender.setName("logged-problems");
        appender.setContext(root().getLoggerContext());
        appender.start();
        root().addAppender(appender);
        return appender;
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN) || event.getThrowableProxy() != null) {
            problems.add(event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : " / " + event.getThrowableProxy().getClassName()));
        }
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        root().detachAppender(this);
        stop();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
