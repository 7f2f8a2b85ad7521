package com.sessiondesk.client;

import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
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

    @Override
    public Optional<String> showLogoutDialog(LogoutDialogViewModel viewModel) {
        lastLogoutDialog = viewModel;
        asked.add(viewModel.heading());
        if (inLogoutDialog == null) {
            return Optional.empty();
        }
        inLogoutDialog.accept(viewModel);
        AtomicReference<String> done = new AtomicReference<>();
        viewModel.submit(done::set); // the inline runner answers at once
        return Optional.ofNullable(done.get());
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
