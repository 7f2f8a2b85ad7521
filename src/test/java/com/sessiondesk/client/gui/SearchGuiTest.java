package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;

/** The search field and the application filter of the Active Sessions view. */
class SearchGuiTest extends SharedServerGuiTest {

    @Test
    void searchNarrowsTheRowsToMatchingSessions() throws Exception {
        User staff = server.freshStaff();
        server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        List<Session> all = server.sessions();
        waitUntil("every session shown", () -> rowCount(sessions()) == all.size());
        String term = staff.username();
        long expected = all.stream().filter(s -> matches(s, term)).count();

        typeInto("#searchField", term);

        waitUntil("the search narrows the table to " + expected + " rows",
                () -> rowCount(sessions()) == expected);
        assertThat(expected).isBetween(1L, all.size() - 1L);
        assertThat(columnTexts(sessions(), "Username")).contains(staff.username());

        typeInto("#searchField", "");
        waitUntil("clearing the search shows every row again", () -> rowCount(sessions()) == all.size());
    }

    private static boolean matches(Session s, String term) {
        String t = term.toLowerCase(Locale.ROOT);
        return (s.username() + "\u0001" + s.name() + "\u0001" + s.deviceModel() + "\u0001" + s.deviceOs())
                .toLowerCase(Locale.ROOT).contains(t);
    }

    @Test
    void escapeClearsTheSearchAndSeveralApplicationsCanBeTicked() throws Exception {
        openSignedIn();
        int all = rowCount(sessions());
        typeInto("#searchField", "no-such-user-anywhere");
        waitUntil("nothing matches", () -> rowCount(sessions()) == 0);
        clickOn("#searchField");
        type(KeyCode.ESCAPE);
        waitUntil("Esc cleared the search", () -> fx(() -> node("#searchField", TextField.class).getText()).isEmpty()
                && rowCount(sessions()) == all);

        @SuppressWarnings("unchecked")
        CheckComboBox<String> apps = node("#applicationFilter", CheckComboBox.class);
        List<String> choices = fx(() -> List.copyOf(apps.getItems()));
        assertThat(choices).hasSizeGreaterThanOrEqualTo(2);
        fx(() -> {
            apps.getCheckModel().check(choices.get(0));
            return null;
        });
        waitUntil("only the ticked application", () -> rowCount(sessions()) < all
                && columnTexts(sessions(), "Application").stream().allMatch(a -> a.startsWith(choices.get(0))));
        int one = rowCount(sessions());
        fx(() -> {
            apps.getCheckModel().check(choices.get(1));
            return null;
        });
        waitUntil("both ticked applications", () -> rowCount(sessions()) > one
                && columnTexts(sessions(), "Application").stream()
                        .allMatch(a -> a.startsWith(choices.get(0)) || a.startsWith(choices.get(1))));
        fx(() -> {
            apps.getCheckModel().clearChecks();
            return null;
        });
        waitUntil("every application again", () -> rowCount(sessions()) == all);
    }
}
