package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static com.sessiondesk.client.FakeAdminService.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.logout.BlockEnd;
import com.sessiondesk.server.MutableClock;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.HttpException;
import retrofit2.Response;

/** The live table: changes from the feed applied in place, the live indicator, log outs without reloads. */
class LiveTableTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final MutableClock clock = new MutableClock(NOW);
    final List<String> hooks = new ArrayList<>();
    SessionsViewModel vm;

    @BeforeEach
    void setUp() {
        service.sessions.addAll(List.of(
                session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(60), 3, false),
                session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.minusSeconds(86_400), 0, true),
                session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV", NOW.minusSeconds(300), 0, false),
                session("s4", "dave.blocked", "Dave Stone", "Pixel 8", "EVV", NOW.minusSeconds(10), 0, false)));
        service.users.add(user("dave.blocked", "Dave Stone", true, 1));
        vm = new SessionsViewModel(t.context, clock, t.dialogs);
        vm.setRowsReplacedHooks(() -> hooks.add("before"), () -> hooks.add("after"));
        vm.connect(service);
        hooks.clear();
    }

    private static SessionChanges changes(List<Session> upserted, List<String> ended, List<BlockChange> blocks, String cursor) {
        List<EndedSession> gone = ended.stream().map(id -> new EndedSession(id, "x", "admin", null)).toList();
        return new SessionChanges(upserted, gone, blocks, cursor);
    }

    private SessionRow row(String id) {
        return vm.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }

    @Test
    void aNewSessionAppearsInItsSortedPlaceWithoutAReload() {
        assertThat(vm.feed().textProperty().get()).isEqualTo("Live");
        int loads = service.sessionLoads;
        Session fresh = session("s5", "erin.new", "Erin New", "Moto G", "Family", NOW, 0, false);
        service.changes.add(changes(List.of(fresh), List.of(), List.of(), "c1"));

        vm.poll();

        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5", "s4", "s1", "s3", "s2");
        assertThat(vm.countTextProperty().get()).isEqualTo("5 sessions · 4 users");
        assertThat(vm.filter().applications()).contains("Family");
        assertThat(service.sessionLoads).isEqualTo(loads);
        assertThat(hooks).containsExactly("before", "after");
        vm.poll();
        assertThat(service.changesAskedSince).containsExactly("c0", "c1");
    }

    @Test
    void anUpdateMovesItsRowAndAnEndedSessionLeavesKeepingTheSearch() {
        vm.filter().searchTextProperty().set("bob");
        Session seenAgain = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 7, true);
        service.changes.add(changes(List.of(seenAgain), List.of("s1", "unknown"), List.of(), "c1"));

        vm.poll();

        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s2");
        assertThat(row("s2").session().pendingSyncItems()).isEqualTo(7);
        assertThat(vm.rows()).extracting(SessionRow::id).containsExactly("s2", "s4", "s3");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 session · 1 user");
    }

    /** Typing onto the search looks only at the rows shown; it must show what a fresh search would. */
    @Test
    void aSearchTypedLetterByLetterShowsWhatTheWholeTextWouldAcrossLiveChangesAndFilters() {
        vm.filter().searchTextProperty().set("b");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s4", "s1", "s2"); // dave.blocked too
        // between two keystrokes a new "bo..." session starts and s1 is seen again (both now in the newest
        // minute, where the names order them)
        Session bonnie = session("s5", "bonnie.aide", "Bonnie Aide", "Moto G", "EVV", NOW, 0, false);
        Session s1Again = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW.plusSeconds(1), 4, false);
        service.changes.add(changes(List.of(bonnie, s1Again), List.of(), List.of(), "c1"));
        vm.poll();
        vm.filter().searchTextProperty().set("bo");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5", "s1", "s2");
        vm.filter().searchTextProperty().set("bon");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 session · 1 user");
        // a letter taken back widens the search again: every row is looked at
        vm.filter().searchTextProperty().set("bo");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5", "s1", "s2");
        // a filter ticked between keystrokes, then a longer text: both apply
        vm.filter().chosenApplications().add("EVV");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5");
        vm.filter().chosenApplications().clear();
        vm.filter().searchTextProperty().set("bob");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s1", "s2");
        // a text that holds the old one elsewhere than at its end narrows too
        vm.filter().searchTextProperty().set("bob.a");
        vm.filter().searchTextProperty().set("x bob.a");
        assertThat(vm.shown()).isEmpty();
        vm.filter().searchTextProperty().set("");
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5", "s1", "s4", "s3", "s2");
    }

    @Test
    void aSessionStartedAndEndedBetweenTwoPollsNeverShows() {
        Session brief = session("s9", "erin.new", "Erin New", "Moto G", "EVV", NOW, 0, false);
        service.changes.add(changes(List.of(brief), List.of("s9"), List.of(), "c1"));
        vm.poll();
        assertThat(row("s9")).isNull();
        assertThat(vm.rows()).hasSize(4);
    }

    @Test
    void blockChangesMoveTheMarkersAndATimeLimitedBlockLapsesByItself() {
        service.changes.add(changes(List.of(), List.of(), List.of(
                new BlockChange("carol.nurse", true, NOW.plus(Duration.ofHours(1)), "admin", null),
                new BlockChange("dave.blocked", false, null, "admin", null)), "c1"));
        assertThat(row("s4").userBlocked()).isTrue();

        vm.poll();

        assertThat(row("s3").userBlocked()).isTrue();
        assertThat(row("s4").userBlocked()).isFalse();
        clock.advance(Duration.ofMinutes(61));
        vm.poll();
        assertThat(row("s3").userBlocked()).as("the block's end has passed").isFalse();
    }

    @Test
    void anExpiredCursorReloadsTheListOnce() {
        int loads = service.sessionLoads;
        service.failNext = gone();
        service.sessions.add(session("s7", "fay", "Fay", "Pixel", "EVV", NOW, 0, false));
        service.cursor = "c50";

        vm.poll();

        assertThat(service.sessionLoads).isEqualTo(loads + 1);
        assertThat(row("s7")).isNotNull();
        vm.poll();
        assertThat(service.changesAskedSince).containsExactly("c0", "c50");
    }

    private static HttpException gone() {
        String body = Json.GSON.toJson(new ErrorBody("cursor_expired", "too old", null));
        return new HttpException(Response.error(410, ResponseBody.create(MediaType.get("application/json"), body)));
    }

    @Test
    void anUnreachableServerLeavesTheTableBehindSinceThenItCatchesUpFromTheSameCursor() {
        service.failNext = new ConnectException("refused");
        vm.poll();
        assertThat(vm.feed().textProperty().get()).startsWith("Behind since").contains("server unreachable");
        assertThat(vm.feed().behindSinceProperty().get()).isEqualTo(NOW);
        clock.advance(Duration.ofSeconds(2));
        service.failNext = new ConnectException("refused");
        vm.poll();
        assertThat(vm.feed().behindSinceProperty().get()).as("since the first failure").isEqualTo(NOW);
        assertThat(vm.rows()).hasSize(4);

        service.changes.add(changes(List.of(session("s8", "gus", "Gus", "Pixel", "EVV", NOW, 0, false)), List.of(), List.of(), "c1"));
        vm.poll();
        assertThat(vm.feed().textProperty().get()).isEqualTo("Live");
        assertThat(row("s8")).isNotNull();
        assertThat(service.changesAskedSince).containsExactly("c0", "c0", "c0");
    }

    @Test
    void bulkLogOutSendsOneRequestAndTheEndedRowsLeaveAtOnce() {
        int loads = service.sessionLoads;
        t.dialogs.inBulkDialog = dialog -> {
            dialog.blockProperty().set(true);
            dialog.blockOptions().endProperty().set(BlockEnd.ONE_HOUR);
            dialog.reasonProperty().set("Shift over");
        };
        service.bulkResult = new BulkLogoutResult(List.of("s1", "s2", "s3"), List.of("bob.aide", "carol.nurse"), List.of());

        vm.logOutSessions("Log out selected sessions", List.of(row("s1"), row("s3")));

        assertThat(service.lastBulkRequest.sessionIds()).containsExactly("s1", "s3");
        assertThat(service.lastBulkRequest.block()).isTrue();
        assertThat(service.lastBulkRequest.until()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(service.lastBulkRequest.reason()).isEqualTo("Shift over");
        assertThat(t.dialogs.lastBulkDialog.scope())
                .as("Block ends every session of their users: s2 too")
                .isEqualTo(new com.sessiondesk.client.logout.BulkLogoutViewModel.Scope(3, 2, 2, 1, 3));
        assertThat(vm.rows()).extracting(SessionRow::id).containsExactly("s4");
        assertThat(service.sessionLoads).isEqualTo(loads);
        assertThat(t.notifications).singleElement().asString()
                .startsWith("Signed out 3 sessions of 2 users; blocked 2 accounts until ");
    }

    @Test
    void oldAppVersionSessionsAreTheSupersededOnes() {
        vm.filter().searchTextProperty().set("carol");
        assertThat(vm.oldVersionRows()).extracting(SessionRow::id).containsExactly("s2");
        vm.clearFilters();
        assertThat(vm.shown()).hasSize(4);
    }

    @Test
    void aChangeAnswerThatArrivesAfterAReloadStartedIsDropped() {
        // The inline runner answers at once: F5 is pressed inside the changes call, while its
        // answer is on its way.
        service.duringChanges = vm::refresh;
        service.changes.add(changes(List.of(session("ghost", "gus", "Gus", "Pixel", "EVV", NOW, 0, false)),
                List.of(), List.of(), "c9"));
        vm.poll();
        assertThat(row("ghost")).isNull();
    }

    @Test
    void smallAndLargeBatchesEndEqualToAFreshLoadOfTheSameSessions() {
        java.util.Random random = new java.util.Random(7);
        for (int changesPerPoll : new int[] {5, 70}) {
            FakeAdminService server = new FakeAdminService();
            java.util.Map<String, Session> live = new java.util.LinkedHashMap<>();
            for (int i = 0; i < 300; i++) {
                Session s = session("s" + i, "user" + random.nextInt(120), "User", "Pixel " + random.nextInt(5),
                        random.nextBoolean() ? "EVV" : "Caregiver", NOW.minusSeconds(random.nextInt(100_000)), 0, false);
                live.put(s.id(), s);
            }
            server.sessions.addAll(live.values());
            SessionsViewModel following = new SessionsViewModel(t.context, clock, t.dialogs);
            following.connect(server);
            int next = 300;
            for (int poll = 0; poll < 10; poll++) {
                List<Session> upserted = new ArrayList<>();
                List<String> ended = new ArrayList<>();
                for (int c = 0; c < changesPerPoll; c++) {
                    List<String> ids = new ArrayList<>(live.keySet());
                    int kind = random.nextInt(3);
                    if (kind == 0) {
                        Session s = session("s" + next++, "user" + random.nextInt(150), "User", "Moto", "Family",
                                NOW.minusSeconds(random.nextInt(100_000)), 0, false);
                        live.put(s.id(), s);
                        upserted.add(s);
                    } else if (kind == 1) {
                        Session old = live.get(ids.get(random.nextInt(ids.size())));
                        Session seen = session(old.id(), old.username(), old.name(), old.deviceModel(), old.application(),
                                NOW.minusSeconds(random.nextInt(100)), random.nextInt(9), false);
                        live.put(seen.id(), seen);
                        upserted.add(seen);
                    } else {
                        String id = ids.get(random.nextInt(ids.size()));
                        live.remove(id);
                        ended.add(id);
                    }
                }
                server.changes.add(changes(upserted, ended, List.of(), "c" + (poll + 1)));
                following.poll();
            }
            FakeAdminService fresh = new FakeAdminService();
            fresh.sessions.addAll(live.values());
            SessionsViewModel reloaded = new SessionsViewModel(t.context, clock, t.dialogs);
            reloaded.connect(fresh);
            assertThat(following.rows()).as("%d changes per poll", changesPerPoll)
                    .extracting(SessionRow::session).containsExactlyElementsOf(
                            reloaded.rows().stream().map(SessionRow::session).toList());
            assertThat(following.countTextProperty().get()).isEqualTo(reloaded.countTextProperty().get());
        }
    }

    @Test
    void withThePushFormEachPushedAnswerIsAppliedInOrderAndTheNextTickReconnectsFromTheLastCursor() {
        service.push = true;
        Session first = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 1, true);
        Session later = session("s2", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 2, true);
        service.changes.add(changes(List.of(first), List.of(), List.of(), "c1"));
        service.changes.add(changes(List.of(later), List.of("s3"), List.of(), "c2"));

        vm.poll();

        assertThat(row("s2").session().pendingSyncItems()).as("the later answer wins").isEqualTo(2);
        assertThat(row("s3")).isNull();
        assertThat(service.calls).contains("stream c0").noneMatch(c -> c.startsWith("changes "));
        vm.poll();
        assertThat(service.calls).contains("stream c2");
        assertThat(vm.feed().textProperty().get()).isEqualTo("Live");
    }

    @Test
    void aServerWithoutThePushFormIsPolled() {
        vm.poll();
        vm.poll();
        assertThat(service.calls.stream().filter(c -> c.startsWith("stream"))).hasSize(1);
        assertThat(service.changesAskedSince).containsExactly("c0", "c0");
    }

    @Test
    void theFootersUpdatedTimeIsTheFeedsLastAnswerNotTheLastFullLoad() {
        assertThat(vm.state().updatedAtProperty().get()).isEqualTo(NOW);
        clock.advance(java.time.Duration.ofMinutes(7));
        service.changes.add(changes(List.of(session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV",
                clock.instant(), 0, false)), List.of(), List.of(), "c1"));

        vm.poll();

        assertThat(vm.state().updatedAtProperty().get()).as("the table is current as of this answer")
                .isEqualTo(NOW.plus(java.time.Duration.ofMinutes(7)));
        clock.advance(java.time.Duration.ofMinutes(1));
        vm.poll(); // an answer with no change still says the table is current
        assertThat(vm.state().updatedAtProperty().get()).isEqualTo(NOW.plus(java.time.Duration.ofMinutes(8)));
    }

    @Test
    void whileTheOrderHoldsChangesThatMoveRowsWaitAndApplyInOrderWhenReleased() {
        vm.holdOrder(true);
        Session fresh = session("s5", "erin.new", "Erin New", "Moto G", "Family", NOW, 0, false);
        Session inPlace = session("s3", "carol.nurse", "Carol Nurse", "iPhone 15", "EVV", NOW.minusSeconds(300), 4, false);
        service.changes.add(changes(List.of(inPlace), List.of(), List.of(), "c1"));
        service.changes.add(changes(List.of(fresh), List.of("s1"), List.of(), "c2"));

        vm.poll();
        assertThat(row("s3").session().pendingSyncItems()).as("a row replaced where it is changes at once").isEqualTo(4);
        vm.poll();

        assertThat(vm.shown()).extracting(SessionRow::id).as("nothing moved").containsExactly("s4", "s1", "s3", "s2");
        assertThat(vm.waitingTextProperty().get()).isEqualTo("2 changes wait");
        vm.holdOrder(false);
        assertThat(vm.shown()).extracting(SessionRow::id).containsExactly("s5", "s4", "s3", "s2");
        assertThat(vm.waitingTextProperty().get()).isEmpty();
    }
}
