package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
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
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The Logout User Account dialog (fxml/logout-dialog.fxml holds its texts and buttons). It opens
 * with the cursor in the reason field and no default button: Delete then Enter logs out no one;
 * Enter after typing a reason confirms. The confirm button keeps the dialog open until the server
 * confirmed; Cancel (or Escape) may leave a long wait, and the outcome then comes as a notification.
 */
public final class LogoutDialog extends Dialog<LogoutOutcome> {

    @FXML private DialogPane logoutDialog;
    @FXML private Label dialogTitle;
    @FXML private Label reasonHelp;
    @FXML private Label logOutText;
    @FXML private Label logOutAllDevicesText;
    @FXML private Label blockAndLogOutText;
    @FXML private Label blockDeviceText;
    @FXML private javafx.scene.layout.VBox deviceBlockBox;
    @FXML private CheckBox blockDeviceCheckBox;
    @FXML private BlockUntilPicker deviceUntilPicker;
    @FXML private Label blockDeviceHelp;
    @FXML private Label deviceUntilSummary;
    @FXML private ButtonType confirmButtonType;
    @FXML private Label titleLabel;
    @FXML private Label headingLabel;
    @FXML private Label sessionLabel;
    @FXML private Label warningLabel;
    @FXML private Label unsyncedWarning;
    @FXML private CheckBox afterSyncCheckBox;
    @FXML private CheckBox blockUserCheckBox;
    @FXML private Label blockHelp;
    @FXML private BlockUntilPicker blockUntilPicker;
    @FXML private Label blockUntilSummary;
    @FXML private CheckBox allDevicesCheckBox;
    @FXML private Label allDevicesHelp;
    @FXML private TextField reasonField;
    @FXML private HBox progressBox;
    @FXML private Label progressLabel;
    @FXML private Label dialogErrorLabel;

    private final LogoutDialogViewModel viewModel;

    public LogoutDialog(Window owner, LogoutDialogViewModel viewModel) {
        this.viewModel = viewModel;
        Fxml.load("/fxml/logout-dialog.fxml", this);
        initOwner(owner);
        initModality(Modality.WINDOW_MODAL);
        setTitle(dialogTitle.getText());
        setDialogPane(logoutDialog);
        Theme.style(logoutDialog);
        setResultConverter(button -> null); // only the server's confirmation gives a result
        bind();
        wireButtons();
    }

    /** Opens the dialog modally over {@code owner} until the server confirmed or the admin left it. */
    static void showOver(Window owner, LogoutDialogViewModel viewModel) {
        new LogoutDialog(owner, viewModel).showAndWait();
    }

