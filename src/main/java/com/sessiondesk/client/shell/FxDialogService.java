package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.client.logout.LogoutDialog;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The real dialogs, modal over the main window. */
final class FxDialogService implements DialogService {

    private final Window owner;

    FxDialogService(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> showLogoutDialog(LogoutDialogViewModel viewModel) {
        return LogoutDialog.show(owner, viewModel);
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
        openOnCancel(alert);
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
        reason.setPromptText(Messages.get("logout.reason.help"));
        VBox body = new VBox(10, warningLabel, new Label(Messages.get("common.reason")), reason);
        body.setPadding(new Insets(4, 0, 0, 0));
        body.setPrefWidth(480);
        dialog.getDialogPane().setId("confirmDialog");
        Theme.style(dialog.getDialogPane());
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(confirm).getStyleClass().add("danger");
        dialog.setResultConverter(button -> button == confirm ? reason.getText() : null);
        openOnCancel(dialog);
        return dialog.showAndWait();
    }

    /**
     * The safest choice has the focus and Enter: Cancel. Confirming takes a deliberate click,
     * Tab to the button and Space, or its mnemonic-free Enter once focused.
     */
    private static void openOnCancel(Dialog<?> dialog) {
        DialogPane pane = dialog.getDialogPane();
        for (ButtonType type : pane.getButtonTypes()) {
            if (pane.lookupButton(type) instanceof Button button) {
                boolean cancel = type.getButtonData() == ButtonBar.ButtonData.CANCEL_CLOSE;
                button.setDefaultButton(cancel);
                if (cancel) {
                    dialog.setOnShown(e -> button.requestFocus());
                }
            }
        }
    }
}
