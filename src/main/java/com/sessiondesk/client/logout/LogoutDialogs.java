package com.sessiondesk.client.logout;

import com.sessiondesk.api.BulkLogoutResult;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Opens the dialogs of this package: the Logout User Account dialog ({@link LogoutDialog}) and
 * the one confirmation of a log out of many sessions ({@link BulkLogoutDialog}). View-model tests
 * answer as a user would.
 */
public interface LogoutDialogs {

    /**
     * Shows the Logout User Account dialog. The outcome itself arrives through the view model,
     * also when the admin left the dialog while the server was still working.
     */
    void show(LogoutDialogViewModel viewModel);

    /**
     * Shows the one confirmation of a log out of many sessions until it was done or cancelled.
     *
     * @return what the server did, or empty when cancelled
     */
    Optional<BulkLogoutResult> showBulkLogoutDialog(BulkLogoutViewModel viewModel);

    /** The real dialogs, modal over {@code owner} until the server confirmed or the admin left them. */
    static LogoutDialogs over(Window owner) {
        return new LogoutDialogs() {
            @Override
            public void show(LogoutDialogViewModel viewModel) {
                LogoutDialog.showOver(owner, viewModel);
            }

            @Override
            public Optional<BulkLogoutResult> showBulkLogoutDialog(BulkLogoutViewModel viewModel) {
                return BulkLogoutDialog.show(owner, viewModel);
            }
        };
    }
}
