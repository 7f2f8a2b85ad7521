package com.sessiondesk.client.password;

import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.server.security.PasswordPolicy;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Change my password" for the signed-in super user: the current password, the new one twice.
 * The new one is checked here by the same rule as the server's (12 characters for super users);
 * the server checks the current one. The call runs in the background; the dialog stays open
 * until it answered.
 */
public final class ChangePasswordViewModel {


    private final ViewContext context;
    private final AdminService service;
    private final StringProperty currentPassword = new SimpleStringProperty(this, "currentPassword", "");
    private final StringProperty newPassword = new SimpleStringProperty(this, "newPassword", "");
    private final StringProperty repeatedPassword = new SimpleStringProperty(this, "repeatedPassword", "");
    private final StringProperty errorMessage = new SimpleStringProperty(this, "errorMessage", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);

    /** How many other signed-in windows (admin sessions) the change ended; -1 until it was made. */
    private int endedWindows = -1;

    /** The notification once the password was changed: it says other windows were signed out only when some were. */
    public String done() {
        return endedWindows > 0 ? Messages.format("password.done.others", endedWindows) : Messages.get("password.done");
    }

    public ChangePasswordViewModel(ViewContext context, AdminService service) {
        this.context = context;
        this.service = service;
    }

    /** What is wrong with the typed passwords before anything is sent; empty when they can be sent. */
    Optional<String> problem() {
        String current = currentPassword.get() == null ? "" : currentPassword.get();
        String fresh = newPassword.get() == null ? "" : newPassword.get();
        if (current.isEmpty()) {
            return Optional.of(Messages.get("password.currentMissing"));
        }
        if (PasswordPolicy.problem(fresh, true).isPresent()) {
            return Optional.of(PasswordPolicy.tooShort(fresh, true)
                    ? Messages.format("password.tooShort", PasswordPolicy.SUPER_USER_MIN_LENGTH)
                    : Messages.get("password.weak"));
        }
        if (!fresh.equals(repeatedPassword.get())) {
            return Optional.of(Messages.get("password.mismatch"));
        }
        if (fresh.equals(current)) {
            return Optional.of(Messages.get("password.same"));
        }
        return Optional.empty();
    }

    /** Sends the change in the background; {@code onDone} runs once the server accepted it. */
    public void submit(Runnable onDone) {
        if (busy.get()) {
            return;
        }
        Optional<String> problem = problem();
        if (problem.isPresent()) {
            errorMessage.set(problem.get());
            return;
        }
        String current = currentPassword.get();
        String fresh = newPassword.get();
        busy.set(true);
        errorMessage.set("");
        context.runner().run(() -> service.changePassword(current, fresh), ended -> {
            endedWindows = ended;
            busy.set(false);
            clear();
            onDone.run();
        }, error -> {
            busy.set(false);
            errorMessage.set(error.message());
        });
    }

    /** The passwords leave memory with the dialog. */
    public void clear() {
        currentPassword.set("");
        newPassword.set("");
        repeatedPassword.set("");
    }

    public StringProperty currentPasswordProperty() {
        return currentPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatedPasswordProperty() {
        return repeatedPassword;
    }

    public StringProperty errorMessageProperty() {
        return errorMessage;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
