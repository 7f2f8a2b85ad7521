package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.service.PasswordService;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** History shows the reasons the service writes by itself in the window's language; typed ones as typed. */
class ServerReasonsTest {

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theServicesReasonsReadSpanishInSpanish() {
        Messages.use(Locale.forLanguageTag("es-ES"));
        assertThat(ServerReasons.text("wrong username or password")).isEqualTo("usuario o contraseña incorrectos");
        assertThat(ServerReasons.text(PasswordService.ENDED_WHY)).isEqualTo("contraseña cambiada");
        assertThat(ServerReasons.text("password changed; other admin sessions ended: 1"))
                .isEqualTo("contraseña cambiada; se cerró 1 otra sesión de administrador");
        assertThat(ServerReasons.text("password changed; other admin sessions ended: 3"))
                .isEqualTo("contraseña cambiada; se cerraron 3 otras sesiones de administrador");
        assertThat(ServerReasons.text("not a super user")).isEqualTo("no es superusuario");
    }

    @Test
    void aTypedReasonStaysAsTyped() {
        Messages.use(Locale.forLanguageTag("es-ES"));
        assertThat(ServerReasons.text("Phone reported stolen")).isEqualTo("Phone reported stolen");
        assertThat(ServerReasons.text(null)).isEmpty();
        Messages.use(Locale.ENGLISH);
        assertThat(ServerReasons.text("account blocked")).isEqualTo("account blocked");
    }
}
