package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * History at the default 1280x800 window: the Action column is wide enough for the common action
 * texts, in English and in Spanish (a longer one, such as a block with its end, shows its full
 * text in the table's tooltip).
 */
class HistoryColumnsGuiTest extends SharedServerGuiTest {

    /** The actions an office user sees most: log outs, account blocks and device blocks. */
    private static final List<String> COMMON = List.of("logout_session", "logout_all", "logout_sessions", "block",
            "unblock", "device_blocked", "device_unblocked");

    @Test
    void atTheDefaultSizeTheActionColumnFitsTheCommonActionsInBothLanguages() throws Exception {
        openSignedIn();
        Stage stage = (Stage) mainWindow().orElseThrow();
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            return null;
        });
        waitUntil("the window is 1280 wide", () -> fx(() -> Math.abs(stage.getScene().getWidth() - 1280) < 40));
        click("#historyTab");
        TableView<Object> audit = table("#auditTable");
        waitUntil("the history is listed", () -> rowCount(audit) > 0);
        List<String> cut = fx(() -> {
            Scene scene = stage.getScene();
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            TableColumn<Object, ?> action = audit.getVisibleLeafColumns().stream()
                    .filter(c -> "actionColumn".equals(c.getId())).findFirst().orElseThrow();
            TableCell<?, ?> cell = (TableCell<?, ?>) audit.lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == action && c.getText() != null)
                    .findFirst().orElseThrow();
            double room = action.getWidth() - cell.snappedLeftInset() - cell.snappedRightInset();
            List<String> tooWide = new ArrayList<>();
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("es"))) {
                ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale);
                for (String key : COMMON) {
                    Text text = new Text(bundle.getString("history.action." + key));
                    text.setFont(cell.getFont());
                    double width = text.getLayoutBounds().getWidth();
                    if (width > room) {
                        tooWide.add(text.getText() + " (" + Math.round(width) + " > " + Math.round(room) + " px)");
                    }
                }
            }
            return tooWide;
        });
        assertThat(cut).as("action texts cut at 1280 px").isEmpty();
    }
}
