package com.sessiondesk.server;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.server.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** What {@code backup} and {@code restore} share: the SQLite file of {@code --db}, or why there is none. */
final class DatabaseFileCommand {

    private DatabaseFileCommand() {
    }

    /**
     * The SQLite database file; null after telling a PostgreSQL user which tool to use instead (the
     * caller exits with {@link Cli#USAGE_ERROR}).
     */
    static Path sqliteFile(CommandSpec spec, String jdbcUrl, String postgresTool) {
        Path file = Database.sqliteFile(jdbcUrl);
        if (file == null) {
            PrintWriter err = spec.commandLine().getErr();
            String name = spec.qualifiedName();
            err.println(name + ": " + (jdbcUrl.startsWith("jdbc:postgresql:")
                    ? "the database is PostgreSQL: use " + postgresTool + " (see docs/tls-and-backup.md)"
                    : "works on a SQLite database file only, not " + jdbcUrl));
        }
        return file;
    }
}
