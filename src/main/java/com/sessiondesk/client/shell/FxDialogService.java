package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.client.logout.BlockOptions;
import com.sessiondesk.client.logout.BlockUntilPicker;
import com.sessiondesk.client.logout.BulkLogoutDialog;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialog;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.nio.file.Path;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
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
    public Optional<LogoutResult> showLogoutDialog(LogoutDialogViewModel viewModel) {
        return LogoutDialog.show(owner, viewModel);
    }

    @Override
    public Optional<BulkLogoutResult> showBulkLogoutDialog(BulkLogoutViewModel viewModel) {
        return BulkLogoutDialog.show(owner, viewModel);
    }

    @Override
    public Optional<String> confirmBlock(String title, String header, String warning, BlockOptions options) {
        ButtonType confirm = new ButtonType("Block", ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Label warningLabel = new Label(warning);
        warningLabel.setWrapText(true);
        warningLabel.getStyleClass().add("logout-warning");
        warningLabel.setMaxWidth(Double.MAX_VALUE);
        BlockUntilPicker until = new BlockUntilPicker();
        until.bind(options, new javafx.beans.property.SimpleBooleanProperty(false));
        Label summary = new Label();
        summary.setWrapText(true);
        summary.getStyleClass().add("help-text");
        summary.textProperty().bind(options.summaryProperty());
        TextField reason = new TextField();
        reason.setId("confirmReasonField");
        reason.setPromptText(LogoutDialogViewModel.REASON_HELP);
        VBox body = new VBox(10, warningLabel, new Label("Block"), until, summary, new Label("Reason (optional)"), reason);
        body.setPadding(new Insets(4, 0, 0, 0));
        body.setPrefWidth(500);
        dialog.getDialogPane().setId("blockDialog");
        Theme.style(dialog.getDialogPane());
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        javafx.scene.Node confirmButton = dialog.getDialogPane().lookupButton(confirm);
        confirmButton.getStyleClass().add("danger");
        confirmButton.disableProperty().bind(options.validProperty().not());
        ((javafx.scene.control.Button) confirmButton).setDefaultButton(false);
        dialog.setResultConverter(button -> button == confirm ? reason.getText() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
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
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<String> confirmWithReason(String title, String header, String warning, String confirmText) {
        ButtonType confirm = new ButtonType(confirmText, ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        Label warningLabel = new Label(warning);
        warningLabel.setWrapText(true);
        warningLabel.getStyleClass().add("logout-warning");
        warningLabel.setMaxWidth(Double.MAX_VALUE);
        TextField reason = new TextField();
        reason.setId("confirmReasonField");
        reason.setPromptText(LogoutDialogViewModel.REASON_HELP);
        VBox body = new VBox(10, warningLabel, new Label("Reason (optional)"), reason);
        body.setPadding(new Insets(4, 0, 0, 0));
        body.setPrefWidth(480);
        dialog.getDialogPane().setId("confirmDialog");
        Theme.style(dialog.getDialogPane());
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).getStyleClass().add("danger");
        dialog.setResultConverter(button -> button == confirm ? reason.getText() : null);
        dialog.setOnShown(e -> reason.requestFocus());
        return dialog.showAndWait();
    }
}
