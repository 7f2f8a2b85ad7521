package com.sessiondesk.client.password;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The "Change my password" dialog: three password fields, the error in words, and a progress
 * indicator while the server checks. It stays open until the server accepted the change.
 */
public final class ChangePasswordDialog {

    public static final ButtonType CHANGE = new ButtonType(Messages.get("main.changePassword"), ButtonBar.ButtonData.OK_DONE);

    private ChangePasswordDialog() {
    }

    /** Shows the dialog modally over {@code owner}; true when the password was changed. */
    public static boolean show(Window owner, ChangePasswordViewModel viewModel) {
        PasswordField current = field("currentPasswordField", viewModel.currentPasswordProperty().get());
        PasswordField fresh = field("newPasswordField", "");
        PasswordField repeated = field("repeatedPasswordField", "");
        current.textProperty().bindBidirectional(viewModel.currentPasswordProperty());
        fresh.textProperty().bindBidirectional(viewModel.newPasswordProperty());
        repeated.textProperty().bindBidirectional(viewModel.repeatedPasswordProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.addRow(0, new Label(Messages.get("password.current")), current);
        form.addRow(1, new Label(Messages.get("password.new")), fresh);
        form.addRow(2, new Label(Messages.get("password.again")), repeated);
        Label help = new Label(Messages.get("password.help"));
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        Label error = new Label();
        error.setId("passwordErrorLabel");
        error.getStyleClass().add("dialog-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        form.disableProperty().bind(viewModel.busyProperty());

        DialogPane pane = new DialogPane();
        pane.setId("changePasswordDialog");
        pane.setHeaderText(Messages.get("main.changePassword.tooltip"));
        pane.setContent(new VBox(12, form, help, error, progress));
        pane.getButtonTypes().setAll(CHANGE, ButtonType.CANCEL);
        Theme.style(pane);
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(Messages.get("main.changePassword.tooltip"));
        dialog.setDialogPane(pane);
        dialog.setResultConverter(button -> Boolean.FALSE);

        Button change = (Button) pane.lookupButton(CHANGE);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        change.disableProperty().bind(viewModel.busyProperty());
        cancel.disableProperty().bind(viewModel.busyProperty());
        change.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            viewModel.submit(() -> {
                dialog.setResult(Boolean.TRUE);
                dialog.close();
            });
        });
        dialog.setOnCloseRequest(event -> {
            if (viewModel.busyProperty().get()) {
                event.consume();
            }
        });
        dialog.setOnHidden(event -> viewModel.clear());
        current.requestFocus();
        return Boolean.TRUE.equals(dialog.showAndWait().orElse(Boolean.FALSE));
    }

    private static PasswordField field(String id, String text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setText(text);
        field.setPrefColumnCount(24);
        return field;
    }
}
