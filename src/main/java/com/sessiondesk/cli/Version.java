package com.sessiondesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The project's version, written into {@code version.properties} by the build (a filtered resource). */
public final class Version implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"SessionDesk " + project()};
    }

    public static String project() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
