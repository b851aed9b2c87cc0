package io.streamgate.it;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Captures what one logger writes while a test runs. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogCapture(Class<?> loggerOf) {
        this(loggerOf.getName());
    }

    /** Captures a logger by name: {@code org.slf4j.Logger.ROOT_LOGGER_NAME} for everything. */
    LogCapture(String loggerName) {
        logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    List<String> messages() {
        synchronized (appender.list) {
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** Every message with the text of its exception chain, if any. */
    List<String> messagesWithThrowables() {
        synchronized (appender.list) {
            return appender.list.stream().map(event -> {
                StringBuilder text = new StringBuilder(event.getFormattedMessage());
                for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                    text.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
                }
                return text.toString();
            }).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
