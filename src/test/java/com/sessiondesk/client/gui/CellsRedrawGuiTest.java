package com.sessiondesk.client.gui;

import static com.sessiondesk.client.gui.GuiTestBase.fx;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Cells;
import java.util.List;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * A text cell made with a {@code redrawOn} source computes its text again when the source changes
 * (a new minute moves every "… ago"), in place: the same cells, no {@code TableView.refresh()}.
 */
class CellsRedrawGuiTest {

    @Test
    void cellsRedrawTheirTextWhenTheSourceChangesAndOnlyThen() throws Exception {
        FxToolkit.registerPrimaryStage();
        SimpleIntegerProperty minute = new SimpleIntegerProperty(1);
        TableView<String> table = fx(() -> {
            TableView<String> view = new TableView<>(FXCollections.observableArrayList("ann", "bob", "cy"));
            view.getColumns().add(column("moving", item -> item + " " + minute.get() + " min ago", minute));
            view.getColumns().add(column("still", item -> item + " " + minute.get() + " min ago", null));
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 400, 300));
            stage.show();
            view.layout();
            return view;
        });
        List<Node> cellsBefore = fx(() -> List.copyOf(table.lookupAll(".table-cell")));
        assertThat(texts(table, "moving")).containsExactly("ann 1 min ago", "bob 1 min ago", "cy 1 min ago");

        fx(() -> {
            minute.set(2);
            return null;
        });

        assertThat(texts(table, "moving")).as("redrawn").containsExactly("ann 2 min ago", "bob 2 min ago", "cy 2 min ago");
        assertThat(texts(table, "still")).as("a cell without the source keeps its text")
                .containsExactly("ann 1 min ago", "bob 1 min ago", "cy 1 min ago");
        assertThat(fx(() -> List.copyOf(table.lookupAll(".table-cell")))).as("the same cells, not rebuilt")
                .containsExactlyElementsOf(cellsBefore);
        fx(() -> {
            table.getScene().getWindow().hide();
            return null;
        });
    }

    private static TableColumn<String, String> column(String id, java.util.function.Function<String, String> text,
            SimpleIntegerProperty redrawOn) {
        TableColumn<String, String> column = new TableColumn<>(id);
        column.setId(id);
        column.setCellValueFactory(features -> new SimpleObjectProperty<>(features.getValue()));
        column.setCellFactory(Cells.text(text, null, null, null, redrawOn));
        return column;
    }

    private static List<String> texts(TableView<String> table, String columnId) throws Exception {
        return fx(() -> table.lookupAll(".table-cell").stream()
                .map(node -> (TableCell<?, ?>) node)
                .filter(cell -> cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId()))
                .filter(cell -> !cell.isEmpty())
                .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                .map(TableCell::getText)
                .toList());
    }
}
