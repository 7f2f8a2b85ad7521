package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.TextSize;
import com.sessiondesk.client.common.Theme;
import java.util.function.Consumer;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;

/** The header's Text size menu: 100 %, 125 %, 150 %, the one in use ticked and named in the tooltip. */
final class TextSizeMenu {

    private TextSizeMenu() {
    }

    static void fill(MenuButton menu, Consumer<TextSize> onChosen) {
        ToggleGroup group = new ToggleGroup();
        for (TextSize size : TextSize.values()) {
            RadioMenuItem item = new RadioMenuItem(size.label(Messages.locale()));
            item.setId("textSize-" + size.percent());
            item.setUserData(size);
            item.setToggleGroup(group);
            item.setOnAction(e -> onChosen.accept(size));
            menu.getItems().add(item);
        }
        show(menu, Theme.textSize());
    }

    static void show(MenuButton menu, TextSize size) {
        menu.getItems().forEach(item -> ((RadioMenuItem) item).setSelected(item.getUserData() == size));
        menu.setTooltip(new Tooltip(Messages.format("main.textSize.tooltip", size.label(Messages.locale()))));
    }
}
