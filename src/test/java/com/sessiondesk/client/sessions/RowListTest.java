package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** A batch of edits applied to the sorted rows: the right rows in order, told as one change a listener can replay. */
class RowListTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");
    static final Comparator<SessionRow> ORDER = SessionColumn.LAST_SEEN.order().reversed();

    private static SessionRow row(String id, String username, long secondsAgo, int unsynced) {
        Session session = session(id, username, "Name", "Pixel", "EVV", NOW.minusSeconds(secondsAgo), unsynced, false);
        return SessionRow.of(session, false);
    }

    @Test
    void randomBatchesEndSortedAsTheyShouldAndEachChangeReplaysOntoTheOldRows() {
        Random random = new Random(11);
        RowList list = new RowList();
        List<SessionRow> model = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            model.add(row("s" + i, "user" + random.nextInt(200), random.nextInt(20_000), 0));
        }
        model.sort(ORDER);
        list.reset(model);
        List<SessionRow> replayed = new ArrayList<>(model);
        int[] changes = new int[1];
        list.addListener((ListChangeListener<SessionRow>) change -> {
            changes[0]++;
            while (change.next()) { // the sub-changes in order, each against the list as the last one left it
                if (change.wasPermutated()) {
                    throw new AssertionError("no permutations expected");
                }
                if (change.wasUpdated()) { // a row replaced in place (same sort key): read it again
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        replayed.set(i, change.getList().get(i));
                    }
                    continue;
                }
                replayed.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                replayed.addAll(change.getFrom(), change.getAddedSubList());
            }
        });
        int next = 400;
        for (int batch = 0; batch < 40; batch++) {
            RowList.Edits edits = list.edits(ORDER);
            Set<Integer> touched = new HashSet<>();
            int size = batch % 5 == 0 ? 150 : 1 + random.nextInt(12);
            for (int c = 0; c < size; c++) {
                int at = random.nextInt(list.size());
                if (!touched.add(at)) {
                    continue;
                }
                SessionRow old = list.get(at);
                switch (random.nextInt(4)) {
                    case 0 -> { // seen again: moves up
                        SessionRow moved = row(old.id(), old.username(), random.nextInt(100), c);
                        edits.remove(at);
                        edits.insert(moved);
                        model.remove(old);
                        model.add(moved);
                    }
                    case 1 -> { // the same sort key, another unsynced count: in place
                        SessionRow same = new SessionRow(session(old.id(), old.username(), "Name", "Pixel", "EVV",
                                old.session().lastSeen(), old.session().pendingSyncItems() + 1, false),
                                old.device(), old.searchKey(), false, 0);
                        edits.replace(at, same);
                        model.set(model.indexOf(old), same);
                    }
                    case 2 -> { // ended
                        edits.remove(at);
                        model.remove(old);
                    }
                    default -> { // a new session
                        SessionRow fresh = row("s" + next++, "user" + random.nextInt(200), random.nextInt(20_000), 0);
                        edits.insert(fresh);
                        model.add(fresh);
                    }
                }
            }
            int before = changes[0];
            list.apply(edits);
            model.sort(ORDER);
            assertThat(list).as("batch %d", batch).containsExactlyElementsOf(model);
            assertThat(replayed).as("the change of batch %d replayed", batch).containsExactlyElementsOf(model);
            assertThat(changes[0] - before).as("one change per batch").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aResetIsOneChangeThatRemovesTheOldRowsAndAddsTheNewOnesAndReadsTheSameTwice() {
        RowList list = new RowList();
        List<SessionRow> first = List.of(row("a", "amy", 30, 0), row("b", "bob", 20, 0), row("c", "cy", 10, 0));
        List<SessionRow> second = List.of(row("d", "dan", 40, 0), row("a", "amy", 30, 0));
        list.reset(first);
        List<SessionRow> replayed = new ArrayList<>(first);
        List<String> seen = new ArrayList<>();
        list.addListener((ListChangeListener<SessionRow>) change -> {
            for (int pass = 0; pass < 2; pass++) { // a listener may read a change again after reset()
                change.reset();
                while (change.next()) {
                    seen.add(change.getFrom() + "-" + change.getTo() + " removed " + change.getRemovedSize()
                            + (change.wasReplaced() ? " replaced" : "") + (change.wasPermutated() ? " permutated" : ""));
                    if (pass == 0) {
                        assertThat(new ArrayList<SessionRow>(change.getRemoved())).containsExactlyElementsOf(replayed);
                        replayed.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
                        replayed.addAll(change.getFrom(), change.getAddedSubList());
                    }
                }
            }
        });

        list.reset(second);
        assertThat(replayed).containsExactlyElementsOf(second);
        list.reset(List.of());
        assertThat(replayed).isEmpty();
        list.reset(List.of()); // nothing to tell
        list.reset(first);
        assertThat(replayed).containsExactlyElementsOf(first);
        assertThat(seen).containsExactly("0-2 removed 3 replaced", "0-2 removed 3 replaced",
                "0-0 removed 2", "0-0 removed 2", "0-3 removed 0", "0-3 removed 0");
        assertThat(list).containsExactlyElementsOf(first);
    }

    @Test
    void withoutAnOrderNewRowsGoToTheEnd() {
        RowList list = new RowList();
        List<SessionRow> rows = new ArrayList<>(List.of(row("a", "zed", 10, 0), row("b", "amy", 20, 0)));
        list.reset(rows);
        RowList.Edits edits = list.edits(null);
        edits.insert(row("c", "bob", 5, 0));
        edits.remove(0);
        list.apply(edits);
        assertThat(list).extracting(SessionRow::id).containsExactly("b", "c");
    }
}
