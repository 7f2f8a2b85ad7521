package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * History against the real service: it loads older pages as the user scrolls to the last row, a
 * bulk log out is found under every user it ended, and the Security filter shows the address and
 * the attempts in their own columns, with no admin for a refused sign-in.
 */
class HistoryGuiTest extends SharedServerGuiTest {

    @Test
    void loadsOlderEventsWhenTheLastRowIsReached() throws Exception {
        User staff = server.freshStaff();
        for (int i = 0; i < 130; i++) { // 260 actions: more than one page of 200
            server.block(staff.username(), "Page test " + i);
            server.unblock(staff.username());
        }
        openSignedIn();
        click("#historyTab");
        TableView<Object> audit = table("#auditTable");
        waitUntil("the first page is listed", () -> rowCount(audit) == 200);
        assertThat(fx(() -> node("#auditCountLabel", Label.class).getText()))
                .isEqualTo("200 events loaded; scroll down for older ones");
        clickRow(audit, 0);
        push(KeyCode.END);
        waitUntil("the next page loads when the last row shows", () -> rowCount(audit) > 200);
        push(KeyCode.END);
        waitUntil("the oldest block of the test is reached", () -> rowContaining(audit, "Page test 0") >= 0);
    }

    @Test
    void aBulkLogOutIsFoundUnderEveryUserItEndedAndSecurityShowsAddressAndAttempts() throws Exception {
        User first = server.freshStaff();
        User second = server.freshStaff();
        Device a = server.login(first.username(), "Billiyo Care");
        Device b = server.login(second.username(), "Billiyo Care");
        server.logoutSessions(List.of(a.sessionId(), b.sessionId()), "Bulk names test");
        assertThat(server.failedMobileLogin(second.username())).isEqualTo(401);
        assertThat(server.failedMobileLogin(second.username())).isEqualTo(401);
        openSignedIn();
        click("#historyTab");
        TableView<Object> audit = table("#auditTable");
        waitUntil("the history is listed", () -> rowCount(audit) > 0);

        typeInto("#auditUserFilter", second.name());
        waitUntil("the second user's name finds the bulk log out", () -> rowCount(audit) == 1
                && rowContaining(audit, second.username(), second.name(), "Logged out selected sessions",
                        "Bulk names test") == 0);
        typeInto("#auditUserFilter", first.username());
        waitUntil("so does the first user's", () -> rowCount(audit) == 1
                && rowContaining(audit, first.username(), first.name(), "Bulk names test") == 0);

        click("#securityOnlyCheckBox");
        typeInto("#auditUserFilter", second.username());
        waitUntil("the failed sign-ins show", () -> rowCount(audit) == 1
                && rowContaining(audit, "Failed app sign-in", second.username()) == 0);
        assertThat(fx(() -> audit.getVisibleLeafColumns().stream().map(TableColumn::getText).toList()))
                .contains("Address", "Attempts").doesNotContain("Sessions", "Told");
        assertThat(cell(audit, "Address")).isEqualTo("127.0.0.1");
        assertThat(cell(audit, "Attempts")).isEqualTo("2");
        assertThat(cell(audit, "Admin")).as("nobody acted").isEmpty();

        click("#securityOnlyCheckBox");
        waitUntil("actions again", () -> rowCount(audit) == 1
                && rowContaining(audit, "Logged out selected sessions") == 0);
        assertThat(fx(() -> audit.getVisibleLeafColumns().stream().map(TableColumn::getText).toList()))
                .contains("Sessions", "Told").doesNotContain("Address", "Attempts");
    }

    /** The first row's value in the column of this header. */
    private String cell(TableView<Object> table, String header) {
        return fx(() -> {
            TableColumn<Object, ?> column = table.getVisibleLeafColumns().stream()
                    .filter(c -> header.equals(c.getText())).findFirst().orElseThrow();
            Object value = column.getCellData(0);
            return value == null ? "" : String.valueOf(value);
        });
    }
}
