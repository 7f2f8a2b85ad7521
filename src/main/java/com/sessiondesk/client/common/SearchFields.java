package com.sessiondesk.client.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/**
 * The search field of the three views (one factory, so they look and behave alike): ControlsFX's
 * clearable text field with a magnifier on the left, a clear button on the right while it holds
 * text, and Esc clears it. In FXML: {@code <SearchFields fx:factory="create" fx:id="..." promptText="%..."/>}.
 */
public final class SearchFields {

    private SearchFields() {
    }

    public static CustomTextField create() {
        CustomTextField field = (CustomTextField) TextFields.createClearableTextField();
        Region icon = Icons.of("magnify");
        icon.getStyleClass().addAll("search-icon", "icon-size-18");
        field.setLeft(icon);
        field.getStyleClass().add("search-field");
        field.setPrefWidth(320);
        field.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            // Esc clears a field that holds text; an empty one lets Esc through (a dialog closes).
            if (event.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
                field.clear();
                event.consume();
            }
        });
        // A screen reader names the field by what it searches (its prompt), unless told otherwise.
        field.promptTextProperty().addListener((obs, old, prompt) -> {
            if (field.getAccessibleText() == null || field.getAccessibleText().equals(old)) {
                field.setAccessibleText(prompt);
            }
        });
        return field;
    }
}
