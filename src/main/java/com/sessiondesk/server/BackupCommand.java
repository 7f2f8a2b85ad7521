package com.sessiondesk.server;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.server.store.SqliteBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backup FILE}: a consistent copy of the SQLite database, made while the service runs. */
@Command(name = "backup", separator = " ", sortOptions = false,
        description = {"Copy the SQLite database into FILE (a new file, mode 0600) while the service runs: "
                + "one consistent moment of it, heartbeats go on meanwhile.",
            "On PostgreSQL use pg_dump instead (exit status 2)."})
public final class BackupCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The backup to write; it must not exist.")
    Path file;

    @Mixin
    DatabaseOption database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path db = DatabaseFileCommand.sqliteFile(spec, database.jdbcUrl(), "pg_dump (pg_dump --format=custom "
                + "--file=FILE DBNAME)");
        if (db == null) {
            return Cli.USAGE_ERROR;
        }
        long started = System.nanoTime();
        try {
            long bytes = SqliteBackup.backup(db, file);
            spec.commandLine().getOut().printf("Backed up %s to %s (%,d bytes in %d ms).%n", db,
                    file.toAbsolutePath(), bytes, (System.nanoTime() - started) / 1_000_000);
            return 0;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("backup: " + e.getMessage());
            return Cli.FAILURE;
        }
    }
}