    private void bind() {
        titleLabel.setText(dialogTitle.getText().toUpperCase(Messages.locale()));
        headingLabel.setText(viewModel.texts().heading());
        sessionLabel.setText(viewModel.texts().sessionDescription());
        warningLabel.textProperty().bind(viewModel.afterSync().warningText());
        afterSyncCheckBox.setText(Messages.format("logout.afterSync", AfterSyncOption.SYNC_MINUTES));
        afterSyncCheckBox.selectedProperty().bindBidirectional(viewModel.afterSync().chosenProperty());
        afterSyncCheckBox.visibleProperty().bind(viewModel.afterSync().offered());
        afterSyncCheckBox.managedProperty().bind(afterSyncCheckBox.visibleProperty());
        afterSyncCheckBox.disableProperty().bind(viewModel.busyProperty());
        unsyncedWarning.textProperty().bind(viewModel.unsyncedWarning());
        unsyncedWarning.visibleProperty().bind(viewModel.unsyncedWarning().isNotEmpty());
        unsyncedWarning.managedProperty().bind(unsyncedWarning.visibleProperty());
        blockUserCheckBox.selectedProperty().bindBidirectional(viewModel.blockProperty());
        blockHelp.setText(viewModel.texts().blockHelp());
        allDevicesCheckBox.selectedProperty().bindBidirectional(viewModel.allDevicesProperty());
        allDevicesHelp.textProperty().bind(viewModel.allDevicesHelp());
        reasonField.textProperty().bindBidirectional(viewModel.reasonProperty());
        reasonField.setPromptText(reasonHelp.getText());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        progressBox.visibleProperty().bind(viewModel.busyProperty());
        progressBox.managedProperty().bind(viewModel.busyProperty());
        dialogErrorLabel.textProperty().bind(viewModel.errorMessageProperty());
        dialogErrorLabel.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        dialogErrorLabel.managedProperty().bind(dialogErrorLabel.visibleProperty());
        blockUserCheckBox.disableProperty().bind(viewModel.busyProperty());
        blockUntilPicker.bind(viewModel.blockOptions(), viewModel.busyProperty());
        blockUntilSummary.textProperty().bind(viewModel.blockOptions().summaryProperty());
        blockUntilSummary.visibleProperty().bind(viewModel.blockProperty());
        blockUntilSummary.managedProperty().bind(viewModel.blockProperty());
        allDevicesCheckBox.disableProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.busyProperty().get() || viewModel.allDevicesLocked().get(),
                viewModel.busyProperty(), viewModel.allDevicesLocked()));
        reasonField.disableProperty().bind(viewModel.busyProperty());
        bindDeviceBlock();
        // Every change of state may change the content's height: the window follows it.
        for (Observable changes : new Observable[] {viewModel.blockProperty(), viewModel.allDevicesProperty(),
                viewModel.deviceBlock().chosenProperty(), viewModel.deviceBlock().options().endProperty(),
                viewModel.blockOptions().endProperty(),
                viewModel.busyProperty(), viewModel.progressTextProperty(), viewModel.errorMessageProperty(),
                viewModel.unsyncedWarning(), viewModel.afterSync().offered()}) {
            changes.addListener(o -> Platform.runLater(this::fitContent));
        }
        setOnShown(e -> {
            fitContent();
            reasonField.requestFocus();
            Platform.runLater(reasonField::requestFocus); // after the dialog's own focus on its first button
        });
    }

    /** The third choice, "The device is lost or stolen: block this device" (only for a session's dialog). */
    private void bindDeviceBlock() {
        DeviceBlockChoice device = viewModel.deviceBlock();
        deviceBlockBox.setVisible(device.offered());
        deviceBlockBox.setManaged(device.offered());
        blockDeviceCheckBox.selectedProperty().bindBidirectional(device.chosenProperty());
        blockDeviceCheckBox.disableProperty().bind(viewModel.busyProperty());
        blockDeviceHelp.setText(device.help());
        deviceUntilPicker.bind(device.options(), viewModel.busyProperty());
        deviceUntilPicker.getChildren().forEach(part -> part.setId("device" + Character.toUpperCase(part.getId().charAt(0))
                + part.getId().substring(1))); // deviceBlockUntilChoice, beside the account's blockUntilChoice
        deviceUntilSummary.textProperty().bind(device.summary());
        deviceUntilSummary.visibleProperty().bind(device.chosenProperty());
        deviceUntilSummary.managedProperty().bind(device.chosenProperty());
    }

    private void fitContent() {
        Window window = logoutDialog.getScene() == null ? null : logoutDialog.getScene().getWindow();
        if (window != null && isShowing()) {
            logoutDialog.requestLayout();
            window.sizeToScene();
        }
    }

    private void wireButtons() {
        Button confirm = (Button) logoutDialog.lookupButton(confirmButtonType);
        confirm.setId("logoutConfirmButton");
        confirm.getStyleClass().add("danger");
        // Its own width: the button bar fixes uniform buttons at their first width, which would cut
        // "Block and log out" once Block is ticked.
        javafx.scene.control.ButtonBar.setButtonUniformSize(confirm, false);
        confirm.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.confirm().get()) {
            case LOG_OUT -> logOutText.getText();
            case LOG_OUT_ALL_DEVICES -> logOutAllDevicesText.getText();
            case BLOCK_AND_LOG_OUT -> blockAndLogOutText.getText();
            case BLOCK_DEVICE -> blockDeviceText.getText();
        }, viewModel.confirm()));
        confirm.disableProperty().bind(viewModel.busyProperty().or(viewModel.blockOptions().validProperty().not())
                .or(viewModel.deviceBlock().options().validProperty().not()));
        // Its text changes with the choices: it keeps its own width, never "Block …".
        ButtonBar.setButtonUniformSize(confirm, false);
        confirm.setMinWidth(Region.USE_PREF_SIZE);
        // A destructive action is never the default: Enter confirms only in the reason field, once a reason is typed.
        confirm.setDefaultButton(false);
        reasonField.setOnAction(e -> {
            if (viewModel.reasonProperty().get() != null && !viewModel.reasonProperty().get().isBlank()) {
                viewModel.submit();
            }
        });
        Button cancel = (Button) logoutDialog.lookupButton(ButtonType.CANCEL);
        cancel.setId("logoutCancelButton");
        // The dialog stays open while the call runs: the event is consumed and the outcome closes it.
        confirm.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit();
        });
        viewModel.outcomeProperty().addListener((obs, old, outcome) -> {
            if (outcome != null && outcome.done() && isShowing()) {
                setResult(outcome);
                close();
            }
        });
        // Leaving while the server works: the outcome still arrives, as a notification.
        setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                viewModel.leave();
            }
        });
    }
}
