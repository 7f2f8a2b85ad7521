package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.service.SessionListService.Listed;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Active Sessions list: superseded flags over the whole group, then the search. */
class SessionListServiceTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private SessionListService service;
    private String oldPhone;
    private String newPhone;
    private String tablet;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("l.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        service = new SessionListService(store);
        store.createUser("maria.lopez", "María López", "x", false, 1);
        store.createUser("li.wei", "Li Wei", "x", false, 1);
        long maria = store.credentials("maria.lopez").orElseThrow().userId();
        long li = store.credentials("li.wei").orElseThrow().userId();
        oldPhone = store.startSession(maria, new Device("EVV", "1.0", "phone", "Pixel 7", "Android 14", "es"), "t1", 1000)
                .orElseThrow();
        newPhone = store.startSession(maria, new Device("EVV", "1.1", "phone", "Pixel 7", "Android 14", "es"), "t2", 2000)
                .orElseThrow();
        tablet = store.startSession(li, new Device("EVV", "1.0", "tab", "Galaxy Tab", "iPadOS 17", "zh"), "t3", 3000)
                .orElseThrow();
        store.recordHeartbeats(Map.of(oldPhone, new Heartbeat(9000, null), newPhone, new Heartbeat(8000, null),
                tablet, new Heartbeat(7000, null)));
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private List<String> ids(String username, String application, String q) {
        return service.list(username, application, q).sessions().stream().map(l -> l.row().id()).toList();
    }

    @Test
    void everySessionNewestLastSeenFirstWithItsSupersededFlagAndTheCursor() {
        SessionListService.Listing listing = service.list(null, null, null);
        assertThat(listing.sessions()).extracting(l -> l.row().id(), Listed::superseded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(oldPhone, true),
                        org.assertj.core.groups.Tuple.tuple(newPhone, false),
                        org.assertj.core.groups.Tuple.tuple(tablet, false));
        assertThat(listing.cursor()).isEqualTo(store.sessionFeedCursor());
    }

    @Test
    void qMatchesUsernameNameDeviceModelOrOsIgnoringCase() {
        assertThat(ids(null, null, "LI.W")).containsExactly(tablet);
        assertThat(ids(null, null, "maría")).containsExactly(oldPhone, newPhone);
        assertThat(ids(null, null, "galaxy")).containsExactly(tablet);
        assertThat(ids(null, null, "ipados")).containsExactly(tablet);
        assertThat(ids(null, null, "pixel")).containsExactly(oldPhone, newPhone);
        assertThat(ids(null, null, "EVV")).as("the application is not searched").isEmpty();
        assertThat(ids(null, null, "nobody")).isEmpty();
    }

    @Test
    void qIsAppliedAfterTheSupersededFlagsAndTheFiltersBeforeThem() {
        List<Listed> found = service.list("maria.lopez", "EVV", "pixel").sessions();
        assertThat(found).extracting(Listed::superseded).containsExactly(true, false);
        assertThat(ids("li.wei", null, null)).containsExactly(tablet);
        assertThat(ids(null, "Caregiver", null)).isEmpty();
    }
}
