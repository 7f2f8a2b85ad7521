package com.sessiondesk.client.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ServerAddressTest {

    @Test
    void plainHttpIsAcceptedForLoopbackOnly() {
        assertThat(ServerAddress.validate("http://localhost:8080")).isEqualTo("http://localhost:8080/");
        assertThat(ServerAddress.validate("http://127.0.0.1:8080/")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(ServerAddress.validate("http://127.10.0.3")).isEqualTo("http://127.10.0.3/");
        assertThat(ServerAddress.validate("http://[::1]:9000")).isEqualTo("http://[::1]:9000/");
        assertThatThrownBy(() -> ServerAddress.validate("http://sessions.example.org"))
                .hasMessageContaining("Plain http:// is only allowed for this computer");
        assertThatThrownBy(() -> ServerAddress.validate("http://192.168.1.5:8080"))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> ServerAddress.validate("http://127.0.0.1.evil.example"))
                .hasMessageContaining("Plain http://");
        assertThatThrownBy(() -> ServerAddress.validate("http://localhost.evil.example"))
                .hasMessageContaining("Plain http://");
    }

    @Test
    void httpsIsAcceptedAnywhere() {
        assertThat(ServerAddress.validate(" https://sessions.example.org ")).isEqualTo("https://sessions.example.org/");
    }

    @Test
    void otherInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ServerAddress.validate("")).hasMessageContaining("Enter the server address");
        assertThatThrownBy(() -> ServerAddress.validate("ftp://x.example")).hasMessageContaining("https://");
        assertThatThrownBy(() -> ServerAddress.validate("sessions.example.org")).hasMessageContaining("https://");
        assertThatThrownBy(() -> ServerAddress.validate("https://user:pw@x.example")).hasMessageContaining("without user");
        assertThatThrownBy(() -> ServerAddress.validate("https://exa mple.org")).hasMessageContaining("not a valid address");
    }
}
