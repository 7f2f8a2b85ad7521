package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionColumnTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    @Test
    void headersAreTheSevenOfTheSourceDocumentThenTheHiddenAddress() {
        assertThat(Arrays.stream(SessionColumn.values()).map(SessionColumn::header))
                .containsExactly("Username", "Name", "Device", "Application", "Language", "Login Time", "Last Seen",
                        "Address");
    }

    @Test
    void timesSortByInstantNotByTheirText() {
        // "9:00 AM" sorts after "10:00 AM" as text; as instants it is earlier.
        SessionRow nine = SessionRow.of(session("a", "u1", "U", "M", "App", Instant.parse("2026-11-27T09:00:00Z"), 0, false), false);
        SessionRow ten = SessionRow.of(session("b", "u2", "U", "M", "App", Instant.parse("2026-11-27T10:00:00Z"), 0, false), false);
        SessionRow lastYear = SessionRow.of(session("c", "u3", "U", "M", "App", Instant.parse("2025-12-31T23:00:00Z"), 0, false), false);
        List<SessionRow> rows = new ArrayList<>(List.of(ten, nine, lastYear));
        rows.sort(SessionColumn.LAST_SEEN.order());
        assertThat(rows).extracting(SessionRow::id).containsExactly("c", "a", "b");
    }

    /** Rows that read the same minute keep their order (by username), not their seconds. */
    @Test
    void lastSeenSortsByTheShownMinuteThenByUsername() {
        SessionRow zoe = SessionRow.of(session("1", "zoe", "Zoe", "M", "App", NOW.plusSeconds(50), 0, false), false);
        SessionRow amy = SessionRow.of(session("2", "amy", "Amy", "M", "App", NOW.plusSeconds(5), 0, false), false);
        SessionRow earlier = SessionRow.of(session("3", "bob", "Bob", "M", "App", NOW.minusSeconds(30), 0, false), false);
        List<SessionRow> rows = new ArrayList<>(List.of(zoe, earlier, amy));
        rows.sort(SessionColumn.LAST_SEEN.order().reversed());
        assertThat(rows).extracting(SessionRow::username).containsExactly("zoe", "amy", "bob");
        // A heartbeat moves zoe's seconds, not her minute: the order stays.
        SessionRow zoeLater = SessionRow.of(session("1", "zoe", "Zoe", "M", "App", NOW.plusSeconds(2), 0, false), false);
        List<SessionRow> again = new ArrayList<>(List.of(amy, earlier, zoeLater));
        again.sort(SessionColumn.LAST_SEEN.order().reversed());
        assertThat(again).extracting(SessionRow::username).containsExactly("zoe", "amy", "bob");
    }

    @Test
    void textSortsIgnoreCaseAndTiesKeepAStableOrderById() {
        SessionRow b = SessionRow.of(session("2", "bob", "bob", "M", "App", NOW, 0, false), false);
        SessionRow a = SessionRow.of(session("1", "Alice", "Alice", "M", "App", NOW, 0, false), false);
        SessionRow b2 = SessionRow.of(session("0", "bob", "bob", "M", "App", NOW, 0, false), false);
        List<SessionRow> rows = new ArrayList<>(List.of(b, a, b2));
        rows.sort(SessionColumn.USERNAME.order());
        assertThat(rows).extracting(SessionRow::id).containsExactly("1", "0", "2");
    }

    @Test
    void rowsShowDeviceAsModelAndOsAndCarryTheirMarkers() {
        SessionRow row = SessionRow.of(session("1", "bob", "Bob", "Galaxy A54", "Caregiver", NOW.minusSeconds(300), 3, true), true);
        assertThat(row.device()).isEqualTo("Galaxy A54 · Android 14");
        assertThat(SessionTexts.cellText(SessionColumn.DEVICE, row, NOW)).isEqualTo("Galaxy A54 · Android 14");
        assertThat(SessionTexts.cellText(SessionColumn.APPLICATION, row, NOW)).isEqualTo("Caregiver 3.2.0");
        assertThat(SessionTexts.cellText(SessionColumn.LAST_SEEN, row, NOW)).startsWith("5 min ago (");
        assertThat(SessionTexts.badge(SessionColumn.DEVICE, row).text()).isEqualTo("3 unsynced");
        assertThat(SessionTexts.badge(SessionColumn.APPLICATION, row).text()).isEqualTo("old app version");
        assertThat(SessionTexts.badge(SessionColumn.USERNAME, row).text()).isEqualTo("blocked");
        assertThat(SessionTexts.badge(SessionColumn.NAME, row)).isNull();
    }

    @Test
    void missingTextsShowAsEmptyNotNull() {
        SessionRow row = SessionRow.of(new com.sessiondesk.api.Session("1", "bob", null, null, null, null,
                null, null, null, null, null, 0, false), false);
        assertThat(row.device()).isEmpty();
        assertThat(row.name()).isEmpty();
        assertThat(SessionTexts.cellText(SessionColumn.LAST_SEEN, row, NOW)).isEmpty();
        assertThat(row.matches("bob")).isTrue();
    }

    @Test
    void onlyTheTimesDependOnThePresent() {
        assertThat(Arrays.stream(SessionColumn.values()).filter(SessionColumn::dependsOnNow))
                .containsExactly(SessionColumn.LOGIN_TIME, SessionColumn.LAST_SEEN);
    }

    @Test
    void theHeaderClicksMakeOneOrderOfTheirColumnsEitherWayRound() {
        SessionRow amyOld = SessionRow.of(session("1", "amy", "Amy", "M", "App", NOW.minusSeconds(600), 0, false), false);
        SessionRow amyNew = SessionRow.of(session("2", "amy", "Amy", "M", "App", NOW, 0, false), false);
        SessionRow bob = SessionRow.of(session("3", "bob", "Bob", "M", "App", NOW.minusSeconds(300), 0, false), false);
        var username = new javafx.scene.control.TableColumn<SessionRow, SessionRow>("Username");
        username.setUserData(SessionColumn.USERNAME);
        var lastSeen = new javafx.scene.control.TableColumn<SessionRow, SessionRow>("Last Seen");
        lastSeen.setUserData(SessionColumn.LAST_SEEN);
        lastSeen.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        var actions = new javafx.scene.control.TableColumn<SessionRow, SessionRow>("");
        List<SessionRow> rows = new ArrayList<>(List.of(amyOld, bob, amyNew));
        rows.sort(SessionColumn.orderOf(List.of(lastSeen, actions, username)));
        assertThat(rows).extracting(SessionRow::id).as("newest first").containsExactly("2", "3", "1");
        lastSeen.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
        rows.sort(SessionColumn.orderOf(List.of(lastSeen, username)));
        assertThat(rows).extracting(SessionRow::id).as("oldest first").containsExactly("1", "3", "2");
        assertThat(SessionColumn.orderOf(List.of(actions))).as("no column of the table's own: no order").isNull();
    }
}
