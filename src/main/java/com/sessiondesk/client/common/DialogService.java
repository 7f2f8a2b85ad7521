package com.sessiondesk.client.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Shows the client's simple questions, owned by the main window. View models call it and stay
 * testable with a fake that answers as a user would. (The log out dialogs have their own opener,
 * logout.LogoutDialogs.)
 */
public interface DialogService {

    /**
     * A yes/no question; true when the user confirmed with the button named {@code confirmText}.
     * The dialog opens with Cancel focused and no default button: Enter alone confirms nothing.
     */
    boolean confirm(String title, String header, String content, String confirmText);

    /**
     * Where to save an export (a file chooser for CSV files).
     *
     * @return the file, or empty when cancelled
     */
    Optional<Path> chooseExportFile(String title, String suggestedName);
}
