package com.sessiondesk.client.common;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.CheckComboBox;

/**
 * A filter of several values (ControlsFX's CheckComboBox) kept in step with a view model's set of
 * ticked values; nothing ticked means all, and the box then says so.
 */
public final class Choices {

    private Choices() {
    }

    public static void bind(CheckComboBox<String> box, ObservableList<String> items, ObservableSet<String> chosen,
                            String allText) {
        openWithKeyboard(box);
        boolean[] syncing = {false};
        Runnable checkFromModel = () -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                for (String value : chosen) {
                    box.getCheckModel().check(value);
                }
            } finally {
                syncing[0] = false;
            }
            box.setTitle(chosen.isEmpty() ? allText : null);
        };
        javafx.beans.binding.Bindings.bindContent(box.getItems(), items); // before the listener below
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            if (syncing[0]) {
                return;
            }
            chosen.retainAll(box.getCheckModel().getCheckedItems());
            chosen.addAll(box.getCheckModel().getCheckedItems());
            box.setTitle(chosen.isEmpty() ? allText : null);
        });
        items.addListener((ListChangeListener<String>) change -> checkFromModel.run());
        chosen.addListener((SetChangeListener<String>) change -> {
            if (!syncing[0]) {
                checkFromModel.run();
            }
        });
        checkFromModel.run();
    }

    /** Space, Enter, F4 and Alt+Down open the list (as a combo box does); in the list Space ticks, Esc closes. */
    static void openWithKeyboard(CheckComboBox<String> box) {
        box.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            KeyCode key = event.getCode();
            boolean opens = key == KeyCode.SPACE || key == KeyCode.ENTER || key == KeyCode.F4
                    || (event.isAltDown() && (key == KeyCode.DOWN || key == KeyCode.KP_DOWN));
            if (opens && box.isFocused()) {
                box.show();
                event.consume();
            }
        });
    }
}
