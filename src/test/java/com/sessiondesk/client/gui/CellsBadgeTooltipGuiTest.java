package com.sessiondesk.client.gui;

import static com.sessiondesk.client.gui.GuiTestBase.fx;
import static com.sessiondesk.client.gui.GuiTestBase.tooltipOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Cells;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
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
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A badge whose explanation holds a number ("12 items the device has not synced") shares its
 * column's one tooltip, whatever the number: a tooltip is a window, and one made for every new
 * number (kept for ever in a cache) cost the live table a long frame each time a row's count moved.
 * The tooltip still says what the badge under the pointer means, and on the badge the cell's own
 * tooltip (the full text of a cut cell) makes way for it.
 */
class CellsBadgeTooltipGuiTest {

    @Test
    void badgesWithChangingExplanationsShareOneTooltipThatExplainsTheBadgeUnderThePointer() throws Exception {
        FxToolkit.registerPrimaryStage();
        ObservableList<Integer> counts = FXCollections.observableArrayList(1, 2, 3);
        Tooltip[] fullText = new Tooltip[1];
        TableView<Integer> table = fx(() -> {
            fullText[0] = new Tooltip(); // the table's one tooltip for cut texts
            TableView<Integer> view = new TableView<>(counts);
            TableColumn<Integer, Integer> column = new TableColumn<>("device");
            column.setPrefWidth(220); // the device text is cut beside its badge
            column.setCellValueFactory(features -> new SimpleObjectProperty<>(features.getValue()));
            column.setCellFactory(Cells.text(n -> "Motorola Moto G Stylus · Android 13", null,
                    n -> new Cells.Badge(n + " unsynced", "badge-warning", n + " items the device has not synced"), fullText[0]));
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
        Node cell = fx(first::getParent);
        FxRobot robot = new FxRobot();
        robot.moveTo(cell, Pos.CENTER_LEFT, new Point2D(12, 0), Motion.DIRECT); // on the cut text
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tooltipOf(cell))).as("the cut text offers its full value").isSameAs(fullText[0]);
        assertThat(fx(fullText[0]::getText)).isEqualTo("Motorola Moto G Stylus · Android 13");

        robot.moveTo(first, Motion.DIRECT); // on the badge
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> first.getTooltip().getText())).as("the badge under the pointer explains itself")
                .isEqualTo("201 items the device has not synced");
        assertThat(fx(() -> tooltipOf(cell))).as("and the cell's full text does not cover it").isNull();
        robot.moveTo(cell, Pos.CENTER_LEFT, new Point2D(12, 0), Motion.DIRECT); // back on the text
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> tooltipOf(cell))).as("the full text again").isSameAs(fullText[0]);

        robot.moveTo(first, Motion.DIRECT);
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            counts.set(0, 500); // its count moves while the pointer rests on the badge
            table.layout();
            return null;
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> badges(table).stream()
                .anyMatch(b -> b.isHover() && "500 items the device has not synced".equals(b.getTooltip().getText()))));
        fx(() -> {
            table.getScene().getWindow().hide();
            return null;
        });
    }

    private static List<Label> badges(TableView<Integer> table) {
        return table.lookupAll(".row-badge").stream().filter(Node::isVisible).filter(n -> n.getParent() != null)
                .map(n -> (Label) n).toList();
    }
}
