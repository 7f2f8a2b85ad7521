package com.sessiondesk.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimArgsTest {

    @Test
    void parsesWithDefaults() throws Exception {
        assertThat(SimArgs.parse(new String[] {"--server", "http://127.0.0.1:8080", "--devices", "20"}))
                .isEqualTo(new SimArgs("http://127.0.0.1:8080", 20, 60, 5));
        assertThat(SimArgs.parse(new String[] {"--devices", "3", "--server", "http://h/", "--duration", "10",
            "--interval", "2"})).isEqualTo(new SimArgs("http://h/", 3, 10, 2));
    }

    @Test
    void parsesThePushOptions() throws Exception {
        SimArgs args = SimArgs.parse(new String[] {"--server", "http://h", "--devices", "1000", "--no-stream",
            "--sync-ms", "20", "--unsynced", "5"});
        assertThat(args.devices()).isEqualTo(1000);
        assertThat(args.noStream()).isTrue();
        assertThat(args.syncMillisPerItem()).isEqualTo(20);
        assertThat(args.unsyncedItems()).isEqualTo(5);
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "http://h", "--devices", "2", "--sync-ms",
            "-1"})).isInstanceOf(SimArgs.UsageException.class).hasMessageContaining("--sync-ms");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--devices", "2"}))
                .isInstanceOf(SimArgs.UsageException.class).hasMessageContaining("--server");
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "http://h"}))
                .isInstanceOf(SimArgs.UsageException.class).hasMessageContaining("--devices");
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "h:80", "--devices", "2"}))
                .isInstanceOf(SimArgs.UsageException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "http://h", "--devices", "0"}))
                .isInstanceOf(SimArgs.UsageException.class);
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "http://h", "--devices", "99999"}))
                .isInstanceOf(SimArgs.UsageException.class);
        assertThatThrownBy(() -> SimArgs.parse(new String[] {"--server", "http://h", "--devices", "2", "-x"}))
                .isInstanceOf(SimArgs.UsageException.class);
    }

    @Test
    void commandExitsWith2OnBadArguments() {
        assertThat(Simulator.run(new String[] {"--devices", "x"})).isEqualTo(2);
    }
}
