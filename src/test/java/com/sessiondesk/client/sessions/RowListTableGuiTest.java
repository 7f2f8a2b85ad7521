package com.sessiondesk.client.sessions;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A TableView over {@link RowList}: a row replaced in place shows its new values, also when the
 * same answer adds and removes rows, and the cells are refilled, not made anew.
 */
class RowListTableGuiTest {

    private static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");
    private static final Comparator<SessionRow> ORDER = SessionColumn.LAST_SEEN.order().reversed();

    private static SessionRow row(String id, long secondsAgo, int unsynced) {
        return SessionRow.of(session(id, "user-" + id, "Name", "Pixel", "EVV", NOW.minusSeconds(secondsAgo), unsynced, false), false);
    }

    private static SessionRow withUnsynced(SessionRow old, int unsynced) {
        return new SessionRow(session(old.id(), old.username(), "Name", "Pixel", "EVV", old.session().lastSeen(), unsynced, false),
                old.device(), old.searchKey(), false, 0);
    }

    @Test
    void rowsReplacedInPlaceShowTheirNewValuesWhetherOrNotTheAnswerAlsoAddsAndRemovesRows() throws Exception {
        FxToolkit.registerPrimaryStage();
        RowList list = new RowList();
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            rows.add(row("s" + i, 60L * i, 0));
        }
        rows.sort(ORDER);
        TableView<SessionRow> table = fx(() -> {
            list.reset(rows);
            TableView<SessionRow> view = new TableView<>(list);
            TableColumn<SessionRow, String> column = new TableColumn<>("unsynced");
            column.setCellValueFactory(f -> new SimpleObjectProperty<>(f.getValue().id() + ":" + f.getValue().session().pendingSyncItems()));
            view.getColumns().add(column);
            view.setFixedCellSize(24);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 300, 400));
            stage.show();
            view.layout();
            return view;
        });
        assertThat(shown(table)).startsWith("s0:0", "s1:0", "s2:0");
        List<TableCell<?, ?>> cellsBefore = cells(table);

        // Only in place: the same count of rows.
        fx(() -> {
            RowList.Edits edits = list.edits(ORDER);
            edits.replace(0, withUnsynced(list.get(0), 5));
            edits.replace(2, withUnsynced(list.get(2), 7));
            list.apply(edits);
            table.layout();
            return null;
        });
        assertThat(shown(table)).startsWith("s0:5", "s1:0", "s2:7");
        assertThat(cells(table)).as("refilled, not made anew").containsExactlyElementsOf(cellsBefore);

        // In place, and rows removed and added below it in the same answer.
        fx(() -> {
            RowList.Edits edits = list.edits(ORDER);
            edits.replace(1, withUnsynced(list.get(1), 3));
            edits.remove(5);
            edits.insert(row("new", 60L * 20 + 30, 0));
            edits.insert(row("newer", 60L * 25 + 30, 0));
            list.apply(edits);
            table.layout();
            return null;
        });
        assertThat(shown(table)).startsWith("s0:5", "s1:3", "s2:7", "s3:0", "s4:0", "s6:0");
        assertThat(shown(table)).doesNotContain("s5:0");
        assertThat(fx(() -> table.getItems().stream().map(SessionRow::id).toList())).contains("new", "newer").hasSize(31);
        fx(() -> {
            table.getScene().getWindow().hide();
            return null;
        });
    }

    /** The filled cells in row order (FX thread). */
    private static List<TableCell<?, ?>> cellsNow(TableView<SessionRow> table) {
        return table.lookupAll(".table-cell").stream()
                .<TableCell<?, ?>>map(node -> (TableCell<?, ?>) node)
                .filter(cell -> !cell.isEmpty() && cell.getIndex() >= 0)
                .sorted(Comparator.comparingInt(TableCell::getIndex))
                .toList();
    }

    private static List<TableCell<?, ?>> cells(TableView<SessionRow> table) throws Exception {
        return fx(() -> cellsNow(table));
    }

    private static List<String> shown(TableView<SessionRow> table) throws Exception {
        return fx(() -> cellsNow(table).stream().map(cell -> String.valueOf(cell.getItem())).toList());
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
