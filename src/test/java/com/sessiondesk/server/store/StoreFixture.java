package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A migrated SQLite database in a temporary folder, with its store on a fixed clock, for store tests. */
final class StoreFixture implements AutoCloseable {

    /** The store's clock reads this instant (epoch millis). */
    static final long NOW = 1_000_000;

    final Database db;
    final JdbcStore store;

    StoreFixture(Path dir) {
        db = Database.open("jdbc:sqlite:" + dir.resolve("store.db"));
        new Migrations(db).run();
        store = new JdbcStore(db, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    /** Creates a user (not a super user) and returns its id. */
    long user(String username) {
        store.createUser(username, "Name of " + username, "hash-" + username, false, 1);
        return store.credentials(username).orElseThrow().userId();
    }

    /** Logs the user in on its own device; returns the session id. */
    String login(long userId, String tokenHash, long at) {
        return store.startSession(userId, new Device("Caregiver", "1.0", "device-" + tokenHash, "Pixel 7",
                "Android 14", "Spanish"), tokenHash, at).orElseThrow();
    }

    /** Admin query steps run in one transaction. */
    @FunctionalInterface
    interface AdminWork<T> {
        T run(AdminQueries queries) throws java.sql.SQLException;
    }

    <T> T admin(AdminWork<T> work) {
        return db.write(c -> work.run(new AdminQueries(c, db.dialect())));
    }

    /** The account as locked at {@link #NOW}. */
    AdminQueries.LockedAccount account(String username) {
        return admin(q -> q.lockAccount(username, NOW).orElseThrow());
    }

    @Override
    public void close() {
        store.close();
        db.close();
    }
}
