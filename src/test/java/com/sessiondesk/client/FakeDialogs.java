package com.sessiondesk.client;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Answers dialogs as a user would; records what was asked. */
public final class FakeDialogs implements DialogService, LogoutDialogs {

    public final List<String> asked = new ArrayList<>();
    public boolean confirmAnswer = true;
    /** What the "user" does in the logout dialog before pressing its confirm button; null cancels. */
    public Consumer<LogoutDialogViewModel> inLogoutDialog;
    public LogoutDialogViewModel lastLogoutDialog;
    /** What the "user" does in the bulk confirmation before confirming; null cancels. */
    public Consumer<BulkLogoutViewModel> inBulkDialog;
    public BulkLogoutViewModel lastBulkDialog;
    /** The file the "user" picks for an export; null cancels. */
    public Path exportFile;

    @Override
    public void show(LogoutDialogViewModel viewModel) {
        lastLogoutDialog = viewModel;
        asked.add(viewModel.texts().heading());
        if (inLogoutDialog != null) {
            inLogoutDialog.accept(viewModel);
            viewModel.submit(); // the inline runner answers at once
        }
    }

    @Override
    public Optional<BulkLogoutResult> showBulkLogoutDialog(BulkLogoutViewModel viewModel) {
        lastBulkDialog = viewModel;
        asked.add(viewModel.heading());
        if (inBulkDialog == null) {
            return Optional.empty();
        }
        inBulkDialog.accept(viewModel);
        AtomicReference<BulkLogoutResult> done = new AtomicReference<>();
        viewModel.submit(done::set);
        return Optional.ofNullable(done.get());
    }

    @Override
    public Optional<Path> chooseExportFile(String title, String suggestedName) {
        asked.add(title + " " + suggestedName);
        return Optional.ofNullable(exportFile);
    }

    @Override
    public boolean confirm(String title, String header, String content, String confirmText) {
        asked.add(header);
        return confirmAnswer;
    }
}
