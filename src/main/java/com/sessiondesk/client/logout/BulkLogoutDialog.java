package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Theme;
import java.util.Locale;
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
 * The confirmation of a log out of many sessions (fxml/bulk-logout-dialog.fxml). Like the Logout
 * User Account dialog it stays open until the server answered, Enter alone logs out no one, Enter
 * after typing a reason confirms, and unsynced work offers "log out after the device has synced".
 */
public final class BulkLogoutDialog {

    @FXML private DialogPane bulkLogoutDialog;
    @FXML private Label titleLabel;
    @FXML private Label headingLabel;
    @FXML private Label scopeLabel;
    @FXML private Label warningLabel;
    @FXML private Label unsyncedWarning;
    @FXML private CheckBox afterSyncCheckBox;
    @FXML private CheckBox blockUserCheckBox;
    @FXML private BlockUntilPicker blockUntilPicker;
    @FXML private Label blockHelp;
    @FXML private Label blockUntilSummary;
    @FXML private TextField reasonField;
    @FXML private HBox progressBox;
    @FXML private Label dialogErrorLabel;

    private final BulkLogoutViewModel viewModel;

    private BulkLogoutDialog(BulkLogoutViewModel viewModel) {
        this.viewModel = viewModel;
    }

    /** Shows the dialog modally over {@code owner}; the server's result when the log out was done. */
    public static Optional<BulkLogoutResult> show(Window owner, BulkLogoutViewModel viewModel) {
        BulkLogoutDialog controller = new BulkLogoutDialog(viewModel);
        DialogPane pane = Fxml.load("/fxml/bulk-logout-dialog.fxml", controller);
        Dialog<BulkLogoutResult> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(viewModel.title());
        dialog.setDialogPane(pane);
        Theme.style(pane);
        ButtonType logOut = new ButtonType(viewModel.confirmText(), ButtonBar.ButtonData.OK_DONE);
        pane.getButtonTypes().setAll(logOut, ButtonType.CANCEL);
        dialog.setResultConverter(button -> null);
        controller.wireButtons(dialog, logOut);
        dialog.setOnShown(e -> {
            controller.reasonField.requestFocus();
            javafx.application.Platform.runLater(controller.reasonField::requestFocus); // after the dialog's own focus
        });
        return dialog.showAndWait();
    }

    @FXML
    private void initialize() {
        titleLabel.setText(viewModel.title().toUpperCase(Messages.locale()));
        headingLabel.setText(viewModel.heading());
        scopeLabel.textProperty().bind(viewModel.scopeText());
        warningLabel.textProperty().bind(viewModel.afterSync().warningText());
        afterSyncCheckBox.setText(Messages.format("bulk.afterSync", AfterSyncOption.SYNC_MINUTES));
        afterSyncCheckBox.selectedProperty().bindBidirectional(viewModel.afterSync().chosenProperty());
        afterSyncCheckBox.visibleProperty().bind(viewModel.afterSync().offered());
        afterSyncCheckBox.managedProperty().bind(afterSyncCheckBox.visibleProperty());
        afterSyncCheckBox.disableProperty().bind(viewModel.busyProperty());
        unsyncedWarning.textProperty().bind(viewModel.unsyncedWarning());
        unsyncedWarning.visibleProperty().bind(viewModel.unsyncedWarning().isNotEmpty());
        unsyncedWarning.managedProperty().bind(unsyncedWarning.visibleProperty());
        blockUserCheckBox.selectedProperty().bindBidirectional(viewModel.blockProperty());
        blockUserCheckBox.disableProperty().bind(viewModel.busyProperty());
        blockHelp.setText(Messages.get("logout.block.help"));
        blockUntilPicker.bind(viewModel.blockOptions(), viewModel.busyProperty());
        blockUntilSummary.textProperty().bind(viewModel.blockOptions().summaryProperty());
        blockUntilSummary.visibleProperty().bind(viewModel.blockProperty());
        blockUntilSummary.managedProperty().bind(viewModel.blockProperty());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonField.setPromptText(Messages.get("logout.reason.help"));
        reasonField.disableProperty().bind(viewModel.busyProperty());
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(viewModel.busyProperty());
        dialogErrorLabel.textProperty().bind(viewModel.errorMessageProperty());
        dialogErrorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        dialogErrorLabel.managedProperty().bind(dialogErrorLabel.visibleProperty());
        // What shows may change the content's height (the block's end, progress, an error): the window follows.
        for (javafx.beans.Observable changes : new javafx.beans.Observable[] {viewModel.blockProperty(),
                viewModel.blockOptions().endProperty(), viewModel.busyProperty(), viewModel.errorMessageProperty(),
                viewModel.afterSync().chosenProperty()}) {
            changes.addListener(o -> javafx.application.Platform.runLater(() -> {
                if (bulkLogoutDialog.getScene() != null && bulkLogoutDialog.getScene().getWindow() != null) {
                    bulkLogoutDialog.requestLayout();
                    bulkLogoutDialog.getScene().getWindow().sizeToScene();
                }
            }));
        }
    }

    private void wireButtons(Dialog<BulkLogoutResult> dialog, ButtonType logOutType) {
        Button logOut = (Button) bulkLogoutDialog.lookupButton(logOutType);
        Button cancel = (Button) bulkLogoutDialog.lookupButton(ButtonType.CANCEL);
        logOut.setId("bulkLogoutConfirmButton");
        logOut.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        logOut.getStyleClass().add("danger");
        logOut.disableProperty().bind(viewModel.busyProperty().or(viewModel.blockOptions().validProperty().not()));
        cancel.disableProperty().bind(viewModel.busyProperty());
        logOut.setDefaultButton(false);
        Runnable submit = () -> viewModel.submit(result -> {
            dialog.setResult(result);
            dialog.close();
        });
        logOut.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            submit.run();
        });
        // A destructive action is never the default: Enter confirms only in the reason field, once a reason is typed.
        reasonField.setOnAction(e -> {
            if (viewModel.hasReason()) {
                submit.run();
            }
        });
        dialog.setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                event.consume();
            }
        });
    }
}
