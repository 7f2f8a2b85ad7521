package com.sessiondesk.client.password;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.server.security.PasswordPolicy;
import javafx.application.Platform;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The "Change my password" dialog: three password fields, the error in words, and a progress
 * indicator while the server checks. It stays open until the server accepted the change.
 */
public final class ChangePasswordDialog {

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
        form.addRow(0, label("password.current", current), current);
        form.addRow(1, label("password.new", fresh), fresh);
        form.addRow(2, label("password.repeat", repeated), repeated);
        Label help = new Label(Messages.format("password.help", PasswordPolicy.SUPER_USER_MIN_LENGTH));
        help.getStyleClass().add("text-muted");
        help.setWrapText(true);
        fitToForm(help);
        Label error = new Label();
        error.setId("passwordErrorLabel");
        error.getStyleClass().add("dialog-error");
        error.setWrapText(true);
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        fitToForm(error);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(viewModel.busyProperty());
        form.disableProperty().bind(viewModel.busyProperty());

        DialogPane pane = new DialogPane();
        pane.setId("changePasswordDialog");
        pane.setHeaderText(Messages.get("password.title"));
        ButtonType change = new ButtonType(Messages.get("password.change"), ButtonBar.ButtonData.OK_DONE);
        pane.setContent(new VBox(12, form, help, error, progress));
        pane.getButtonTypes().setAll(change, ButtonType.CANCEL);
        Theme.style(pane);
        Dialog<Boolean> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(Messages.get("password.title"));
        dialog.setDialogPane(pane);
        dialog.setResultConverter(button -> Boolean.FALSE);

        Button changeButton = (Button) pane.lookupButton(change);
        Button cancel = (Button) pane.lookupButton(ButtonType.CANCEL);
        changeButton.setMinWidth(Region.USE_PREF_SIZE); // "Change password" whole in both languages
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        // an error (or its end) changes the content's height: the window follows, the buttons stay in it
        error.visibleProperty().addListener((obs, old, shown) -> Platform.runLater(() -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        }));
        error.textProperty().addListener((obs, old, text) -> Platform.runLater(() -> {
            if (pane.getScene() != null && pane.getScene().getWindow() != null) {
                pane.getScene().getWindow().sizeToScene();
            }
        }));
        changeButton.disableProperty().bind(viewModel.busyProperty());
        cancel.disableProperty().bind(viewModel.busyProperty());
        changeButton.addEventFilter(ActionEvent.ACTION, event -> {
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
        dialog.setOnShown(event -> Platform.runLater(current::requestFocus)); // the cursor in the first field
        return Boolean.TRUE.equals(dialog.showAndWait().orElse(Boolean.FALSE));
    }

    /** A wrapping text as wide as the form: it grows downwards, never widens the dialog nor ends in "…". */
    private static void fitToForm(Label text) {
        text.setPrefWidth(1);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
    }

    /** A field's label, also its name for screen readers. */
    private static Label label(String key, PasswordField field) {
        Label label = new Label(Messages.get(key));
        label.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, never its name (large text)
        label.setLabelFor(field);
        field.setAccessibleText(label.getText());
        return label;
    }

    private static PasswordField field(String id, String text) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setText(text);
        field.setPrefColumnCount(24);
        return field;
    }
}
