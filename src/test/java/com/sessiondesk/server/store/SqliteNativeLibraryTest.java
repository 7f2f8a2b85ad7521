package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cached native library is loaded only when it is, byte for byte (SHA-256), the jar's copy. */
class SqliteNativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void aSwappedLibraryOfTheSameSizeIsReplacedBeforeItIsLoaded() throws Exception {
        Path jarCopy = Files.writeString(dir.resolve("in-the-jar.so"), "the real library", StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(dir.resolve("native"));
        Path cached = Files.writeString(folder.resolve("libsqlitejdbc.so"), "an evil library!", StandardCharsets.UTF_8);
        assertThat(Files.size(cached)).isEqualTo(Files.size(jarCopy));

        Path loaded = SqliteNativeLibrary.cached(jarCopy.toUri().toURL(), folder, "libsqlitejdbc.so");

        assertThat(loaded).isEqualTo(cached);
        assertThat(Files.readString(loaded)).isEqualTo("the real library");
    }

    @Test
    void theRightLibraryIsKeptAndAMissingOneUnpacked() throws Exception {
        Path jarCopy = Files.writeString(dir.resolve("in-the-jar.so"), "the real library", StandardCharsets.UTF_8);
        Path folder = dir.resolve("native");
        Path loaded = SqliteNativeLibrary.cached(jarCopy.toUri().toURL(), folder, "lib.so");
        assertThat(Files.readString(loaded)).isEqualTo("the real library");
        long modified = Files.getLastModifiedTime(loaded).toMillis();
        Files.setLastModifiedTime(loaded, java.nio.file.attribute.FileTime.fromMillis(modified - 60_000));
        assertThat(SqliteNativeLibrary.cached(jarCopy.toUri().toURL(), folder, "lib.so")).isEqualTo(loaded);
        assertThat(Files.getLastModifiedTime(loaded).toMillis()).as("not unpacked again").isEqualTo(modified - 60_000);
    }

    @Test
    void aSymbolicLinkInPlaceOfTheLibraryIsReplacedNotFollowed() throws Exception {
        Path jarCopy = Files.writeString(dir.resolve("in-the-jar.so"), "the real library", StandardCharsets.UTF_8);
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.so"), "the real library", StandardCharsets.UTF_8);
        Path folder = Files.createDirectories(dir.resolve("native"));
        Path link = Files.createSymbolicLink(folder.resolve("lib.so"), elsewhere);
        Path loaded = SqliteNativeLibrary.cached(jarCopy.toUri().toURL(), folder, "lib.so");
        assertThat(Files.isSymbolicLink(loaded)).isFalse();
        assertThat(loaded).isEqualTo(link);
        assertThat(Files.readString(loaded)).isEqualTo("the real library");
    }
}
