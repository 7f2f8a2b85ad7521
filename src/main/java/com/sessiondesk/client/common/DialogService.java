package com.sessiondesk.client.common;

import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.util.Optional;

/**
 * Shows the client's dialogs, owned by the main window. View models call it and stay testable
 * with a fake that answers as a user would.
 */
public interface DialogService {

    /**
     * Shows the Logout User Account dialog until the logout succeeded or the user cancelled.
     *
     * @return the notification text of the logout that was done, or empty when cancelled
     */
    Optional<String> showLogoutDialog(LogoutDialogViewModel viewModel);

    /** A yes/no question; true when the user confirmed with the button named {@code confirmText}. */
    boolean confirm(String title, String header, String content, String confirmText);

    /**
     * A confirmation with an optional reason field (shown to the user on the device).
     *
     * @return the reason typed (possibly empty) when confirmed, or empty when cancelled
     */
    Optional<String> confirmWithReason(String title, String header, String warning, String confirmText);
}
