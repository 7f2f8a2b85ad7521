package com.sessiondesk.server;

import com.sessiondesk.server.StaffGenerator.Person;
import com.sessiondesk.server.StaffGenerator.Phone;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.store.BulkInsert;
import com.sessiondesk.server.store.BulkInsert.SessionRow;
import com.sessiondesk.server.store.BulkInsert.UserRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Loads many active sessions straight into a running server's store, for the benchmarks (logging
 * in through HTTP would spend minutes in PBKDF2): about one new user per three sessions, the three
 * applications, a share of superseded sessions. Returns the sessions' bearer tokens.
 */
public final class BulkLoad {

    private static final long HOUR = 3_600_000L;

    private BulkLoad() {
    }

    public static List<String> createActiveSessions(SessionServer server, int sessions) {
        if (sessions < 0) {
            throw new IllegalArgumentException("sessions must be 0 or more");
        }
        long now = System.currentTimeMillis();
        return server.store().database().write(c -> {
            StaffGenerator generator = new StaffGenerator(System.nanoTime(), BulkInsert.existingUsernames(c));
            Random random = generator.random();
            List<UserRow> users = new ArrayList<>();
            List<SessionRow> rows = new ArrayList<>(sessions);
            List<String> tokens = new ArrayList<>(sessions);
            Person person = null;
            Phone phone = null;
            String deviceId = null;
            String application = null;
            for (int i = 0; i < sessions; i++) {
                boolean supersede = person != null && i % 3 == 2 && random.nextInt(100) < 30;
                if (i % 3 == 0 || person == null) {
                    person = generator.nextPerson();
                    users.add(new UserRow(person.username(), person.name(), DemoAgency.STAFF_PASSWORD_HASH, false,
                            false, null, null, null, now));
                }
                if (!supersede) {
                    phone = generator.nextPhone();
                    deviceId = generator.deviceId(phone);
                    application = generator.pick(StaffGenerator.APPLICATIONS);
                }
                List<String> versions = StaffGenerator.versions(application);
                long login = now - (long) (random.nextDouble() * 21 * 24 * HOUR) - (supersede ? 24 * HOUR : 0);
                long lastSeen = Math.max(login, now - (long) (random.nextDouble() * 48 * HOUR));
                String token = Tokens.newToken();
                tokens.add(token);
                rows.add(new SessionRow(UUID.randomUUID().toString(), Tokens.hash(token), person.username(),
                        application, versions.get(supersede ? versions.size() - 1 : 0), deviceId, phone.model(),
                        generator.pick(phone.osVersions()), person.language(), login, lastSeen,
                        random.nextInt(100) < 15 ? random.nextInt(30) : 0, null, null, null));
            }
            BulkInsert.users(c, users);
            BulkInsert.sessions(c, rows);
            return tokens;
        });
    }
}
