package com.sessiondesk.client.common;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.client.logout.BlockOptions;
import com.sessiondesk.client.logout.BulkLogoutViewModel;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Shows the client's dialogs, owned by the main window. View models call it and stay testable
 * with a fake that answers as a user would.
 */
public interface DialogService {

    /**
     * Shows the Logout User Account dialog until the logout succeeded or the user cancelled.
     *
     * @return what the server did, or empty when cancelled
     */
    Optional<LogoutResult> showLogoutDialog(LogoutDialogViewModel viewModel);

    /**
     * Shows the one confirmation of a log out of many sessions until it was done or cancelled.
     *
     * @return what the server did, or empty when cancelled
     */
    Optional<BulkLogoutResult> showBulkLogoutDialog(BulkLogoutViewModel viewModel);

    /**
     * Confirms a block, with its end ({@code options}, Block already checked) and an optional reason.
     *
     * @return the reason typed (possibly empty) when confirmed, or empty when cancelled
     */
    Optional<String> confirmBlock(String title, String header, String warning, BlockOptions options);

    /** A yes/no question; true when the user confirmed with the button named {@code confirmText}. */
    boolean confirm(String title, String header, String content, String confirmText);

    /**
     * A confirmation with an optional reason field (shown to the user on the device).
     *
     * @return the reason typed (possibly empty) when confirmed, or empty when cancelled
     */
    Optional<String> confirmWithReason(String title, String header, String warning, String confirmText);

    /**
     * Where to save an export (a file chooser for CSV files).
     *
     * @return the file, or empty when cancelled
     */
    Optional<Path> chooseExportFile(String title, String suggestedName);
}
