package com.sessiondesk.server.observability;

import java.util.Locale;

/** How the service writes its log: plain lines for people, or one JSON object per line for log shippers. */
public enum LogFormat {
    TEXT, JSON;

    /** The name on the command line and in {@code SESSIONDESK_LOG_FORMAT}. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code text} or {@code json} (any case). */
    public static LogFormat of(String name) {
        for (LogFormat format : values()) {
            if (format.optionName().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new IllegalArgumentException("a log format is text or json, not '" + name + "'");
    }
}
