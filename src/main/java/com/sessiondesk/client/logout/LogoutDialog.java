package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Logout User Account dialog (fxml/logout-dialog.fxml). "Log out" keeps the dialog open until
 * the server answered: on success it closes with the notification text, on failure it shows why.
 */
public final class LogoutDialog {

    public static final ButtonType LOG_OUT = new ButtonType(Messages.get("logout.button"), ButtonBar.ButtonData.OK_DONE);

    @FXML private DialogPane logoutDialog;
    @FXML private Label titleLabel;
    @FXML private Label headingLabel;
    @FXML private Label sessionLabel;
    @FXML private Label warningLabel;
    @FXML private Label unsyncedWarning;
    @FXML private CheckBox blockUserCheckBox;
    @FXML private Label blockHelp;
    @FXML private CheckBox allDevicesCheckBox;
    @FXML private Label allDevicesHelp;
    @FXML private TextField reasonField;
    @FXML private HBox progressBox;
    @FXML private Label dialogErrorLabel;

    private final LogoutDialogViewModel viewModel;

    private LogoutDialog(LogoutDialogViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Shows the dialog modally over {@code owner}; the notification text when a logout was done. */
    public static Optional<String> show(Window owner, LogoutDialogViewModel viewModel) {
        LogoutDialog controller = new LogoutDialog(viewModel);
        DialogPane pane = Fxml.load("/fxml/logout-dialog.fxml", controller);
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(viewModel.title());
        dialog.setDialogPane(pane);
        Theme.style(pane);
        pane.getButtonTypes().setAll(LOG_OUT, ButtonType.CANCEL);
        dialog.setResultConverter(button -> null);
        controller.wireButtons(dialog);
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        titleLabel.setText(viewModel.title().toUpperCase(Messages.locale()));
        headingLabel.setText(viewModel.heading());
        sessionLabel.setText(viewModel.sessionDescription());
        warningLabel.setText(viewModel.warning());
        unsyncedWarning.textProperty().bind(viewModel.unsyncedWarning());
        unsyncedWarning.visibleProperty().bind(viewModel.unsyncedWarning().isNotEmpty());
        unsyncedWarning.managedProperty().bind(unsyncedWarning.visibleProperty());
        blockUserCheckBox.selectedProperty().bindBidirectional(viewModel.blockProperty());
        blockHelp.setText(viewModel.blockHelp());
        allDevicesCheckBox.selectedProperty().bindBidirectional(viewModel.allDevicesProperty());
        allDevicesHelp.textProperty().bind(viewModel.allDevicesHelp());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonField.setPromptText(Messages.get("logout.reason.help"));
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(viewModel.busyProperty());
        dialogErrorLabel.textProperty().bind(viewModel.errorMessageProperty());
        dialogErrorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        dialogErrorLabel.managedProperty().bind(dialogErrorLabel.visibleProperty());
        blockUserCheckBox.disableProperty().bind(viewModel.busyProperty());
        allDevicesCheckBox.disableProperty().bind(viewModel.busyProperty().or(viewModel.blockProperty()));
        reasonField.disableProperty().bind(viewModel.busyProperty());
    }

    private void wireButtons(Dialog<String> dialog) {
        Button logOut = (Button) logoutDialog.lookupButton(LOG_OUT);
        Button cancel = (Button) logoutDialog.lookupButton(ButtonType.CANCEL);
        logOut.getStyleClass().add("danger");
        logOut.disableProperty().bind(viewModel.busyProperty());
        cancel.disableProperty().bind(viewModel.busyProperty());
        // A destructive action: Enter in the reason field must not log anyone out.
        logOut.setDefaultButton(false);
        // The dialog stays open while the call runs: the event is consumed and we close ourselves.
        logOut.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit(notification -> {
                dialog.setResult(notification);
                dialog.close();
            });
        });
        // Closing with the window's X or Escape while busy would hide the outcome: wait for it.
        dialog.setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                event.consume();
            }
        });
    }
}
