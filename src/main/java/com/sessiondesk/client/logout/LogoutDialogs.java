package com.sessiondesk.client.logout;

/**
 * Opens the Logout User Account dialog (the real one is {@link LogoutDialog}; view-model tests
 * answer as a user would). The outcome itself arrives through the view model, also when the
 * admin left the dialog while the server was still working.
 */
@FunctionalInterface
public interface LogoutDialogs {

    void show(LogoutDialogViewModel viewModel);
}
