package com.sessiondesk.cli;

import java.util.Locale;
import picocli.CommandLine;

/**
 * A man page (section 1) made of a command's help texts, the command's and then each
 * sub-command's, as {@code help2man} makes one: the page cannot say anything {@code --help} does not.
 */
public final class ManPage {

    private ManPage() {
    }

    public static String of(CommandLine command, String version) {
        String name = command.getCommandName();
        String[] description = command.getCommandSpec().usageMessage().description();
        StringBuilder roff = new StringBuilder()
                .append(".TH ").append(escape(name.toUpperCase(Locale.ROOT))).append(" 1 \"\" \"SessionDesk ")
                .append(version).append("\" \"User Commands\"\n")
                .append(".SH NAME\n")
                .append(escape(name)).append(" \\- ")
                .append(escape(description.length > 0 ? firstSentence(description[0]) : name)).append('\n')
                .append(".SH DESCRIPTION\n");
        preformatted(roff, command.getUsageMessage());
        addCommands(roff, command);
        roff.append(".SH \"EXIT STATUS\"\n")
                .append(".TP\n0\ndone (and after --help or --version)\n")
                .append(".TP\n1\nthe command failed; standard error says why\n")
                .append(".TP\n2\nbad arguments; standard error says which, followed by the usage\n");
        return roff.toString();
    }

    private static void addCommands(StringBuilder roff, CommandLine command) {
        command.getSubcommands().values().stream().distinct().forEach(sub -> {
            roff.append(".SH \"").append(escape(sub.getCommandSpec().qualifiedName().toUpperCase(Locale.ROOT)))
                    .append("\"\n");
            preformatted(roff, sub.getUsageMessage());
            addCommands(roff, sub);
        });
    }

    private static void preformatted(StringBuilder roff, String text) {
        roff.append(".nf\n");
        text.lines().forEach(line -> roff.append(line.startsWith(".") || line.startsWith("'") ? "\\&" : "")
                .append(escape(line)).append('\n'));
        roff.append(".fi\n");
    }

    /** "The SessionDesk session service" of "The SessionDesk session service: with no command ...". */
    private static String firstSentence(String text) {
        String[] parts = text.split("[:;.](\\s|$)", 2);
        return parts[0];
    }

    /** Backslashes and hyphens as roff wants them (a plain "-" may print as a hyphen, not a minus). */
    static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-").replace("\"", "\\(dq");
    }
}
