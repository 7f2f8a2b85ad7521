package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a follower of the change feed is told after its cursor: sessions upserted or ended, blocks in force. */
class SessionFeedReaderTest {

    @TempDir
    Path dir;
    private StoreFixture f;
    private long maria;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        maria = f.user("maria.lopez");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private SessionChanges since(String cursor) {
        return f.store.sessionChanges(cursor).orElseThrow();
    }

    @Test
    void theCursorOfAFreshDatabaseIsCurrentAndAnUnknownOneIsRefused() {
        String cursor = f.store.sessionFeedCursor();

        SessionChanges none = since(cursor);

        assertThat(none.upserted()).isEmpty();
        assertThat(none.ended()).isEmpty();
        assertThat(none.blockChanges()).isEmpty();
        assertThat(none.cursor()).isEqualTo(cursor);
        assertThat(f.store.sessionChanges("not-a-cursor")).isEmpty();
    }

    @Test
    void aLoginAfterTheCursorIsUpsertedNotEnding() {
        String cursor = f.store.sessionFeedCursor();

        String id = f.login(maria, "t1", 100);

        SessionChanges changes = since(cursor);
        assertThat(changes.upserted()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.username()).isEqualTo("maria.lopez");
            assertThat(s.syncDeadline()).isNull();
        });
        assertThat(changes.ended()).isEmpty();
        assertThat(changes.cursor()).isEqualTo(f.store.sessionFeedCursor()).isNotEqualTo(cursor);
    }

    @Test
    void aSessionThatStartedAndEndedAfterTheCursorIsNeverShown() {
        String cursor = f.store.sessionFeedCursor();
        String id = f.login(maria, "t1", 100);

        f.admin(q -> q.end(List.of(id), "admin", "Lost phone", 200));

        SessionChanges changes = since(cursor);
        assertThat(changes.upserted()).isEmpty();
        assertThat(changes.ended()).isEmpty();
    }

    @Test
    void aSessionEndedAfterTheCursorIsEndedWithWhoAndWhy() {
        String id = f.login(maria, "t1", 100);
        String kept = f.login(maria, "t2", 100);
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.end(List.of(id), "admin", "Lost phone", 200));

        SessionChanges changes = since(cursor);
        assertThat(changes.ended()).containsExactly(new EndedSession(id, "maria.lopez", "admin", "Lost phone"));
        assertThat(changes.upserted()).extracting(Session::id).doesNotContain(kept);
    }

    @Test
    void anEndingSessionIsUpsertedWithItsSyncDeadline() {
        String id = f.login(maria, "t1", 100);
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.startEnding(List.of(id), "admin", "Sync first", 200, NOW + 5000));

        assertThat(since(cursor).upserted()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.syncDeadline()).isEqualTo(Instant.ofEpochMilli(NOW + 5000));
        });
    }

    @Test
    void aSessionMadeEndingThenEndedAfterTheCursorIsEnded() {
        String id = f.login(maria, "t1", 100);
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.startEnding(List.of(id), "admin", "Sync first", 200, NOW + 5000));
        assertThat(f.store.endSessionAfterSync(id, 300)).isTrue();

        SessionChanges changes = since(cursor);
        assertThat(changes.upserted()).isEmpty();
        assertThat(changes.ended()).containsExactly(new EndedSession(id, "maria.lopez", "admin", "Sync first"));
    }

    @Test
    void aBlockInForceIsToldWithItsEndActorAndReason() {
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.applyBlock(q.lockAccount("maria.lopez", NOW).orElseThrow(), "admin", "Lost phone",
                NOW + 60_000, NOW));

        assertThat(since(cursor).blockChanges()).containsExactly(
                new BlockChange("maria.lopez", true, Instant.ofEpochMilli(NOW + 60_000), "admin", "Lost phone"));
    }

    @Test
    void aBlockWithoutEndIsToldWithoutEnd() {
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.applyBlock(q.lockAccount("maria.lopez", NOW).orElseThrow(), "admin", "Left", null, NOW));

        assertThat(since(cursor).blockChanges()).containsExactly(
                new BlockChange("maria.lopez", true, null, "admin", "Left"));
    }

    @Test
    void aBlockThatHasLapsedByNowIsToldAsNoBlock() {
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> q.applyBlock(q.lockAccount("maria.lopez", NOW - 100).orElseThrow(), "admin", "Short",
                NOW, NOW - 100));

        assertThat(since(cursor).blockChanges()).containsExactly(
                new BlockChange("maria.lopez", false, null, "admin", null));
    }

    @Test
    void onlyTheLastBlockChangeOfAnAccountIsTold() {
        f.user("ana");
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> {
            AdminQueries.LockedAccount account = q.lockAccount("maria.lopez", NOW).orElseThrow();
            q.applyBlock(account, "admin", "Lost phone", null, NOW);
            q.applyBlock(q.lockAccount("ana", NOW).orElseThrow(), "admin", "Left", null, NOW);
            q.clearBlock(account);
            q.feedUnblocked(account, "boss", NOW);
            return null;
        });

        assertThat(since(cursor).blockChanges()).containsExactly(
                new BlockChange("ana", true, null, "admin", "Left"),
                new BlockChange("maria.lopez", false, null, "boss", null));
    }
}
