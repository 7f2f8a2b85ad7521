package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bash completion and man pages that the installer ships, generated from the commands. */
class CliDocsTest {

    @TempDir
    Path share;

    @Test
    void writesCompletionAndManPagesForBothLaunchers() throws IOException {
        assertThat(CommandDocs.write(share)).containsExactlyInAnyOrder(
                share.resolve("bash-completion/completions/SessionDesk"),
                share.resolve("bash-completion/completions/sessiondesk-server"),
                share.resolve("man/man1/SessionDesk.1"),
                share.resolve("man/man1/sessiondesk-server.1"));
        String page = Files.readString(share.resolve("man/man1/sessiondesk-server.1"), StandardCharsets.UTF_8);
        assertThat(page).startsWith(".TH SESSIONDESK\\-SERVER 1 ")
                .contains(".SH NAME\nsessiondesk\\-server \\- The SessionDesk session service\n")
                .contains("Usage: sessiondesk\\-server [OPTIONS] [COMMAND]")
                .contains(".SH \"SESSIONDESK\\-SERVER USER PASSWD\"")
                .contains(".SH \"SESSIONDESK\\-SERVER BACKUP\"")
                .contains(".SH \"SESSIONDESK\\-SERVER RESTORE\"")
                .contains("\\-\\-tls\\-cert FILE")
                .contains("\\-\\-trusted\\-proxy ADDRESS")
                .contains("SESSIONDESK_DB");
        assertThat(Files.readString(share.resolve("man/man1/SessionDesk.1"), StandardCharsets.UTF_8))
                .contains("Usage: SessionDesk [\\-hV]").contains(".SH \"SESSIONDESK SIMULATE\"");
    }

    @Test
    void bashCompletesCommandsAndOptions() throws Exception {
        CommandDocs.write(share);
        Path script = share.resolve("bash-completion/completions/sessiondesk-server");
        assertThat(complete(script, "sessiondesk-server", "us")).isEqualTo("user");
        assertThat(complete(script, "sessiondesk-server", "user", "pa")).isEqualTo("passwd");
        assertThat(complete(script, "sessiondesk-server", "serve", "--mobile-i")).isEqualTo("--mobile-idle-days");
        assertThat(complete(script, "sessiondesk-server", "ba")).isEqualTo("backup");
        assertThat(complete(script, "sessiondesk-server", "serve", "--tls-k")).isEqualTo("--tls-key");
        assertThat(complete(share.resolve("bash-completion/completions/SessionDesk"), "SessionDesk", "sim"))
                .isEqualTo("simulate");
    }

    /** What bash offers for the last word, through the generated script. */
    private static String complete(Path script, String... words) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
                + "COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _complete_" + words[0]
                + "; echo \"${COMPREPLY[*]}\"", "bash", script.toString()));
        command.addAll(List.of(words));
        Process bash = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        bash.getOutputStream().close();
        String reply = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return reply;
    }
}
