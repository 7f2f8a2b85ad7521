package com.sessiondesk.client.common;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** How the window asks for a file to save to: the system's file chooser (tests answer it themselves). */
@FunctionalInterface
public interface FileChoice {

    Optional<Path> saveFile(Window owner, String title, String suggestedName);

    /** The system's save dialog for CSV files; it opens where the last export went. */
    static FileChoice fileChooser() {
        File[] lastDirectory = new File[1];
        return (owner, title, suggestedName) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("export.csvFiles"), "*.csv"));
            if (lastDirectory[0] != null && lastDirectory[0].isDirectory()) {
                chooser.setInitialDirectory(lastDirectory[0]);
            }
            File file = chooser.showSaveDialog(owner);
            if (file == null) {
                return Optional.empty();
            }
            lastDirectory[0] = file.getParentFile();
            return Optional.of(file.toPath());
        };
    }
}
