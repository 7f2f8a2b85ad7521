package com.sessiondesk.client.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {

    @Test
    void defaultsToTheBuiltInServiceWithA30SecondRefresh() {
        assertThat(ClientOptions.parse(new String[0])).isEqualTo(new ClientOptions(null, false, Duration.ofSeconds(30), false));
    }

    @Test
    void theShortcutForNoArgumentsGivesWhatTheParserGives() {
        assertThat(new ClientArgs().toOptions()).isEqualTo(ClientOptions.defaults());
        assertThat(ClientOptions.parse(new String[] {"--refresh", "30"})).isEqualTo(ClientOptions.defaults());
    }

    @Test
    void parsesEveryOption() {
        assertThat(ClientOptions.parse(new String[] {"--server", "https://x.example", "--refresh", "5"}))
                .isEqualTo(new ClientOptions("https://x.example", false, Duration.ofSeconds(5), false));
        assertThat(ClientOptions.parse(new String[] {"--smoke-test"}))
                .isEqualTo(new ClientOptions(null, true, Duration.ofSeconds(30), true));
        assertThat(ClientOptions.parse(new String[] {"--embedded", "--refresh", "0"}).refreshInterval()).isZero();
        assertThat(ClientOptions.parse(new String[] {"--read-timeout", "3"}).readTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void badOptionsSayWhat() {
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--bogus"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown option: '--bogus'");
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--server"}))
                .hasMessageContaining("Missing required parameter for option '--server'");
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--refresh", "-1"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--refresh", "soon"})).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--read-timeout", "0"}))
                .hasMessageContaining("at least 1 second");
        assertThatThrownBy(() -> ClientOptions.parse(new String[] {"--server", "https://x", "--embedded"}))
                .hasMessageContaining("cannot be combined");
    }
}
