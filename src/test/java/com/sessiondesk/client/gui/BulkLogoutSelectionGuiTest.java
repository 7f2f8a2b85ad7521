package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/**
 * After a bulk log out nobody stays chosen: the selection is empty and "Log out selected" is not
 * armed at a row nobody chose (the demo agency, as an office user tried it: search "wang",
 * Ctrl+click all of its rows but one, Delete, confirm).
 */
class BulkLogoutSelectionGuiTest extends SharedServerGuiTest {

    @Test
    void afterABulkLogOutNoRowIsSelectedAndTheBulkButtonIsNotArmed() throws Exception {
        launch(optionsFor(null));
        waitUntil("the table fills with the demo agency", 60, () -> showing("#sessionsTable")
                && rowCount(table("#sessionsTable")) > 0);
        TableView<Object> table = sessions();
        typeInto("#searchField", "wang");
        waitUntil("several rows match wang", () -> rowCount(table) >= 3
               );
        int shown = rowCount(table);
        int chosen = Math.min(3, shown - 1); // at least one row stays unchosen
        List<String> chosenIds = new ArrayList<>();
        clickRow(table, 0);
        chosenIds.add(idOf(selected(table)));
        press(KeyCode.CONTROL);
        try {
            for (int i = 1; i < chosen; i++) {
                clickRow(table, i);
            }
        } finally {
            release(KeyCode.CONTROL);
        }
        chosenIds.clear();
        chosenIds.addAll(fx(() -> table.getSelectionModel().getSelectedItems().stream().map(SharedServerGuiTest::idOf).toList()));
        assertThat(chosenIds).hasSize(chosen);
        Button bulk = node("#logoutSelectedButton", Button.class);
        assertThat(fx(bulk::getText)).isEqualTo("Log out selected (" + chosen + ")");

        push(KeyCode.DELETE);
        waitUntil("the bulk confirmation opens", () -> showing("#bulkLogoutConfirmButton"));
        clickOn(node("#bulkLogoutConfirmButton", Button.class));
        waitUntil("the chosen rows leave", () -> !showing("#bulkLogoutConfirmButton")
                && fx(() -> table.getItems().stream().map(SharedServerGuiTest::idOf).noneMatch(chosenIds::contains)));

        assertThat(fx(() -> table.getSelectionModel().getSelectedItems().size()))
                .as("no row nobody chose is selected").isZero();
        assertThat(fx(bulk::isDisabled)).as("the bulk button is not armed").isTrue();
        assertThat(fx(bulk::getText)).isEqualTo("Log out selected (0)");
        typeInto("#searchField", "");
        waitUntil("every row shows again", () -> rowCount(table) > shown);
        assertThat(fx(() -> table.getSelectionModel().getSelectedItems().size())).as("nothing selected off screen").isZero();
    }
}
