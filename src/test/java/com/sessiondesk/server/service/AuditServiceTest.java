package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.server.service.AuditService.BadCursor;
import com.sessiondesk.server.service.AuditService.Page;
import com.sessiondesk.server.service.AuditService.Query;
import com.sessiondesk.server.service.AuditService.Retention;
import com.sessiondesk.server.store.AuditCategory;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History's rules: cursor pages bound to their filter, and retention per category. */
class AuditServiceTest {

    private static final long DAY = Duration.ofDays(1).toMillis();

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private AuditService service;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("a.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        service = new AuditService(store);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private void actions(String username, int count) {
        for (int i = 0; i < count; i++) {
            store.recordAudit(AuditAction.LOGOUT_ALL, "admin", username, List.of(), "reason " + i, 1000 + i);
        }
    }

    private static List<Long> ids(Page page) {
        return page.events().stream().map(AuditEvent::id).toList();
    }

    /** A cursor signed with the service's own key, as an instance sharing the database would sign it. */
    private String signed(String position, AuditCategory category, String username) throws Exception {
        byte[] secret = Base64.getUrlDecoder().decode(store.metaIfAbsent(AuditService.KEY_META, "unused"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        String message = position + "\u0000" + (category == null ? "" : category.column()) + "\u0000"
                + (username == null ? "" : username);
        return position + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pagesWalkTheWholeLogNewestFirstAndTheLastHasNoCursor() {
        actions("maria.lopez", 5);

        Page first = service.page(new Query(null, null, null, 2));
        assertThat(first.events()).hasSize(2);
        assertThat(first.nextCursor()).startsWith("ac1.");
        Page second = service.page(new Query(null, null, first.nextCursor(), 2));
        assertThat(second.nextCursor()).isNotNull();
        Page third = service.page(new Query(null, null, second.nextCursor(), 2));
        assertThat(third.nextCursor()).isNull();

        List<Long> all = new java.util.ArrayList<>();
        all.addAll(ids(first));
        all.addAll(ids(second));
        all.addAll(ids(third));
        assertThat(all).hasSize(5).doesNotHaveDuplicates().isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(first.nextCursor()).startsWith("ac1." + ids(first).get(1) + ".");
    }

    @Test
    void aPageThatHoldsExactlyTheRestHasNoCursor() {
        actions("maria.lopez", 3);

        Page page = service.page(new Query(null, null, null, 3));

        assertThat(page.events()).hasSize(3);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void oneMoreThanTheLimitGivesAFullPageAndACursor() {
        actions("maria.lopez", 4);

        Page page = service.page(new Query(null, null, null, 3));

        assertThat(page.events()).hasSize(3);
        assertThat(page.nextCursor()).isNotNull();
        Page rest = service.page(new Query(null, null, page.nextCursor(), 3));
        assertThat(rest.events()).hasSize(1);
        assertThat(rest.nextCursor()).isNull();
    }

    @Test
    void filtersByCategoryAndByNormalizedUsername() {
        actions("maria.lopez", 2);
        actions("li.wei", 1);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.1", "bad password", 5000);

        assertThat(service.page(new Query(AuditCategory.ACTION, "MARIA.LOPEZ", null, 10)).events())
                .hasSize(2).allSatisfy(e -> assertThat(e.username()).isEqualTo("maria.lopez"));
        assertThat(service.page(new Query(AuditCategory.SECURITY, null, null, 10)).events())
                .singleElement().satisfies(e -> assertThat(e.action()).isEqualTo("admin_login_failed"));
        assertThat(service.page(new Query(null, null, null, 10)).events()).hasSize(4);
    }

    @Test
    void aCursorReadsOnlyWithTheFilterItWasHandedOutFor() {
        actions("maria.lopez", 3);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.1", "bad password", 5000);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.2", "bad password", 5000);

        String byAction = service.page(new Query(AuditCategory.ACTION, null, null, 1)).nextCursor();
        String byUser = service.page(new Query(null, "maria.lopez", null, 1)).nextCursor();
        String unfiltered = service.page(new Query(null, null, null, 1)).nextCursor();

        assertThat(service.page(new Query(AuditCategory.ACTION, null, byAction, 10)).events()).hasSize(2);
        assertThat(service.page(new Query(null, "Maria.Lopez", byUser, 10)).events()).hasSize(4);
        assertThatThrownBy(() -> service.page(new Query(null, null, byAction, 10))).isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(AuditCategory.SECURITY, null, byAction, 10)))
                .isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(null, null, byUser, 10))).isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(null, "li.wei", byUser, 10))).isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(AuditCategory.ACTION, null, unfiltered, 10)))
                .isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(null, "maria.lopez", unfiltered, 10)))
                .isInstanceOf(BadCursor.class);
    }

    @Test
    void changedOrMadeUpCursorsAreRefused() {
        actions("maria.lopez", 3);
        String cursor = service.page(new Query(null, null, null, 1)).nextCursor();
        String[] parts = cursor.split("\\.");
        long id = Long.parseLong(parts[1]);

        for (String bad : List.of(
                "ac1." + (id + 1) + "." + parts[2],
                "ac2." + parts[1] + "." + parts[2],
                parts[1] + "." + parts[2],
                cursor + ".x",
                "ac1.abc." + parts[2],
                "ac1." + parts[1] + ".!!!",
                "ac1." + parts[1] + "." + parts[2].substring(1),
                "",
                "x".repeat(300))) {
            assertThatThrownBy(() -> service.page(new Query(null, null, bad, 10)))
                    .as(bad).isInstanceOf(BadCursor.class).hasMessageContaining("before");
        }
    }

    @Test
    void aCursorFromAnotherInstanceSharingTheDatabaseIsRead() {
        actions("maria.lopez", 3);
        String cursor = service.page(new Query(null, null, null, 1)).nextCursor();

        AuditService other = new AuditService(store);

        assertThat(other.page(new Query(null, null, cursor, 10)).events()).hasSize(2);
    }

    @Test
    void aGenuinelySignedPositionMustBePositive() throws Exception {
        actions("maria.lopez", 3);

        assertThat(service.page(new Query(null, null, signed("ac1.3", null, null), 10)).events()).hasSize(2);
        assertThatThrownBy(() -> service.page(new Query(null, null, signed("ac1.0", null, null), 10)))
                .isInstanceOf(BadCursor.class);
        assertThatThrownBy(() -> service.page(new Query(null, null, signed("ac1.-1", null, null), 10)))
                .isInstanceOf(BadCursor.class);
    }

    @Test
    void aCursorOfExactly200CharactersIsReadAndOneLongerIsRefused() throws Exception {
        actions("maria.lopez", 3);
        String position = "ac1." + "0".repeat(200 - 4 - 1 - 43 - 1) + "3";
        String longest = signed(position, null, null);
        String tooLong = signed("ac1.0" + position.substring(4), null, null);
        assertThat(longest).hasSize(200);
        assertThat(tooLong).hasSize(201);

        assertThat(service.page(new Query(null, null, longest, 10)).events()).hasSize(2);
        assertThatThrownBy(() -> service.page(new Query(null, null, tooLong, 10))).isInstanceOf(BadCursor.class);
    }

    @Test
    void pruneDeletesEachCategoryAfterItsOwnRetention() {
        store.recordAudit(AuditAction.LOGOUT_ALL, "admin", "maria.lopez", List.of(), "old action", 0);
        store.recordAudit(AuditAction.LOGOUT_ALL, "admin", "maria.lopez", List.of(), "new action", 9 * DAY);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.1", "old", 0);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.1", "new", 9 * DAY);

        int deleted = service.prune(new Retention(Duration.ofDays(20), Duration.ofDays(5)), 10 * DAY);

        assertThat(deleted).isEqualTo(1);
        assertThat(service.page(new Query(null, null, null, 10)).events()).extracting(AuditEvent::reason)
                .containsExactlyInAnyOrder("old action", "new action", "new");

        assertThat(service.prune(new Retention(Duration.ofDays(5), Duration.ofDays(5)), 10 * DAY)).isEqualTo(1);
        assertThat(service.prune(new Retention(Duration.ofDays(1), Duration.ofDays(1)), 10 * DAY))
                .as("an event exactly as old as the retention stays").isZero();
        assertThat(service.prune(new Retention(Duration.ofDays(0), Duration.ofDays(0)), 10 * DAY)).isEqualTo(2);
        assertThat(service.page(new Query(null, null, null, 10)).events()).isEmpty();
    }

    @Test
    void pruneKeepsEventsYoungerThanTheRetention() {
        store.recordAudit(AuditAction.LOGOUT_ALL, "admin", "maria.lopez", List.of(), "action", 5 * DAY);
        store.recordSecurityEvent(AuditAction.ADMIN_LOGIN_FAILED, "maria.lopez", "10.0.0.1", "event", 5 * DAY);

        assertThat(service.prune(new Retention(Duration.ofDays(10), Duration.ofDays(10)), 10 * DAY)).isZero();
        assertThat(service.page(new Query(null, null, null, 10)).events()).hasSize(2);
    }

    @Test
    void defaultRetentionIsAYearForActionsAnd90DaysForSecurityEvents() {
        assertThat(Retention.defaults()).isEqualTo(new Retention(Duration.ofDays(365), Duration.ofDays(90)));
    }
}
