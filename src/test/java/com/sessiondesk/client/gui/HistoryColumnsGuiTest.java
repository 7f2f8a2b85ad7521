package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.common.AppDirs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History at the default 1280x800 window: the Action column is wide enough for the common action
 * texts, in English and in Spanish (a longer one, such as a block with its end, shows its full
 * text in the table's tooltip). The Security filter at the minimum width in Spanish shows the
 * client address, the attempt count and the Admin column, each header whole or with its full name
 * in a tooltip.
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

    /** The JVM's language before a test chose Spanish (the client makes its language the JVM's default). */
    private final Locale before = Locale.getDefault();

    @AfterEach
    void systemLanguageAgain() throws Exception {
        new ClientSettings(AppDirs.dataDir()).savePreference(ClientSettings.LANGUAGE, null);
        Locale.setDefault(before);
        Messages.choose(null);
    }

    @Test
    void inSpanishAt900PxTheSecurityFilterShowsAddressAttemptsAndAdminWithTheirFullNames() throws Exception {
        new ClientSettings(AppDirs.dataDir()).savePreference(ClientSettings.LANGUAGE, "es");
        openSignedIn();
        Stage stage = (Stage) mainWindow().orElseThrow();
        fx(() -> {
            stage.setWidth(900);
            stage.setHeight(700);
            return null;
        });
        waitUntil("the window is 900 wide", () -> fx(() -> Math.abs(stage.getScene().getWidth() - 900) < 40));
        click("#historyTab");
        TableView<Object> audit = table("#auditTable");
        click("#securityOnlyCheckBox");
        waitUntil("the Security filter is on", () -> fx(() -> node("#securityOnlyCheckBox", CheckBox.class).isSelected()));
        ResourceBundle spanish = ResourceBundle.getBundle("i18n.messages", Locale.forLanguageTag("es"));
        List<String> wanted = List.of("addressColumn", "attemptsColumn", "actorColumn");
        waitUntil("the three columns show", () -> fx(() -> audit.getVisibleLeafColumns().stream()
                .map(TableColumn::getId).toList().containsAll(wanted)));
        List<List<String>> seen = new ArrayList<>();
        java.util.concurrent.Callable<List<String>> check = () -> fx(() -> {
            audit.applyCss();
            audit.layout();
            List<String> missing = new ArrayList<>();
            for (String id : wanted) {
                TableColumnHeader header = audit.lookupAll(".column-header").stream()
                        .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() != null
                                && id.equals(h.getTableColumn().getId()))
                        .map(n -> (TableColumnHeader) n).findFirst().orElse(null);
                if (header == null) {
                    missing.add(id + ": no header");
                    continue;
                }
                String name = header.getTableColumn().getText();
                Label label = (Label) header.lookup(".label");
                boolean whole = !Cells.isCut(label);
                boolean told = tooltipOf(header) != null && name.equals(tooltipOf(header).getText());
                if (!whole && !told) {
                    missing.add(id + ": \"" + label.getText() + "\" of \"" + name + "\" without a tooltip");
                }
            }
            return missing;
        });
        // after the pulse that draws the new headers (a user cannot point at them sooner)
        try {
            waitUntil("the Security columns are named", 5, () -> {
                seen.add(0, check.call());
                return seen.get(0).isEmpty();
            });
        } catch (AssertionError | RuntimeException timedOut) {
            // reported below with what was cut
        }
        assertThat(seen.get(0)).as("Security columns whose header is cut with no tooltip").isEmpty();
        assertThat(fx(() -> audit.getVisibleLeafColumns().stream().filter(c -> wanted.contains(c.getId()))
                .map(TableColumn::getText).toList()))
                .containsExactly(spanish.getString("history.column.admin"), spanish.getString("history.column.address"),
                        spanish.getString("history.column.attempts"));
    }
}
