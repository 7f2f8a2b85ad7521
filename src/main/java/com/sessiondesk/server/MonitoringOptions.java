package com.sessiondesk.server;

import com.sessiondesk.cli.Env;
import com.sessiondesk.server.observability.LogFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** How an operator watches the service: the metrics port and the log's format (part of {@link ServeOptions}). */
public final class MonitoringOptions {

    @Option(names = "--metrics-port", paramLabel = "PORT", converter = ServeOptions.Port.class,
            description = "Serve GET /metrics (Prometheus' text format) on this port, apart from the API "
                    + "(default: no metrics).")
    @Env("SESSIONDESK_METRICS_PORT")
    Integer metricsPort;

    @Option(names = "--metrics-host", paramLabel = "HOST",
            description = "The address of the metrics port; keep it private (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_METRICS_HOST")
    String metricsHost = "127.0.0.1";

    @Option(names = "--log-format", paramLabel = "FORMAT", converter = FormatName.class,
            description = "text, or json for log shippers: one JSON object per line (default: text).")
    @Env("SESSIONDESK_LOG_FORMAT")
    LogFormat logFormat = LogFormat.TEXT;

    /** The metrics port, or null for none. */
    public Integer metricsPort() {
        return metricsPort;
    }

    public String metricsHost() {
        return metricsHost;
    }

    public LogFormat logFormat() {
        return logFormat;
    }

    static final class FormatName implements ITypeConverter<LogFormat> {
        @Override
        public LogFormat convert(String value) {
            try {
                return LogFormat.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
