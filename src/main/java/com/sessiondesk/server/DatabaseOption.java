package com.sessiondesk.server;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.cli.Env;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --db JDBC_URL} of the commands that open the database; by default SQLite in the data directory. */
public final class DatabaseOption {

    @Option(names = "--db", paramLabel = "JDBC_URL", converter = JdbcUrl.class,
            description = {"The database (default: SQLite in the user's data directory):",
                "jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB"})
    @Env("SESSIONDESK_DB")
    String jdbcUrl;

    public String jdbcUrl() {
        return jdbcUrl != null ? jdbcUrl : AppDirs.defaultJdbcUrl();
    }

    static final class JdbcUrl implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!value.startsWith("jdbc:sqlite:") && !value.startsWith("jdbc:postgresql:")) {
                throw new TypeConversionException(
                        "a JDBC URL is jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DB, not '" + value + "'");
            }
            return value;
        }
    }
}
