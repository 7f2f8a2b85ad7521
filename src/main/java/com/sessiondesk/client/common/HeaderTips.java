package com.sessiondesk.client.common;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * A table's column headers keep their full name one hover away: a narrow window or large text
 * cuts a header to "Us…", its tooltip still says "Username". The header nodes are made by the
 * table's skin and made again when columns show or hide, so the tooltips follow both.
 */
public final class HeaderTips {

    /** Where {@link Tooltip#install} keeps a node's tooltip. */
    private static final String TOOLTIP = "javafx.scene.control.Tooltip";

    private HeaderTips() {
    }

    /** Once per table (a second call does nothing). */
    public static void install(TableView<?> table) {
        if (table.getProperties().putIfAbsent(HeaderTips.class, Boolean.TRUE) != null) {
            return;
        }
        InvalidationListener later = o -> Platform.runLater(() -> apply(table));
        table.skinProperty().addListener(later);
        table.getVisibleLeafColumns().addListener(later);
        table.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (!needs) {
                apply(table); // after a layout pass: headers made in it have their tooltip before anyone can point at them
            }
        });
        apply(table);
    }

    private static void apply(TableView<?> table) {
        for (Node node : table.lookupAll(".column-header")) {
            if (node instanceof TableColumnHeader header && header.getTableColumn() != null) {
                String name = header.getTableColumn().getText();
                if (name == null || name.isBlank()) {
                    continue; // an icon-only column says what it is in its own tooltip
                }
                // on the whole header (its text and the room around it), once per header node
                if (!(header.getProperties().get(TOOLTIP) instanceof Tooltip tip) || !name.equals(tip.getText())) {
                    Tooltip.install(header, new Tooltip(name));
                }
            }
        }
    }
}
