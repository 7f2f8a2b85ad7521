package com.sessiondesk.client;

import com.sessiondesk.client.common.DialogService;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Answers dialogs as a user would; records what was asked. */
public final class FakeDialogs implements DialogService, LogoutDialogs {

    public final List<String> asked = new ArrayList<>();
    public boolean confirmAnswer = true;
    /** What the "user" does in the logout dialog before pressing its confirm button; null cancels. */
    public Consumer<LogoutDialogViewModel> inLogoutDialog;
    public LogoutDialogViewModel lastLogoutDialog;

    @Override
    public void show(LogoutDialogViewModel viewModel) {
        lastLogoutDialog = viewModel;
        asked.add(viewModel.heading());
        if (inLogoutDialog != null) {
            inLogoutDialog.accept(viewModel);
            viewModel.submit(); // the inline runner answers at once
        }
    }

    @Override
    public boolean confirm(String title, String header, String content, String confirmText) {
        asked.add(header);
        return confirmAnswer;
    }
}
