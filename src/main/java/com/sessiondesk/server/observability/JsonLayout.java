package com.sessiondesk.server.observability;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.time.Instant;
import org.slf4j.event.KeyValuePair;

/**
 * A log event as one line of JSON (written by Gson): {@code time}, {@code level}, {@code logger},
 * {@code thread}, {@code message}, then the event's context ({@code requestId} while a request runs)
 * and its key-value pairs as fields of their own (the request log's {@code method}, {@code route},
 * {@code status}, {@code durationMs}), and {@code error} with the stack trace when there is one.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    @Override
    public String doLayout(ILoggingEvent event) {
        JsonObject line = new JsonObject();
        line.addProperty("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        line.addProperty("level", event.getLevel().toString());
        line.addProperty("logger", event.getLoggerName());
        line.addProperty("thread", event.getThreadName());
        line.addProperty("message", event.getFormattedMessage());
        event.getMDCPropertyMap().forEach(line::addProperty);
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair pair : event.getKeyValuePairs()) {
                line.add(pair.key, GSON.toJsonTree(pair.value));
            }
        }
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            line.addProperty("error", ThrowableProxyUtil.asString(error));
        }
        return GSON.toJson(line) + CoreConstants.LINE_SEPARATOR;
    }
}
