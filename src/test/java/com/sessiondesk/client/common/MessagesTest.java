package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import com.ibm.icu.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The two bundles are complete and every text of the client comes from them: no key missing in
 * either, no key used that neither has, no literal text in FXML or in the code of the views.
 * ViewTextsGuiTest checks the same on the live scene graph.
 */
class MessagesTest {

    static final Path BUNDLES = Path.of("src/main/resources/i18n");
    static final Path CLIENT = Path.of("src/main/java/com/sessiondesk/client");

    static Properties bundle(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void oneEnglishAndOneSpanishBundleWithTheSameKeysAndNoEmptyText() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("messages.properties", "messages_es.properties");
        }
        Properties english = bundle("messages.properties");
        Properties spanish = bundle("messages_es.properties");
        assertThat(new TreeSet<>(spanish.stringPropertyNames())).as("keys of messages_es.properties")
                .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as(key).isNotBlank();
            assertThat(spanish.getProperty(key)).as(key).isNotBlank();
        }
    }

    @Test
    void spanishTextsTakeTheSameArgumentsAndAreValidFormats() throws IOException {
        Properties english = bundle("messages.properties");
        Properties spanish = bundle("messages_es.properties");
        Pattern argument = Pattern.compile("\\{(\\d+)");
        for (String key : english.stringPropertyNames()) {
            Set<String> en = new TreeSet<>();
            Set<String> es = new TreeSet<>();
            argument.matcher(english.getProperty(key)).results().forEach(m -> en.add(m.group(1)));
            argument.matcher(spanish.getProperty(key)).results().forEach(m -> es.add(m.group(1)));
            assertThat(es).as("arguments of " + key).isEqualTo(en);
            if (!en.isEmpty()) {
                new MessageFormat(english.getProperty(key), Locale.ENGLISH); // throws when malformed
                new MessageFormat(spanish.getProperty(key), Locale.forLanguageTag("es"));
            }
        }
    }

    @Test
    void everyKeyUsedInFxmlAndCodeIsInTheBundle() throws IOException {
        Properties english = bundle("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path fxml : files(Path.of("fxml"), ".fxml")) {
            Matcher m = Pattern.compile("=\"%([^\"]+)\"").matcher(Files.readString(fxml));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(fxml.getFileName() + ": " + m.group(1));
                }
            }
        }
        for (Path java : files(CLIENT, ".java")) {
            Matcher m = Pattern.compile("Messages\\.(?:get|format|has)\\(\"([^\"]+)\"").matcher(Files.readString(java));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(java.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void noTextIsWrittenIntoAnFxmlFile() throws IOException {
        List<String> literal = new ArrayList<>();
        Pattern attribute = Pattern.compile("\\b(text|promptText|accessibleText|accessibleHelp|title|headerText|contentText)=\"([^\"]*)\"");
        for (Path fxml : files(Path.of("fxml"), ".fxml")) {
            Matcher m = attribute.matcher(Files.readString(fxml));
            while (m.find()) {
                String value = m.group(2);
                if (!value.isEmpty() && !value.startsWith("%")) {
                    literal.add(fxml.getFileName() + ": " + m.group());
                }
            }
        }
        assertThat(literal).as("use %key from i18n/messages.properties").isEmpty();
    }

    @Test
    void noTextIsWrittenIntoTheCodeOfTheClient() throws IOException {
        // A string literal with a letter handed to something that shows it.
        Pattern shown = Pattern.compile("(new (?:Label|Button|Tooltip|CheckBox|ToggleButton|Hyperlink|MenuItem|RadioMenuItem|ButtonType|TableColumn<[^>]*>)"
                + "|\\.set(?:Text|PromptText|AccessibleText|AccessibleHelp|Title|HeaderText|ContentText|Placeholder)"
                + "|notifier\\(\\)\\.accept|\\.notify|\\.confirm|\\.confirmWithReason|\\.showError|\\.connecting)"
                + "\\(\\s*\"[^\"]*\\p{L}[^\"]*\"");
        List<String> literal = new ArrayList<>();
        for (Path java : files(CLIENT, ".java")) {
            Matcher m = shown.matcher(Files.readString(java));
            while (m.find()) {
                literal.add(java.getFileName() + ": " + m.group());
            }
        }
        assertThat(literal).as("use Messages.get / Messages.format").isEmpty();
    }

    @Test
    void aLanguageTheClientLacksReadsEnglishAndSpanishReadsSpanish() {
        try {
            Messages.use(Locale.forLanguageTag("fr-FR"));
            assertThat(Messages.get("common.refresh")).isEqualTo("Refresh");
            Messages.use(Locale.forLanguageTag("es-MX"));
            assertThat(Messages.get("common.refresh")).isEqualTo("Actualizar");
            assertThat(Messages.language()).isEqualTo("es");
            assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
        } finally {
            Messages.use(Locale.ENGLISH);
        }
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }
}
