package com.sessiondesk.server;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.server.StaffGenerator.Person;
import com.sessiondesk.server.StaffGenerator.Phone;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.store.BulkInsert;
import com.sessiondesk.server.store.BulkInsert.SessionRow;
import com.sessiondesk.server.store.BulkInsert.UserRow;
import com.sessiondesk.server.store.JdbcStore;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo agency seeded by {@code serve --demo} and the embedded client, once per database:
 * about 320 staff of a home-care agency with sessions of the three apps, about one in ten with a
 * superseded session (the app was updated without logging out), some on two devices, some with
 * unsynced work, and one blocked user. Every demo staff member signs in with {@link #STAFF_PASSWORD}.
 */
public final class DemoAgency {

    /** The one password every demo staff member shares (documented in docs/service.md). */
    public static final String STAFF_PASSWORD = "caredemo2026";
    /** Argon2id hash of {@link #STAFF_PASSWORD}, computed once so that seeding stays fast. */
    static final String STAFF_PASSWORD_HASH =
            "$argon2id$v=19$m=19456,t=2,p=1$g6Sn9gBqgrPQ04yBvzqbZA$3imCXZ9kTuQyIcObQDaUSQtPJPHCdURu+UNiBcopNA4";
    public static final int STAFF = 320;
    static final String SEEDED_KEY = "demo_seeded";
    private static final long SEED = 20261127L;
    /** Index of the staff member seeded as blocked. */
    static final int BLOCKED_INDEX = 17;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    private DemoAgency() {
    }

    /** True when this database has the demo agency. */
    public static boolean isSeeded(JdbcStore store) {
        return store.meta(SEEDED_KEY).isPresent();
    }

    /** Seeds the demo agency unless this database already has it; true when it seeded now. */
    public static boolean seedOnce(JdbcStore store, long now) {
        if (store.meta(SEEDED_KEY).isPresent()) {
            return false;
        }
        store.database().write(c -> {
            StaffGenerator generator = new StaffGenerator(SEED, BulkInsert.existingUsernames(c));
            Random random = generator.random();
            List<UserRow> users = new ArrayList<>();
            List<SessionRow> sessions = new ArrayList<>();
            List<Person> people = people(generator);
            Person blocked = people.get(BLOCKED_INDEX);
            long blockedAt = now - 2 * DAY - 3 * HOUR;
            String blockReason = "Phone reported stolen";
            for (Person person : people) {
                boolean isBlocked = person == blocked;
                users.add(new UserRow(person.username(), person.name(), STAFF_PASSWORD_HASH, false, isBlocked,
                        isBlocked ? blockedAt : null, isBlocked ? "admin" : null, isBlocked ? blockReason : null,
                        now - 90 * DAY));
                if (isBlocked) {
                    Phone phone = generator.nextPhone();
                    sessions.add(session(generator, person, "Caregiver", "5.8.1", phone, generator.deviceId(phone),
                            blockedAt - 6 * DAY, blockedAt - 20 * HOUR, 0, blockedAt, blockReason));
                    continue;
                }
                addSessionsOf(generator, random, person, sessions, now);
            }
            BulkInsert.users(c, users);
            BulkInsert.sessions(c, sessions);
            List<String> blockedIds = sessions.stream().filter(s -> s.username().equals(blocked.username()))
                    .map(SessionRow::id).toList();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                    + "session_ids, reason) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, blockedAt);
                ps.setString(2, "admin");
                ps.setString(3, AuditAction.BLOCK.wireName());
                ps.setString(4, blocked.username());
                ps.setString(5, String.join(",", blockedIds));
                ps.setString(6, blockReason);
                ps.executeUpdate();
            }
            return null;
        });
        store.setMeta(SEEDED_KEY, Long.toString(now));
        return true;
    }

    private static List<Person> people(StaffGenerator generator) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < STAFF; i++) {
            people.add(generator.nextPerson());
        }
        return people;
    }

    /**
     * The demo staff a fresh database gets (deterministic), the seeded blocked member last, so that
     * {@code simulate} can sign in as them with {@link #STAFF_PASSWORD}.
     */
    public static List<Person> staff() {
        List<Person> people = new ArrayList<>(people(new StaffGenerator(SEED, Set.of("admin"))));
        people.add(people.remove(BLOCKED_INDEX));
        return people;
    }

    /** One to three sessions: the main app, maybe a superseded older one, maybe a second device. */
    private static void addSessionsOf(StaffGenerator generator, Random random, Person person, List<SessionRow> out,
            long now) {
        int appRoll = random.nextInt(100);
        String application = appRoll < 72 ? "Caregiver" : appRoll < 92 ? "EVV" : "Family";
        List<String> versions = StaffGenerator.versions(application);
        Phone phone = generator.nextPhone();
        String deviceId = generator.deviceId(phone);
        long login = now - (long) (random.nextDouble() * 21 * DAY);
        long lastSeen = lastSeen(random, login, now);
        int pending = random.nextInt(100) < 15 ? 1 + random.nextInt(40) : 0;
        out.add(session(generator, person, application, versions.get(random.nextInt(2)), phone, deviceId, login,
                lastSeen, pending, null, null));
        if (random.nextInt(100) < 10) {
            // Updated the app without logging out: the old session never ended.
            long oldLogin = login - DAY - (long) (random.nextDouble() * 14 * DAY);
            String oldVersion = versions.get(2 + random.nextInt(versions.size() - 2));
            out.add(session(generator, person, application, oldVersion, phone, deviceId, oldLogin,
                    login - (long) (random.nextDouble() * HOUR), random.nextInt(100) < 30 ? 1 + random.nextInt(12) : 0,
                    null, null));
        }
        if (random.nextInt(100) < 12) {
            Phone second = generator.nextPhone();
            String secondApp = application.equals("Caregiver") ? "EVV" : "Caregiver";
            long secondLogin = now - (long) (random.nextDouble() * 21 * DAY);
            out.add(session(generator, person, secondApp, StaffGenerator.versions(secondApp).get(0), second,
                    generator.deviceId(second), secondLogin, lastSeen(random, secondLogin, now), 0, null, null));
        }
    }

    /** Most staff were seen minutes or hours ago; some days ago. Never before the login. */
    private static long lastSeen(Random random, long login, long now) {
        int roll = random.nextInt(100);
        long ago = roll < 45 ? (long) (random.nextDouble() * 90 * MINUTE)
                : roll < 80 ? (long) (random.nextDouble() * 2 * DAY)
                : (long) (random.nextDouble() * 9 * DAY);
        return Math.max(login + MINUTE, now - ago);
    }

    static SessionRow session(StaffGenerator generator, Person person, String application, String version, Phone phone,
            String deviceId, long login, long lastSeen, int pending, Long endedAt, String endReason) {
        String os = generator.pick(phone.osVersions());
        return new SessionRow(UUID.randomUUID().toString(), Tokens.hash(Tokens.newToken()), person.username(),
                application, version, deviceId, phone.model(), os, person.language(), login,
                Math.min(lastSeen, endedAt == null ? Long.MAX_VALUE : endedAt), pending, endedAt,
                endedAt == null ? null : "admin", endReason);
    }
}
