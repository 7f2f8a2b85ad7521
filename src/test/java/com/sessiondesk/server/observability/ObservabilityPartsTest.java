package com.sessiondesk.server.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The outcomes a test of the whole service cannot easily provoke (a full hashing queue), the request
 * id rule, and the cache of the active sessions' count.
 */
class ObservabilityPartsTest {

    @Test
    void eachLoginStatusHasItsResultAndABadRequestNone() {
        try (Metrics metrics = new Metrics()) {
            for (int status : new int[] {201, 200, 401, 403, 429, 503, 400, 415}) {
                ApiOutcomes.count(metrics, "POST", "/api/v1/mobile/login", status);
            }
            ApiOutcomes.count(metrics, "POST", "/api/v1/admin/login", 503);
            ApiOutcomes.count(metrics, "GET", "/api/v1/mobile/login", 200);
            String scrape = metrics.scrape();
            assertThat(scrape).contains("sessiondesk_logins_total{result=\"ok\"} 2.0",
                    "sessiondesk_logins_total{result=\"failed\"} 2.0",
                    "sessiondesk_logins_total{result=\"throttled\"} 1.0",
                    "sessiondesk_logins_total{result=\"busy\"} 2.0");
        }
    }

    @Test
    void aSaneIncomingIdIsKeptAndAnyOtherReplaced() {
        assertThat(RequestLog.requestId("edge-1a2b.C_3")).isEqualTo("edge-1a2b.C_3");
        assertThat(RequestLog.requestId("a".repeat(64))).isEqualTo("a".repeat(64));
        for (String insane : new String[] {null, "", "a".repeat(65), "-x", "two words", "x\r\nInjected: 1", "ä",
                "id;drop"}) {
            assertThat(RequestLog.requestId(insane)).as("for %s", insane).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void theCachedCountIsReadAgainOnlyAfterItsMaxAge() throws InterruptedException {
        AtomicInteger reads = new AtomicInteger();
        CachedValue longLived = new CachedValue(reads::incrementAndGet, Duration.ofHours(1));
        assertThat(longLived.getAsLong()).isEqualTo(1);
        assertThat(longLived.getAsLong()).isEqualTo(1);
        assertThat(reads.get()).isEqualTo(1);
        CachedValue shortLived = new CachedValue(reads::incrementAndGet, Duration.ofMillis(50));
        assertThat(shortLived.getAsLong()).isEqualTo(2);
        Thread.sleep(100);
        assertThat(shortLived.getAsLong()).isEqualTo(3);
    }
}
