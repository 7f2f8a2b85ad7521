package com.sessiondesk.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.Main;
import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.TestTerminal;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class SimArgsTest {

    private static SimArgs parse(String... args) {
        SimulateCommand command = new SimulateCommand(new TestTerminal().terminal());
        Cli.commandLine(command, new TestTerminal().terminal()).parseArgs(args);
        return command.args();
    }

    @Test
    void parsesWithDefaults() {
        assertThat(parse("--server", "http://127.0.0.1:8080", "--devices", "20"))
                .isEqualTo(new SimArgs("http://127.0.0.1:8080", 20, 60, 5));
        assertThat(parse("--devices", "3", "--server", "http://h/", "--duration", "10", "--interval", "2"))
                .isEqualTo(new SimArgs("http://h/", 3, 10, 2));
    }

    @Test
    void parsesThePushOptions() {
        SimArgs args = parse("--server", "http://h", "--devices", "1000", "--no-stream", "--sync-ms", "20",
                "--unsynced", "5");
        assertThat(args).isEqualTo(new SimArgs("http://h", 1000, 60, 5, true, 20, 5));
        assertThat(parse("--server", "http://h", "--devices", "2").unsyncedItems()).as("a random walk").isNegative();
        assertThatThrownBy(() -> parse("--server", "http://h", "--devices", "2", "--sync-ms", "-1"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--sync-ms");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> parse("--devices", "2"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--server");
        assertThatThrownBy(() -> parse("--server", "http://h"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--devices");
        assertThatThrownBy(() -> parse("--server", "h:80", "--devices", "2"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> parse("--server", "http://h", "--devices", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("1 to 10000");
        assertThatThrownBy(() -> parse("--server", "http://h", "--devices", "99999"))
                .isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--server", "http://h", "--devices", "2", "--interval", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--interval");
        assertThatThrownBy(() -> parse("--server", "http://h", "--devices", "2", "-x"))
                .isInstanceOf(ParameterException.class);
    }

    @Test
    void parsesTheScenarios() {
        assertThat(parse("--server", "http://h", "--scenario", "stolen-phone").scenario()).isEqualTo(Scenario.STOLEN_PHONE);
        assertThat(parse("--server", "http://h", "--scenario", "guesser", "--interval", "1"))
                .isEqualTo(new SimArgs("http://h", 1, 60, 1, false, SimArgs.DEFAULT_SYNC_MILLIS, -1, Scenario.GUESSER));
        assertThat(parse("--server", "http://h", "--devices", "2").scenario()).isNull();
        assertThatThrownBy(() -> parse("--server", "http://h", "--scenario", "burglar"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("stolen-phone, guesser");
    }

    @Test
    void commandExitsWith2OnBadArguments() {
        TestTerminal terminal = new TestTerminal();
        assertThat(Main.run(terminal.terminal(), "simulate", "--devices", "x")).isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: ").contains("--devices").contains("Usage: sessiondesk simulate");
        terminal = new TestTerminal();
        assertThat(Main.run(terminal.terminal(), "simulate", "--server", "ftp://h", "--devices", "2")).isEqualTo(2);
        assertThat(terminal.err()).contains("http://").contains("Usage: sessiondesk simulate");
    }
}
