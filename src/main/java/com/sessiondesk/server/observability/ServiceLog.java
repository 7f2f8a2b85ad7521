package com.sessiondesk.server.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Where the log goes and how it looks, set up in code (no logback.xml to parse at start-up): standard
 * error, our own lines at info and the libraries' only from warn. Every program starts with plain
 * lines and without the request log (logback finds this class through
 * {@code META-INF/services}); {@code serve} switches to its {@code --log-format} and turns the
 * request log on ({@link #use}).
 */
public final class ServiceLog extends ContextAwareBase implements Configurator {

    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger - %msg%n";
    private static final Map<String, Level> QUIET = Map.of(
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        setUp(context, LogFormat.TEXT, false);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * The service's log from now on: in {@code format}, with one line per request.
     *
     * @throws IllegalStateException in a process that logs through another backend (see {@code common/LogBackend})
     */
    public static void use(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("the service's log needs logback, not "
                    + LoggerFactory.getILoggerFactory().getClass().getName());
        }
        setUp(context, format, true);
    }

    /** Back to the start-up setting: plain lines, no request log (tests that switched the format). */
    public static void reset() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            setUp(context, LogFormat.TEXT, false);
        }
    }

    private static synchronized void setUp(LoggerContext context, LogFormat format, boolean requests) {
        Layout<ILoggingEvent> layout = format == LogFormat.JSON ? new JsonLayout() : textLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(console);
        root.setLevel(Level.INFO);
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        context.getLogger(RequestLog.LOGGER).setLevel(requests ? Level.INFO : Level.OFF);
    }

    private static PatternLayout textLayout() {
        PatternLayout layout = new PatternLayout();
        layout.setPattern(TEXT_PATTERN);
        return layout;
    }
}
