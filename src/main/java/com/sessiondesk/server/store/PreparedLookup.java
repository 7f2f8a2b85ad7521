package com.sessiondesk.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One read-only query on the hot path (the token lookup of every mobile request), run on a few
 * connections of its own, each holding the statement prepared once. Preparing per request cost
 * as much as running the query on SQLite.
 */
final class PreparedLookup implements AutoCloseable {

    /** Binds the parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the result. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private record Slot(Connection connection, PreparedStatement statement) {
        void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken: nothing to release
            }
        }
    }

    private final Database db;
    private final String sql;
    private final int size;
    private final BlockingQueue<Slot> idle;
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean closed;

    PreparedLookup(Database db, String sql, int size) {
        this.db = db;
        this.sql = sql;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    <T> T query(Binder binder, Reader<T> reader) {
        Slot slot = borrow();
        try {
            binder.bind(slot.statement());
            T result;
            try (ResultSet rs = slot.statement().executeQuery()) {
                result = reader.read(rs);
            }
            release(slot);
            return result;
        } catch (SQLException | RuntimeException e) {
            discard(slot);
            throw e instanceof SQLException sql ? new StoreException(sql) : (RuntimeException) e;
        }
    }

    private Slot borrow() {
        Slot slot = idle.poll();
        if (slot != null) {
            return slot;
        }
        if (open.incrementAndGet() <= size) {
            try {
                Connection connection = db.newConnection();
                return new Slot(connection, connection.prepareStatement(sql));
            } catch (SQLException e) {
                open.decrementAndGet();
                throw new StoreException(e);
            }
        }
        open.decrementAndGet();
        try {
            slot = idle.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (slot == null) {
            throw new StoreException("timed out waiting for a database connection");
        }
        return slot;
    }

    private void release(Slot slot) {
        if (closed || !idle.offer(slot)) {
            discard(slot);
        }
    }

    private void discard(Slot slot) {
        open.decrementAndGet();
        slot.close();
    }

    @Override
    public void close() {
        closed = true;
        Slot slot;
        while ((slot = idle.poll()) != null) {
            discard(slot);
        }
    }
}
