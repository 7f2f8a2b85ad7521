package com.sessiondesk.client.incidents;

import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockChange;
import com.sessiondesk.client.common.BaseListViewModel;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The blocked devices (lost or stolen phones), newest block first, and Unblock. A device blocked or
 * unblocked anywhere (the change feed's device block changes) reloads the list.
 */
public final class BlockedDevicesViewModel extends BaseListViewModel<DeviceBlock> {

    private AdminService service;

    private final ObservableList<DeviceBlock> devices = FXCollections.observableArrayList();

    public BlockedDevicesViewModel(ViewContext context, Clock clock) {
        super(context, clock);
        updateTexts();
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        refresh();
    }

    public void disconnect() {
        service = null;
        state().reset();
        devices.clear();
        updateTexts();
    }

    @Override
    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        context.load(state(), current::blockedDevices, loaded -> {
            devices.setAll(loaded);
            updateTexts();
        }, () -> !devices.isEmpty());
    }

    /** The feed says devices were blocked or unblocked (here or by another admin): the list reloads. */
    public void changed(List<DeviceBlockChange> changes) {
        if (changes != null && !changes.isEmpty()) {
            refresh();
        }
    }

    /** Asks for confirmation, then unblocks: the device may sign in again. */
    public void unblock(DeviceBlock device) {
        if (service == null || device == null) {
            return;
        }
        String name = name(device);
        if (!context.dialogs().confirm(Messages.get("devices.unblock.title"), Messages.format("devices.unblock.header", name),
                Messages.get("devices.unblock.content"), Messages.get("devices.unblock"))) {
            return;
        }
        AdminService current = service;
        context.runner().run(() -> {
            current.unblockDevice(device.deviceId());
            return device;
        }, unblocked -> {
            context.notifier().accept(Messages.format("devices.unblocked", name));
            refresh();
        }, this::actionFailed);
    }

    /** The model, else the id. */
    static String name(DeviceBlock device) {
        return device.deviceModel() == null || device.deviceModel().isBlank() ? device.deviceId() : device.deviceModel();
    }

    @Override
    protected void updateTexts() {
        showTexts(Messages.format("devices.count", devices.size()),
                Messages.get(devices.isEmpty() && state().isLoading() ? "devices.loading" : "devices.placeholder"));
    }

    @Override
    public ObservableList<DeviceBlock> shown() {
        return devices;
    }
}
