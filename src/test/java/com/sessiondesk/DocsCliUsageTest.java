package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.cli.TestTerminal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The docs' command sections are the commands' own {@code --help}: each block after a marker
 * {@code <!-- help: COMMAND... --help -->} must be that output. After changing a command, rewrite
 * the blocks with {@code mvn test -Dtest=DocsCliUsageTest -Dsessiondesk.updateDocs=true}.
 * The README stays a front page: its first commands are the run and test commands.
 */
class DocsCliUsageTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- help: (.+?) -->\n```text\n(.*?)```\n", Pattern.DOTALL);
    private static final boolean UPDATE = Boolean.getBoolean("sessiondesk.updateDocs");

    @Test
    void theUserGuideShowsTheClientsHelp() throws IOException {
        assertThat(checkBlocks(Path.of("docs/user-guide.md"))).containsExactly("sessiondesk --help");
    }

    @Test
    void theServiceDocShowsTheHelpOfEveryServiceCommand() throws IOException {
        assertThat(checkBlocks(Path.of("docs/service.md"))).containsExactlyInAnyOrder("sessiondesk serve --help",
                "sessiondesk user add --help", "sessiondesk user passwd --help", "sessiondesk user promote --help",
                "sessiondesk user demote --help", "sessiondesk simulate --help");
    }

    @Test
    void theReadmeIsAFrontPageWhoseFirstCommandsRunAndTestTheApp() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        assertThat(lines).as("README.md fits on a screen or two").hasSizeLessThanOrEqualTo(150);
        List<String> commands = lines.stream().filter(line -> line.startsWith("    ")).map(String::strip).toList();
        assertThat(commands).as("the README's commands").startsWith("mvn javafx:run", "mvn verify");
        assertThat(checkBlocks(Path.of("README.md"))).as("the commands' help lives in docs/").isEmpty();
    }

    @Test
    void installerReadmeShowsTheServerLaunchersHelp() throws IOException {
        assertThat(checkBlocks(Path.of("installer/README.md"))).containsExactly("sessiondesk-server --help");
    }

    /** The commands whose help the file shows; fails when a block differs from the help (unless updating). */
    private static Set<String> checkBlocks(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(text);
        Set<String> commands = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        StringBuilder updated = new StringBuilder();
        while (block.find()) {
            String command = block.group(1);
            commands.add(command);
            String help = help(command);
            if (!help.equals(block.group(2))) {
                stale.add(command + ":\n" + help);
            }
            block.appendReplacement(updated, Matcher.quoteReplacement("<!-- help: " + command + " -->\n```text\n" + help + "```\n"));
        }
        block.appendTail(updated);
        if (UPDATE && !stale.isEmpty()) {
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } else {
            assertThat(stale).as("%s differs from the --help output; rewrite it with -Dsessiondesk.updateDocs=true", file)
                    .isEmpty();
        }
        return commands;
    }

    private static String help(String commandLine) {
        String[] words = commandLine.split(" ");
        String[] args = List.of(words).subList(1, words.length).toArray(String[]::new);
        assertThat(args).as("a help marker ends with --help").endsWith("--help");
        TestTerminal terminal = new TestTerminal();
        int exitCode = switch (words[0]) {
            case "sessiondesk" -> Main.run(terminal.terminal(), args);
            case "sessiondesk-server" -> ServerMain.run(terminal.terminal(), args);
            default -> throw new AssertionError("unknown program in a help marker: " + words[0]);
        };
        assertThat(exitCode).isZero();
        return terminal.out().replace(System.lineSeparator(), "\n");
    }
}
