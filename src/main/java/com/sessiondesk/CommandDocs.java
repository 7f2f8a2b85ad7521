package com.sessiondesk;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.ManPage;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.cli.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the installed launchers' bash completion and man pages, generated from their commands, in
 * the layout of {@code /usr/share}: {@code CommandDocs DIR} (the installer profile runs it; the
 * .deb links them into /usr/share).
 */
public final class CommandDocs {

    /** The launchers of the installed application (installer/linux/app-image.args) and their commands. */
    static final Map<String, Object> LAUNCHERS = Map.of("SessionDesk", new Main(), "sessiondesk-server", new ServerMain());

    private CommandDocs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("Usage: CommandDocs DIR");
            System.exit(2);
        }
        write(Path.of(args[0])).forEach(path -> System.out.println("wrote " + path));
    }

    static List<Path> write(Path share) throws IOException {
        // No environment: the pages show the built-in defaults, not the build machine's variables.
        Terminal terminal = new Terminal(InputStream.nullInputStream(), System.out, System.err, Map.of());
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, Object> launcher : LAUNCHERS.entrySet()) {
            String name = launcher.getKey();
            CommandLine command = Cli.commandLine(launcher.getValue(), terminal).setCommandName(name);
            written.add(write(share.resolve("bash-completion/completions/" + name), AutoComplete.bash(name, command)));
            written.add(write(share.resolve("man/man1/" + name + ".1"), ManPage.of(command, Version.project())));
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
