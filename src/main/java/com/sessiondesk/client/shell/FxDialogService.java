package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.common.Theme;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The real dialogs, modal over the main window. */
final class FxDialogService implements DialogService {

    private final Window owner;
    private final FileChoice fileChoice;

    FxDialogService(Window owner, FileChoice fileChoice) {
        this.owner = owner;
        this.fileChoice = fileChoice;
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        return fileChoice.saveFile(owner, title, suggestedName);
    }

    @Override
    public boolean confirm(String title, String header, String content, String confirmText) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, content, confirm, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.initModality(Modality.WINDOW_MODAL);
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.getDialogPane().setId("confirmDialog");
        Theme.style(alert.getDialogPane());
        // The question and its detail wrap onto as many lines as they need, never ending in "…";
        // the buttons keep their whole names.
        alert.setResizable(true);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().getChildren().stream().filter(Label.class::isInstance)
                .forEach(label -> ((Label) label).setMinHeight(Region.USE_PREF_SIZE));
        alert.getDialogPane().getButtonTypes().forEach(type ->
                ((Button) alert.getDialogPane().lookupButton(type)).setMinWidth(Region.USE_PREF_SIZE));
        // Nothing is confirmed by Enter alone: Cancel has the focus, the confirm button is not the default.
        Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
        confirmButton.setDefaultButton(false);
        confirmButton.setId("confirmButton");
        Button cancel = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
        alert.setOnShown(e -> javafx.application.Platform.runLater(cancel::requestFocus));
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }
}
