package com.sessiondesk.client.export;

import com.sessiondesk.client.common.ExportColumn;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows to a CSV file (RFC 4180 quoting by Apache Commons CSV, UTF-8, a header row). The
 * file appears whole or not at all: it is written beside the target and moved over it. Every cell
 * a spreadsheet would run as a formula is written as text (see {@link #neutralised(String)}).
 */
public final class CsvExport {

    /** How often progress is reported, in rows. */
    static final int PROGRESS_STEP = 2_000;

    /** The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvExport() {
    }

    /**
     * @param progress told the number of rows written so far, every {@link #PROGRESS_STEP} rows and at the end
     */
    public static <T> void write(Path file, List<? extends T> rows, List<ExportColumn<T>> columns, LongConsumer progress)
            throws IOException {
        List<String> headers = new ArrayList<>(columns.size());
        for (ExportColumn<T> column : columns) {
            headers.add(column.header());
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(headers.toArray(String[]::new)).get();
        Path parent = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(parent, ".export-", ".csv.tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter printer = new CSVPrinter(writer, format)) {
                List<String> record = new ArrayList<>(columns.size());
                long written = 0;
                for (T row : rows) {
                    record.clear();
                    for (ExportColumn<T> column : columns) {
                        String text = column.value().apply(row);
                        record.add(neutralised(text));
                    }
                    printer.printRecord(record);
                    if (++written % PROGRESS_STEP == 0) {
                        progress.accept(written);
                    }
                }
                progress.accept(written);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The cell's text, with a leading apostrophe when it starts with {@code =}, {@code +}, {@code -},
     * {@code @}, a tab or a carriage return, so that a spreadsheet shows it as text instead of
     * running it (OWASP's rule against CSV injection). It applies to every column alike: device
     * names, reasons and user names come from outside, and no exported number is negative.
     */
    static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
