package com.sessiondesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A waiting delivery is written with {@code "deliveredAt": null}, and both kinds read back. */
class DeliveryJsonTest {

    @Test
    void waitingIsAnExplicitNullAndEverythingReadsBack() {
        AuditEvent event = new AuditEvent(7, Instant.parse("2026-11-30T14:02:00Z"), "admin", "logout_all", "bob",
                List.of("s1", "s2"), null, null, null, List.of(new Delivery("s1", null, null),
                        new Delivery("s2", Instant.parse("2026-11-30T14:02:00.400Z"), "stream")));
        String json = Json.GSON.toJson(event);
        assertThat(json).contains("{\"sessionId\":\"s1\",\"deliveredAt\":null}")
                .contains("{\"sessionId\":\"s2\",\"deliveredAt\":\"2026-11-30T14:02:00.400Z\",\"channel\":\"stream\"}")
                .doesNotContain("\"reason\"");
        assertThat(Json.GSON.fromJson(json, AuditEvent.class)).isEqualTo(event);
    }
}
