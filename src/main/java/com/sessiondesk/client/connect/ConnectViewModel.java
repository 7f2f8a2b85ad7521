package com.sessiondesk.client.connect;

import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.service.ServerAddress;
import java.io.IOException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connect screen: server URL, username, password and Sign in. Remembers the URL and username
 * after a successful sign-in; the password stays in memory only, and only until it was used.
 */
public final class ConnectViewModel {

    /** The blocking sign-in (a real POST admin/login). */
    @FunctionalInterface
    public interface SignIn {
        AdminService signIn(String serverUrl, String username, String password) throws Exception;
    }

    private final TaskRunner runner;
    private final SignIn signIn;
    private final ClientSettings settings;
    private final Consumer<AdminService> onSignedIn;

    private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final BooleanBinding canSignIn;
    private final ReadOnlyBooleanWrapper passwordRejected = new ReadOnlyBooleanWrapper(this, "passwordRejected");

    public ConnectViewModel(TaskRunner runner, SignIn signIn, ClientSettings settings, Consumer<AdminService> onSignedIn) {
        this.runner = runner;
        this.signIn = signIn;
        this.settings = settings;
        this.onSignedIn = onSignedIn;
        canSignIn = Bindings.createBooleanBinding(() -> !busy.get() && !isBlank(serverUrl.get())
                && !isBlank(username.get()) && !isBlank(password.get()), busy, serverUrl, username, password);
    }

    /** Fills the form: the remembered or given URL and username, and why the screen shows (or null). */
    public void prefill(String url, String user, String reason) {
        if (url != null) {
            serverUrl.set(url);
        }
        if (user != null) {
            username.set(user);
        }
        password.set("");
        message.set(reason);
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        String url;
        try {
            url = ServerAddress.validate(serverUrl.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        String user = username.get().trim();
        String secret = password.get();
        busy.set(true);
        message.set(null);
        passwordRejected.set(false);
        runner.run(() -> {
            AdminService service = signIn.signIn(url, user, secret);
            remember(url, user);
            return service;
        }, service -> {
            busy.set(false);
            password.set("");
            onSignedIn.accept(service);
        }, error -> {
            if (error instanceof ClientError.NotSignedIn) {
                password.set(""); // wrong password: the field is emptied for the next try
                passwordRejected.set(true);
            }
            message.set(error.message());
            busy.set(false);
        });
    }

    /** The URL and username only; failing to write them must not fail the sign-in. */
    private void remember(String url, String user) {
        try {
            settings.save(url, user);
        } catch (IOException e) {
            System.err.println("Could not remember the server address: " + e.getMessage());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The last sign-in failed on the username or password: the cursor goes to the emptied password field. */
    public ReadOnlyBooleanProperty passwordRejectedProperty() {
        return passwordRejected.getReadOnlyProperty();
    }

    public BooleanBinding canSignInProperty() {
        return canSignIn;
    }
}
