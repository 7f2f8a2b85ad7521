package com.sessiondesk.server.store;

import com.sessiondesk.common.AppDirs;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library unpacked in the data directory and points the driver at it.
 * By default the driver unpacks the library into the temp directory at every start and then
 * compares it with the jar's copy byte by byte: about a fifth of the session service's start-up
 * (measured with JFR). Unpacked once per driver version here, later starts load it after checking
 * it: its SHA-256 must be the jar's copy's, or it is unpacked again (a library swapped by someone who
 * can write there is never loaded, whatever its size). Anything going wrong leaves the driver to its
 * default way.
 */
final class SqliteNativeLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Before the driver loads its library (i.e. before the first SQLite connection). */
    static synchronized void prepare() {
        if (prepared || System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) {
            return; // done already, or chosen by whoever runs us
        }
        prepared = true;
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String platformPath = LibraryLoaderUtil.getNativeLibResourcePath(); // may ask the OS (uname): once
            URL resource = SQLiteJDBCLoader.class.getResource(platformPath + "/" + name);
            if (resource == null) {
                return; // no bundled library for this platform: the driver reports it
            }
            Path folder = AppDirs.dataDir().resolve("native").resolve("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion()
                    + "-" + platformPath.replaceAll("[^A-Za-z0-9._-]+", "_"));
            cached(resource, folder, name);
            System.setProperty(PATH_PROPERTY, folder.toAbsolutePath().toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            // the driver unpacks it into the temp directory as usual
        }
    }

    /**
     * The library {@code name} in {@code folder}, the same bytes as {@code resource} (compared by
     * SHA-256): unpacked again when missing or different.
     */
    static Path cached(URL resource, Path folder, String name) throws IOException {
        Path library = folder.resolve(name);
        byte[] expected;
        try (InputStream in = resource.openStream()) {
            expected = sha256(in);
        }
        if (Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)) {
            try (InputStream in = Files.newInputStream(library, LinkOption.NOFOLLOW_LINKS)) {
                if (MessageDigest.isEqual(expected, sha256(in))) {
                    return library;
                }
            }
        }
        unpack(resource, folder, library);
        return library;
    }

    private static byte[] sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** Into a temporary file first, then moved in place: a reader never sees a half-written library. */
    private static void unpack(URL resource, Path folder, Path library) throws IOException {
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, "unpacking-", ".tmp");
        try {
            try (InputStream in = resource.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
