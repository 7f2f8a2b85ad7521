package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No text of the repository cites a document that is not in it: every Markdown document named in
 * a source, script, build or documentation file, and every relative link of a Markdown file, is a
 * file of the repository (found beside the citing file, from the root, or by its name).
 */
class DocumentReferencesTest {

    private static final Path ROOT = Path.of("");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", ".git", "node_modules", ".idea");
    private static final Set<String> BINARY = Set.of("png", "jpg", "ico", "icns", "jar", "bss", "db", "gif", "svgz");
    private static final Pattern DOCUMENT = Pattern.compile("(?<![\\w./-])((?:[\\w.-]+/)*[\\w.-]+\\.md)(?![\\w/])");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)");

    @Test
    void everyCitedDocumentIsInTheRepository() throws IOException {
        List<Path> files = textFiles();
        Set<String> names = new HashSet<>();
        files.forEach(file -> names.add(file.getFileName().toString()));
        List<String> missing = new ArrayList<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notText) {
                continue;
            }
            Matcher document = DOCUMENT.matcher(text);
            while (document.find()) {
                String cited = document.group(1);
                if (!exists(file, cited) && !names.contains(Path.of(cited).getFileName().toString())) {
                    missing.add(file + " cites " + cited);
                }
            }
            if (file.toString().endsWith(".md")) {
                Matcher link = LINK.matcher(text);
                while (link.find()) {
                    String target = link.group(1);
                    if (!target.contains(":") && !exists(file, target)) {
                        missing.add(file + " links to " + target);
                    }
                }
            }
        }
        assertThat(missing).as("documents cited but not in the repository").isEmpty();
    }

    private static boolean exists(Path citing, String cited) {
        Path folder = citing.getParent() == null ? ROOT : citing.getParent();
        return Files.exists(folder.resolve(cited)) || Files.exists(ROOT.resolve(cited));
    }

    private static List<Path> textFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> {
                        for (Path part : file) {
                            if (SKIPPED_FOLDERS.contains(part.toString())) {
                                return false;
                            }
                        }
                        String name = file.getFileName().toString();
                        int dot = name.lastIndexOf('.');
                        return dot < 0 || !BINARY.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
                    })
                    .toList();
        }
    }
}
