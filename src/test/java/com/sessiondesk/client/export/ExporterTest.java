package com.sessiondesk.client.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.ExportColumn;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExporterTest {

    record Person(String name, String note) {
    }

    static final List<ExportColumn<Person>> COLUMNS = List.of(
            new ExportColumn<>("Name", Person::name), new ExportColumn<>("Note", Person::note));

    @TempDir
    Path dir;

    final TestContexts t = new TestContexts();

    private List<CSVRecord> readBack(Path file) throws Exception {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(false).get().parse(reader).getRecords();
        }
    }

    @Test
    void writesTheRowsWithTheHeadersQuotingCommasQuotesAndLineBreaksInUtf8() throws Exception {
        Path file = dir.resolve("people.csv");
        t.dialogs.exportFile = file;
        List<Person> rows = List.of(new Person("José Núñez", "a, b"), new Person("Zoë \"Z\"", "line 1\nline 2"),
                new Person("Ann", null));

        new Exporter(t.context).export("person", "people", "people.csv", rows, COLUMNS);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("Name,Note\r\n");
        List<CSVRecord> records = readBack(file);
        assertThat(records).hasSize(3);
        assertThat(records.get(0).get("Name")).isEqualTo("José Núñez");
        assertThat(records.get(0).get("Note")).isEqualTo("a, b");
        assertThat(records.get(1).get("Name")).isEqualTo("Zoë \"Z\"");
        assertThat(records.get(1).get("Note")).isEqualTo("line 1\nline 2");
        assertThat(records.get(2).get("Note")).isEmpty();
        assertThat(t.notifications).containsExactly("Exported 3 people to people.csv");
        assertThat(t.dialogs.asked).containsExactly("Export people to CSV people.csv");
    }

    @Test
    void cancellingTheFileChooserWritesNothing() {
        t.dialogs.exportFile = null;
        Exporter exporter = new Exporter(t.context);
        exporter.export("person", "people", "people.csv", List.of(new Person("Ann", "")), COLUMNS);
        assertThat(t.notifications).isEmpty();
        assertThat(exporter.busyProperty().get()).isFalse();
    }

    @Test
    void reportsProgressForLargeExportsAndEndsAtTheWhole() throws Exception {
        Path file = dir.resolve("many.csv");
        List<Person> rows = IntStream.range(0, 10_000).mapToObj(i -> new Person("p" + i, "")).toList();
        List<Long> progress = new ArrayList<>();
        CsvExport.write(file, rows, COLUMNS, progress::add);
        assertThat(progress).containsExactly(2_000L, 4_000L, 6_000L, 8_000L, 10_000L, 10_000L);
        assertThat(readBack(file)).hasSize(10_000);
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedAndNothingIsLeftBehind() throws Exception {
        Path file = dir.resolve("missing-folder").resolve("x.csv");
        t.dialogs.exportFile = file;
        Exporter exporter = new Exporter(t.context);
        exporter.export("person", "people", "x.csv", List.of(new Person("Ann", "")), COLUMNS);
        assertThat(t.notifications).singleElement().asString().startsWith("Export failed. Could not write");
        assertThat(exporter.busyProperty().get()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
