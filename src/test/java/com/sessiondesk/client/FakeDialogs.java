package com.sessiondesk.client;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.logout.BlockOptions;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Answers dialogs as a user would; records what was asked. */
public final class FakeDialogs implements DialogService {

    public final List<String> asked = new ArrayList<>();
    public boolean confirmAnswer = true;
    public String reasonAnswer = "";
    /** What the "user" does in the logout dialog before pressing Log out; null cancels. */
    public Consumer<LogoutDialogViewModel> inLogoutDialog;
    public LogoutDialogViewModel lastLogoutDialog;
    /** What the "user" does in the bulk confirmation before confirming; null cancels. */
    public Consumer<BulkLogoutViewModel> inBulkDialog;
    public BulkLogoutViewModel lastBulkDialog;
    /** What the "user" picks in the block dialog before confirming (Block is checked already). */
    public Consumer<BlockOptions> inBlockDialog = options -> { };
    /** The file the "user" picks for an export; null cancels. */
    public Path exportFile;

    @Override
    public Optional<LogoutResult> showLogoutDialog(LogoutDialogViewModel viewModel) {
        lastLogoutDialog = viewModel;
        asked.add(viewModel.heading());
        if (inLogoutDialog == null) {
            return Optional.empty();
        }
        inLogoutDialog.accept(viewModel);
        AtomicReference<LogoutResult> done = new AtomicReference<>();
        viewModel.submit(done::set); // the inline runner answers at once
        return Optional.ofNullable(done.get());
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
    public Optional<String> confirmBlock(String title, String header, String warning, BlockOptions options) {
        asked.add(header + "\n" + warning);
        if (!confirmAnswer) {
            return Optional.empty();
        }
        inBlockDialog.accept(options);
        return Optional.of(reasonAnswer);
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

    @Override
    public Optional<String> confirmWithReason(String title, String header, String warning, String confirmText) {
        asked.add(header + "\n" + warning);
        return confirmAnswer ? Optional.of(reasonAnswer) : Optional.empty();
    }
}
