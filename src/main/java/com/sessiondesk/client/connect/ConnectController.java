package com.sessiondesk.client.connect;

import com.sessiondesk.client.common.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;

/** Binds fxml/connect.fxml to the {@link ConnectViewModel}. */
public final class ConnectController {

    @FXML private TextField serverUrlField;
    @FXML private TextField usernameField;
    @FXML private PasswordField passwordField;
    @FXML private Label serverUrlLabel;
    @FXML private Label usernameLabel;
    @FXML private Label passwordLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator progress;
    @FXML private Button signInButton;
    @FXML private Hyperlink demoLink;

    private final ConnectViewModel viewModel;
    private final Runnable useDemo;
    private final Parent root;

    public ConnectController(ConnectViewModel viewModel, Runnable useDemo) {
        this.viewModel = viewModel;
        this.useDemo = useDemo;
        this.root = Fxml.load("/fxml/connect.fxml", this);
    }

    @FXML
    private void initialize() {
        serverUrlLabel.setLabelFor(serverUrlField);
        usernameLabel.setLabelFor(usernameField);
        passwordLabel.setLabelFor(passwordField);
        serverUrlField.textProperty().bindBidirectional(viewModel.serverUrlProperty());
        usernameField.textProperty().bindBidirectional(viewModel.usernameProperty());
        passwordField.textProperty().bindBidirectional(viewModel.passwordProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        signInButton.disableProperty().bind(viewModel.canSignInProperty().not());
        signInButton.setOnAction(e -> viewModel.signIn());
        serverUrlField.disableProperty().bind(viewModel.busyProperty());
        usernameField.disableProperty().bind(viewModel.busyProperty());
        passwordField.disableProperty().bind(viewModel.busyProperty());
        demoLink.disableProperty().bind(viewModel.busyProperty());
        demoLink.setOnAction(e -> useDemo.run());
        // After a failed sign-in the cursor goes where the next keystrokes belong: never into the
        // address field while the admin retypes a password.
        viewModel.busyProperty().addListener((obs, was, busy) -> {
            if (!busy) {
                if (viewModel.passwordRejectedProperty().get()) {
                    passwordField.requestFocus();
                } else {
                    focusFirstEmpty();
                }
            }
        });
    }

    public Parent root() {
        return root;
    }

    /** Puts the cursor where typing is needed: the first empty field. */
    public void focusFirstEmpty() {
        TextField target = serverUrlField.getText().isBlank() ? serverUrlField
                : usernameField.getText().isBlank() ? usernameField : passwordField;
        target.requestFocus();
    }
}
