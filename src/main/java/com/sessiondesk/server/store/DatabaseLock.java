package com.sessiondesk.server.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

/**
 * How {@code restore} knows that a service runs on a SQLite database: every running service holds
 * a shared operating-system lock on the file {@code DATABASE.lock} beside it (several services may),
 * and {@code restore} needs it exclusively. The operating system drops a lock when its process
 * ends, however it ends, so a crash leaves nothing stale behind. Within one JVM (the tests, the
 * client's built-in service) the services of one file share a single lock.
 */
public final class DatabaseLock implements AutoCloseable {

    /** The shared locks this JVM holds, by lock file, with how many services use each. */
    private static final Map<Path, Held> HELD = new HashMap<>();

    private final Path lockFile;
    private final FileLock exclusive;

    private DatabaseLock(Path lockFile, FileLock exclusive) {
        this.lockFile = lockFile;
        this.exclusive = exclusive;
    }

    /** The lock file of a database file. */
    public static Path lockFile(Path database) {
        return Path.of(database + ".lock");
    }

    /**
     * Held by a running service: shared. Throws IllegalStateException while a restore holds the
     * database. Null for a database that is not a SQLite file.
     */
    public static DatabaseLock forService(String jdbcUrl) {
        Path database = Database.sqliteFile(jdbcUrl);
        if (database == null) {
            return null;
        }
        // On a first start the database's folder does not exist yet: it is made private (0700) first.
        Database.createPrivateFiles(jdbcUrl);
        Path file = lockFile(database);
        synchronized (HELD) {
            Held held = HELD.get(file);
            if (held == null) {
                FileChannel channel = open(file);
                FileLock lock;
                try {
                    lock = tryLock(channel, true);
                } catch (OverlappingFileLockException restoringInThisJvm) {
                    lock = null;
                }
                if (lock == null) {
                    close(channel);
                    throw new IllegalStateException("the database " + database + " is being restored; start the "
                            + "service when the restore has finished");
                }
                held = new Held(channel);
                HELD.put(file, held);
            }
            held.users++;
        }
        return new DatabaseLock(file, null);
    }

    /**
     * Held by a restore: exclusive. Throws IllegalStateException naming the lock file while a
     * service runs on the database.
     */
    public static DatabaseLock forRestore(Path database) {
        Path file = lockFile(database);
        FileChannel channel = open(file);
        FileLock lock;
        try {
            lock = tryLock(channel, false);
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        }
        if (lock == null) {
            close(channel);
            throw new IllegalStateException("the session service is running on " + database + " (it holds " + file
                    + "); stop it first, then restore");
        }
        return new DatabaseLock(file, lock);
    }

    @Override
    public void close() {
        if (exclusive != null) {
            close(exclusive.channel());
            return;
        }
        synchronized (HELD) {
            Held held = HELD.get(lockFile);
            if (held != null && --held.users == 0) {
                HELD.remove(lockFile);
                close(held.channel);
            }
        }
    }

    private static FileChannel open(Path file) {
        try {
            if (!Files.exists(file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made meanwhile by another process
                }
            }
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the lock file " + file, e);
        }
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + channel, e);
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close(); // releases its lock
        } catch (IOException e) {
            // nothing left to release
        }
    }

    private static final class Held {
        final FileChannel channel;
        int users;

        Held(FileChannel channel) {
            this.channel = channel;
        }
    }
}
