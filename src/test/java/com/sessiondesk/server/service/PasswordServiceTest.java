package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.server.service.PasswordService.Change;
import com.sessiondesk.server.store.AdminQueries;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting a password: the hash, the sessions it ends and its audit event, over a real SQLite store. */
class PasswordServiceTest {

    private static final long T0 = 10_000_000L;
    private static final long LATER = T0 + 1_000_000_000L;

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private PasswordService passwords;
    private long maria;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("p.db"));
        new Migrations(db).run();
        store = new JdbcStore(db, Clock.fixed(Instant.ofEpochMilli(T0 + 100), ZoneOffset.UTC));
        passwords = new PasswordService(db);
        store.createUser("maria.lopez", "María López", "old-hash", true, 1);
        store.createUser("li.wei", "Li Wei", "li-hash", false, 1);
        maria = store.credentials("maria.lopez").orElseThrow().userId();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private String login(long userId, String deviceId, String tokenHash) {
        return store.startSession(userId, new Device("EVV", "1.0", deviceId, "Pixel 7", "Android 14", "es"),
                tokenHash, T0).orElseThrow();
    }

    @Test
    void setsTheHashEndsTheMobileSessionsAndOtherAdminSessionsAndAuditsIt() {
        String phone = login(maria, "phone", "m1");
        String tablet = login(maria, "tablet", "m2");
        long li = store.credentials("li.wei").orElseThrow().userId();
        String liPhone = login(li, "li-phone", "l1");
        store.createAdminToken("asking", maria, T0, LATER);
        store.createAdminToken("other-1", maria, T0, LATER);
        store.createAdminToken("other-2", maria, T0, LATER);

        Change change = passwords.setPassword("maria.lopez", "new-hash", "admin", "asking", T0 + 10).orElseThrow();

        assertThat(change.endedSessions()).containsExactlyInAnyOrder(phone, tablet);
        assertThat(change.endedAdminSessions()).isEqualTo(2);
        assertThat(store.credentials("maria.lopez").orElseThrow().passwordHash()).isEqualTo("new-hash");
        assertThat(store.credentials("li.wei").orElseThrow().passwordHash()).isEqualTo("li-hash");
        assertThat(store.liveAdminTokens(List.of("asking", "other-1", "other-2"))).containsExactly("asking");
        assertThat(store.activeSessionRows(null, null)).extracting(r -> r.id()).containsExactly(liPhone);

        assertThat(store.audit("maria.lopez", 10)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.PASSWORD_CHANGED.wireName());
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.sessionIds()).containsExactlyInAnyOrder(phone, tablet);
            assertThat(e.reason()).isEqualTo(PasswordService.ENDED_WHY + "; other admin sessions ended: 2");
        });
    }

    @Test
    void withoutATokenToKeepEveryAdminSessionEnds() {
        store.createAdminToken("a", maria, T0, LATER);

        Change change = passwords.setPassword("maria.lopez", "new-hash", PasswordService.COMMAND_LINE, null, T0 + 10)
                .orElseThrow();

        assertThat(change.endedAdminSessions()).isEqualTo(1);
        assertThat(change.endedSessions()).isEmpty();
        assertThat(store.liveAdminTokens(List.of("a"))).isEmpty();
        AuditEvent event = store.audit("maria.lopez", 10).get(0);
        assertThat(event.actor()).isEqualTo(PasswordService.COMMAND_LINE);
        assertThat(event.reason()).isEqualTo(PasswordService.ENDED_WHY + "; other admin sessions ended: 1");
    }

    @Test
    void theReasonIsPlainWhenNoAdminSessionEnded() {
        String phone = login(maria, "phone", "m1");

        Change change = passwords.setPassword("maria.lopez", "new-hash", "admin", null, T0 + 10).orElseThrow();

        assertThat(change).isEqualTo(new Change(List.of(phone), 0));
        assertThat(store.audit("maria.lopez", 10)).singleElement().extracting(AuditEvent::reason)
                .isEqualTo(PasswordService.ENDED_WHY);
    }

    @Test
    void aSessionWhoseEndingIsPastItsDeadlineKeepsThatEndAndIsNotEndedAgain() {
        String ending = login(maria, "phone", "m1");
        String active = login(maria, "tablet", "m2");
        db.write(c -> new AdminQueries(c, db.dialect()).startEnding(List.of(ending), "admin", "sync first", T0 + 1,
                T0 + 5));

        Change change = passwords.setPassword("maria.lopez", "new-hash", "admin", null, T0 + 10).orElseThrow();

        assertThat(change.endedSessions()).containsExactly(active);
        assertThat(store.audit("maria.lopez", 10)).singleElement().extracting(AuditEvent::sessionIds)
                .isEqualTo(List.of(active));
    }

    @Test
    void anUnknownAccountIsEmptyAndChangesNothing() {
        assertThat(passwords.setPassword("nobody", "new-hash", "admin", null, T0)).isEmpty();

        assertThat(store.credentials("nobody")).isEmpty();
        assertThat(store.auditPage(null, null, null, 10)).isEmpty();
    }
}
