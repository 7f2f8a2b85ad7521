package com.sessiondesk.client.export;

import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.ClientException;
import com.sessiondesk.client.common.ExportColumn;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Exports what a view shows to a CSV file the admin chooses: written in the background with its
 * progress (the window never waits for the disk), then a notification says where it went.
 */
public final class Exporter {

    private final ViewContext context;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");

    public Exporter(ViewContext context) {
        this.context = context;
    }

    /**
     * Asks for a file, then writes the rows (a copy: the view may change meanwhile).
     *
     * @param singular  "session", for "Exported 1 session"
     * @param plural    "sessions"
     * @param fileName  the suggested file name, e.g. "sessions.csv"
     */
    public <T> void export(String singular, String plural, String fileName, List<T> rows, List<ExportColumn<T>> columns) {
        if (busy.get()) {
            return;
        }
        Optional<Path> chosen = context.dialogs().chooseExportFile(Messages.format("export.title", plural), fileName);
        if (chosen.isEmpty()) {
            return;
        }
        Path file = chosen.get();
        List<T> snapshot = List.copyOf(rows);
        int total = snapshot.size();
        busy.set(true);
        progress.set(0);
        progressText.set(Messages.format("export.progress", total));
        context.runner().run(() -> {
            try {
                CsvExport.write(file, snapshot, columns, written -> context.runner().later(() -> {
                    progress.set(total == 0 ? 1 : (double) written / total);
                    progressText.set(Messages.format("export.progressOf", written, total));
                }));
            } catch (IOException e) {
                throw new ClientException(new ClientError.Unexpected(Messages.format("export.writeFailed", String.valueOf(file), e.getMessage())));
            }
            return total;
        }, written -> {
            busy.set(false);
            progress.set(1);
            context.notifier().accept(Messages.format("export.done", written, singular, plural, String.valueOf(file.getFileName())));
        }, error -> {
            busy.set(false);
            context.notifier().accept(Messages.format("export.failed", error.message()));
        });
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }
}
