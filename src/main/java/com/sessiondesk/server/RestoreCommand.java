package com.sessiondesk.server;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.server.store.SqliteBackup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore FILE}: puts a backup back in place of the SQLite database while no service runs on it. */
@Command(name = "restore", separator = " ", sortOptions = false,
        description = {"Put the backup FILE in place of the SQLite database (mode 0600); the replaced database is "
                + "kept as DATABASE" + SqliteBackup.REPLACED_SUFFIX + ".",
            "Refused while the service runs on it: stop the service first. On PostgreSQL use pg_restore instead "
                + "(exit status 2)."})
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "A backup written by backup.")
    Path file;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path db = DatabaseFileCommand.sqliteFile(spec, database.jdbcUrl(), "pg_restore (pg_restore --clean "
                + "--dbname=DBNAME FILE)");
        if (db == null) {
            return Cli.USAGE_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        try {
            Path replaced = SqliteBackup.restore(db, file);
            out.println("Restored " + file.toAbsolutePath() + " to " + db + ".");
            if (replaced != null) {
                out.println("The replaced database is kept as " + replaced + ".");
            }
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("restore: " + e.getMessage());
            return Cli.FAILURE;
        }
    }
}
