package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Cells;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A badge whose explanation holds a number ("12 items the device has not synced") shares its
 * column's one tooltip, whatever the number: a tooltip is a window, and one made for every new
 * number (kept for ever in a cache) cost the live table a long frame each time a row's count moved.
 * The tooltip still says what the badge under the pointer means.
 */
class CellsBadgeTooltipGuiTest {

    @Test
    void badgesWithChangingExplanationsShareOneTooltipThatExplainsTheBadgeUnderThePointer() throws Exception {
        FxToolkit.registerPrimaryStage();
        ObservableList<Integer> counts = FXCollections.observableArrayList(1, 2, 3);
        TableView<Integer> table = fx(() -> {
            TableView<Integer> view = new TableView<>(counts);
            TableColumn<Integer, Integer> column = new TableColumn<>("device");
            column.setPrefWidth(300);
            column.setCellValueFactory(features -> new SimpleObjectProperty<>(features.getValue()));
            column.setCellFactory(Cells.text(n -> "phone", null,
                    n -> new Cells.Badge(n + " unsynced", "badge-warning", n + " items the device has not synced"), null));
            view.getColumns().add(column);
            Stage stage = new Stage();
            stage.setScene(new Scene(view, 400, 300));
            stage.show();
            return view;
        });
        Set<Tooltip> tooltips = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int round = 1; round <= 20; round++) {
            int base = round * 10;
            fx(() -> {
                counts.setAll(base + 1, base + 2, base + 3);
                table.layout();
                badges(table).forEach(badge -> tooltips.add(badge.getTooltip()));
                return null;
            });
        }
        assertThat(tooltips).as("one tooltip for the column's badges, however many numbers they showed").hasSize(1);
        assertThat(tooltips.iterator().next()).isNotNull();

        Label first = fx(() -> badges(table).stream().filter(b -> b.getText().startsWith("201 ")).findFirst().orElseThrow());
        new FxRobot().moveTo(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> first.getTooltip().getText())).as("the badge under the pointer explains itself")
                .isEqualTo("201 items the device has not synced");
        fx(() -> {
            counts.set(0, 500); // its count moves while the pointer rests on it
            table.layout();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> first.getTooltip().getText())
                .equals("500 items the device has not synced"));
        fx(() -> {
            table.getScene().getWindow().hide();
            return null;
        });
    }

    private static List<Label> badges(TableView<Integer> table) {
        return table.lookupAll(".row-badge").stream().filter(Node::isVisible).filter(n -> n.getParent() != null)
                .map(n -> (Label) n).toList();
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get();
    }
}
