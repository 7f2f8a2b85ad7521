package com.sessiondesk.client.logout;

import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The Logout User Account dialog's form and its one command, {@link #submit()}: one session (from
 * Active Sessions) or every session of a user (from User Accounts), optionally blocking the account.
 * Block always ends every session ({@link #endsEverySession()}). The {@link LogoutCommand} sends it
 * and finds out what the server did; an admin who leaves a long wait gets the outcome as a notification.
 */
public final class LogoutDialogViewModel {

    /** What the confirm button does (its text is in the dialog's FXML). */
    public enum Confirm { LOG_OUT, LOG_OUT_ALL_DEVICES, BLOCK_AND_LOG_OUT, BLOCK_DEVICE }

    /** Whom it is about; a session's counts follow the live table while the dialog is open ({@link #update}). */
    private final ObjectProperty<LogoutTarget> target = new SimpleObjectProperty<>(this, "target");
    private final ViewContext context;
    private final LogoutTexts texts;
    private final LogoutCommand command;

    private final BlockOptions blockOptions;
    private final DeviceBlockChoice deviceBlock;
    private final AdminService service;
    private final BooleanProperty block;
    private final BooleanProperty allDevices = new SimpleBooleanProperty(this, "allDevices");
    private final AfterSyncOption afterSync;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", Messages.get("logout.busy"));
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<LogoutOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableBooleanValue allDevicesLocked;
    private final ObjectBinding<Confirm> confirm;
    private final StringBinding allDevicesHelp;
    private final StringBinding unsyncedWarning;
    private boolean allDevicesBeforeBlock;
    private boolean left;
    private java.util.function.Consumer<LogoutOutcome> onDone = outcome -> { };

    private LogoutDialogViewModel(LogoutTarget target, AdminService service, ViewContext context, Clock clock) {
        this.blockOptions = new BlockOptions(clock);
        this.block = blockOptions.blockProperty();
        this.target.set(target);
        this.context = context;
        this.texts = new LogoutTexts(this.target::get, clock);
        this.command = new LogoutCommand(service, this.target::get, context, texts);
        this.service = service;
        this.deviceBlock = new DeviceBlockChoice(this.target.get().session(), clock);
        boolean userTarget = target.isUser();
        allDevicesLocked = block.or(new SimpleBooleanProperty(userTarget));
        allDevices.set(userTarget);
        block.addListener((obs, was, now) -> {
            if (now) {
                allDevicesBeforeBlock = allDevices.get();
                allDevices.set(true);
            } else {
                allDevices.set(allDevicesBeforeBlock || userTarget);
            }
        });
        // The device block is the third way: it excludes blocking the account and all devices.
        BooleanProperty device = deviceBlock.chosenProperty();
        device.addListener((obs, was, now) -> {
            if (now) {
                block.set(false);
                allDevices.set(userTarget);
            }
        });
        block.addListener((obs, was, now) -> device.set(device.get() && !now));
        allDevices.addListener((obs, was, now) -> device.set(device.get() && !now));
        confirm = Bindings.createObjectBinding(() -> device.get() ? Confirm.BLOCK_DEVICE : block.get() ? Confirm.BLOCK_AND_LOG_OUT
                : allDevices.get() ? Confirm.LOG_OUT_ALL_DEVICES : Confirm.LOG_OUT, block, allDevices, device);
        allDevicesHelp = Bindings.createStringBinding(
                () -> block.get() ? Messages.get("logout.block.allDevices") + " " + texts.allDevicesScope() : texts.allDevicesScope(),
                block, this.target);
        unsyncedWarning = Bindings.createStringBinding(() -> texts.unsynced(allDevices.get()), allDevices, this.target);
        afterSync = new AfterSyncOption(() -> !device.get() && this.target.get().offersAfterSync(endsEverySession()), allDevices,
                this.target, device);
    }

    /**
     * The dialog for one session (Active Sessions).
     *
     * @param userSessions every active session of the same user the client knows, this one included
     */
    public static LogoutDialogViewModel forSession(Session session, List<Session> userSessions, AdminService service,
                                                   ViewContext context, Clock clock) {
        return new LogoutDialogViewModel(LogoutTarget.ofSession(session, userSessions), service, context, clock);
    }

    /**
     * The dialog for every session of a user (User Accounts): "Log out from all devices", or with
     * {@code block} checked, "Block and log out" (also for a user without sessions).
     */
    public static LogoutDialogViewModel forUser(User user, List<Session> userSessions, boolean block,
                                                AdminService service, ViewContext context, Clock clock) {
        var vm = new LogoutDialogViewModel(LogoutTarget.ofUser(user, userSessions), service, context, clock);
        vm.block.set(block);
        return vm;
    }

    /**
     * The user's sessions as the live table shows them now (a count of unsynced items that arrived
     * after the dialog opened): the warnings and the "log out after sync" offer follow. The session
     * itself keeps its last known state when it is no longer listed (it ended meanwhile); nothing
     * changes once the log out was sent.
     */
    public void update(List<Session> userSessions) {
        LogoutTarget now = target.get();
        if (now.isUser() || busy.get() || outcome.get() != null) {
            return;
        }
        Session latest = userSessions.stream().filter(s -> s.id().equals(now.session().id())).findFirst()
                .orElse(now.session());
        target.set(LogoutTarget.ofSession(latest, userSessions));
    }

    /** The log out this dialog sends (tests set how its waits pass). */
    LogoutCommand command() {
        return command;
    }

    /**
     * Runs after every confirmed log out, whether the dialog is still open or not, with what the
     * server did (the views remove the ended rows from it).
     */
    public void setOnDone(java.util.function.Consumer<LogoutOutcome> onDone) {
        this.onDone = onDone;
    }

    /** The dialog's words: heading, description, warnings, and the outcome's. */
    public LogoutTexts texts() {
        return texts;
    }

    /** The one rule: blocking ends every session, and so does "Log out from all devices". */
    public boolean endsEverySession() {
        return block.get() || allDevices.get();
    }

    /**
     * The one request of this dialog for a session: Block implies all devices (and may have an
     * end); a blank reason is none.
     */
    public LogoutRequest request() {
        boolean afterSync = this.afterSync.isChosen();
        return new LogoutRequest(endsEverySession(), block.get(), typedReason(), blockOptions.until(),
                afterSync ? Boolean.TRUE : null, afterSync ? AfterSyncOption.SYNC_MINUTES : null);
    }

    private String typedReason() {
        String typed = reason.get() == null ? "" : reason.get().trim();
        return typed.isEmpty() ? null : typed;
    }

    /**
     * The command: sends the log out in the background. The outcome (see {@link #outcomeProperty()})
     * is what the server confirmed; a failure keeps the dialog open with the message.
     */
    public void submit() {
        if (busy.get() || (outcome.get() != null && outcome.get().done()) || !blockOptions.validProperty().get()
                || !deviceBlock.options().validProperty().get()) {
            return;
        }
        if (deviceBlock.isChosen()) {
            submitDeviceBlock();
            return;
        }
        LogoutRequest request = request();
        busy.set(true);
        progressText.set(Messages.get("logout.busy"));
        errorMessage.set(null);
        command.send(request, () -> progressText.set(Messages.get("logout.checking")), this::finish);
    }

    /** "The device is lost or stolen": blocks the device (its sessions of every user end), not the account. */
    private void submitDeviceBlock() {
        String reason = typedReason();
        busy.set(true);
        progressText.set(Messages.get("logout.blockDevice.busy"));
        errorMessage.set(null);
        context.runner().run(() -> deviceBlock.send(service, reason), result -> finish(deviceBlock.outcome(result)), error -> {
            busy.set(false);
            if (!context.handledGlobally(error)) {
                finish(new LogoutOutcome(false, error.message()));
            }
        });
    }

    private void finish(LogoutOutcome result) {
        busy.set(false);
        progressText.set(Messages.get("logout.busy"));
        outcome.set(result);
        if (result.done()) {
            context.notifier().accept(result.message());
            onDone.accept(result);
        } else if (left) {
            context.notifier().accept(result.message());
        } else {
            errorMessage.set(result.message());
        }
    }

    /** The admin closed the dialog while the server was still working: the outcome comes as a notification. */
    public void leave() {
        left = true;
    }

    /** The session the dialog is about; null when it is about a user (User Accounts). */
    public Session session() {
        return target.get().session();
    }

    public String username() {
        return target.get().username();
    }

    /** "The device is lost or stolen: block this device", and until when. */
    public DeviceBlockChoice deviceBlock() {
        return deviceBlock;
    }

    /** Whether to block and until when. */
    public BlockOptions blockOptions() {
        return blockOptions;
    }

    public BooleanProperty blockProperty() {
        return block;
    }

    public BooleanProperty allDevicesProperty() {
        return allDevices;
    }

    /** "Log out after the device has synced": offered, chosen, and the warning it changes. */
    public AfterSyncOption afterSync() {
        return afterSync;
    }

    /** "Log out from all devices" cannot be unchecked while Block is checked, nor for a user. */
    public ObservableBooleanValue allDevicesLocked() {
        return allDevicesLocked;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Logging out…", or while asking a server that did not answer, what the client is doing. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Set once the server confirmed (done) or refused; the dialog closes on a done outcome. */
    public ReadOnlyObjectProperty<LogoutOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObjectBinding<Confirm> confirm() {
        return confirm;
    }

    public StringBinding allDevicesHelp() {
        return allDevicesHelp;
    }

    public StringBinding unsyncedWarning() {
        return unsyncedWarning;
    }
}
