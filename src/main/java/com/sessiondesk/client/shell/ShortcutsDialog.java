package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The keyboard shortcuts (F1 or the keyboard button in the header): one list, from the bundle
 * ({@code keys.*}: "keys<TAB>what they do"), the same as docs/user-guide.md's. The shortcuts themselves are
 * installed by {@link Shell} (window-wide) and the views (on their tables).
 */
final class ShortcutsDialog {

    /** In the order shown. */
    static final List<String> KEYS = List.of("keys.views", "keys.search", "keys.refresh", "keys.logout",
            "keys.block", "keys.unblock", "keys.alerts", "keys.export", "keys.selectAll", "keys.textSize", "keys.menu", "keys.help");

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(Messages.get("keys.title"));
        dialog.setHeaderText(Messages.get("keys.header"));
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(8);
        int row = 0;
        for (String key : KEYS) {
            String[] parts = Messages.get(key).split("\t", 2);
            Label keys = new Label(parts[0]);
            keys.getStyleClass().add("shortcut-key");
            keys.setMinWidth(Region.USE_PREF_SIZE); // the keys are the fact: never cut
            Label what = new Label(parts.length > 1 ? parts[1] : "");
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE); // wraps onto more lines instead of ending in "…"
            grid.addRow(row++, keys, what);
        }
        ColumnConstraints keysColumn = new ColumnConstraints();
        keysColumn.setMinWidth(Region.USE_PREF_SIZE);
        double text = Theme.textSize().percent() / 100.0; // the descriptions keep their line length at larger text
        ColumnConstraints whatColumn = new ColumnConstraints(200 * text, 460 * text, 460 * text);
        whatColumn.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(keysColumn, whatColumn);
        dialog.getDialogPane().setId("shortcutsDialog");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        Theme.style(dialog.getDialogPane());
        dialog.show();
    }
}
