package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The block markers: which accounts count as blocked, when a timed block ends, and how the rows follow a block. */
class BlockMarkersTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final BlockMarkers markers = new BlockMarkers(Clock.fixed(NOW, ZoneOffset.UTC));

    Map<String, Instant> blocks(Object... userAndEnd) {
        Map<String, Instant> map = new HashMap<>();
        for (int i = 0; i < userAndEnd.length; i += 2) {
            map.put((String) userAndEnd[i], (Instant) userAndEnd[i + 1]);
        }
        return map;
    }

    @Test
    void aBlockHoldsUntilUnblockedOrUntilItsEndAndNotAtItsEnd() {
        markers.reset(blocks("ann", null, "bob", NOW.plusSeconds(3600), "cid", NOW));
        assertThat(markers.isBlocked("ann")).isTrue();
        assertThat(markers.isBlocked("bob")).isTrue();
        assertThat(markers.isBlocked("cid")).as("at its end instant the block is over").isFalse();
        assertThat(markers.isBlocked("dee")).isFalse();
    }

    @Test
    void endedBlocksAreLiftedAndOnlyThose() {
        markers.reset(blocks("ann", null, "bob", NOW.plusSeconds(3600), "cid", NOW, "dee", NOW.minusSeconds(1)));
        assertThat(markers.liftEnded()).containsExactlyInAnyOrder("cid", "dee");
        assertThat(markers.liftEnded()).isEmpty();
        assertThat(markers.isBlocked("ann")).isTrue();
        assertThat(markers.isBlocked("bob")).isTrue();
    }

    @Test
    void theFeedsBlockChangesBlockAndUnblockAndNameTheirAccounts() {
        markers.reset(blocks("ann", null));
        var touched = markers.apply(List.of(new BlockChange("eve", true, NOW.plusSeconds(60), "admin", null),
                new BlockChange("ann", false, null, "admin", null)));
        assertThat(touched).containsExactlyInAnyOrder("eve", "ann");
        assertThat(markers.isBlocked("eve")).isTrue();
        assertThat(markers.isBlocked("ann")).isFalse();
    }

    // --- the table follows the blocks this client made ---

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();

    SessionsViewModel table() {
        service.sessions.addAll(List.of(
                session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(60), 0, false),
                session("s2", "bob.aide", "Bob Aide", "Tab S9", "Caregiver", NOW.minusSeconds(120), 0, false),
                session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV", NOW.minusSeconds(300), 0, false)));
        service.users.add(user("carol.nurse", "Carol Nurse", false, 1));
        var vm = new SessionsViewModel(t.context, Clock.fixed(NOW, ZoneOffset.UTC), t.dialogs);
        vm.connect(service);
        return vm;
    }

    static boolean blocked(SessionsViewModel vm, String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().userBlocked();
    }

    @Test
    void aBulkBlockMarksTheRowsOfItsAccountsThatStay() {
        var vm = table();
        t.dialogs.inBulkDialog = dialog -> dialog.blockProperty().set(true);
        service.bulkResult = new BulkLogoutResult(List.of("s1"), List.of("bob.aide"), List.of());
        vm.logOutSessions("Log out selected sessions", List.of(vm.rows().get(0)));
        assertThat(vm.rows()).extracting(SessionRow::id).containsExactly("s2", "s3");
        assertThat(blocked(vm, "s2")).as("bob's other row carries the marker at once").isTrue();
        assertThat(blocked(vm, "s3")).isFalse();
    }

    @Test
    void aBlockFromTheLogoutDialogMarksTheAccountsNextSession() {
        var vm = table();
        t.dialogs.inLogoutDialog = dialog -> { };
        service.logoutResult = new LogoutResult(List.of("s1", "s2"), true);
        vm.logOut(vm.rows().get(0), true);
        assertThat(vm.rows()).extracting(SessionRow::id).containsExactly("s3");
        assertThat(service.lastLogoutRequest.block()).as("Ctrl+B ticks Block").isTrue();
        service.push = true;
        service.changes.add(new SessionChanges(List.of(session("s9", "bob.aide", "Bob Aide", "Pixel 8", "EVV", NOW, 0, false)),
                List.of(), List.of(), "c1"));
        vm.poll();
        assertThat(blocked(vm, "s9")).as("a session of the blocked account that the feed brings is marked").isTrue();
        assertThat(vm.isFresh("s9")).isTrue();
        assertThat(vm.hasFresh()).isTrue();
    }

    @Test
    void signingOutEmptiesTheTableAndStopsFollowing() {
        var vm = table();
        assertThat(vm.followsChanges()).isTrue();
        assertThat(vm.feed().isCurrent()).isTrue();
        assertThat(vm.feed().followingProperty().get()).isTrue();
        vm.disconnect();
        assertThat(vm.feed().isCurrent()).isFalse();
        assertThat(vm.feed().followingProperty().get()).isFalse();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.shown()).isEmpty();
        assertThat(vm.followsChanges()).isFalse();
        assertThat(vm.feed().textProperty().get()).isEmpty();
        assertThat(vm.placeholderTextProperty().get()).isEqualTo("Not connected");
        assertThat(vm.countTextProperty().get()).isEqualTo("0 sessions · 0 users");
    }
}
