package com.sessiondesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.server.store.ActiveSessionRow;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

    private static final ActiveSessionRow TRICKY = new ActiveSessionRow(1, "id-1", "maria.lopez",
            "María \"Mari\" López\\\n\u0001 <b>&'\u2028", "dev", "Galaxy A54", "Android 14", "Caregiver", "5.8.2",
            "Español", 1_795_795_200_123L, 1_795_795_260_000L, 3);
    private static final ActiveSessionRow PLAIN = new ActiveSessionRow(2, "id-2", "li.wei", "Li Wei", "dev2",
            "iPhone 15", "iOS 18.1", "EVV", "3.4.0", "Chinese", 1_795_700_000_000L, 1_795_795_000_001L, 0);
    private static final ActiveSessionRow ENDING = new ActiveSessionRow(3, "id-3", "ana", "Ana", "dev3", "Pixel",
            "Android 15", "EVV", "3.4.0", "Spanish", -62_135_596_800_000L, 253_402_300_799_999L, 7, "203.0.113.9",
            1_795_795_300_000L);

    @Test
    void theStreamIsByteForByteWhatGsonWritesForTheSessionList() throws Exception {
        StringWriter out = new StringWriter();
        SessionJson json = new SessionJson(out);
        json.write(TRICKY, true);
        json.write(PLAIN, false);
        json.write(ENDING, false);
        json.finish("c-42");
        SessionList expected = new SessionList(
                List.of(TRICKY.toSession(true), PLAIN.toSession(false), ENDING.toSession(false)), "c-42");
        assertThat(out.toString()).isEqualTo(Json.GSON.toJson(expected));
        assertThat(out.toString()).contains("\"lastSeen\":\"2026-11-27T16:01:00Z\"", "\"loginTime\":\"0001-01-01T00:00:00Z\"")
                .doesNotContain("\"address\":null", "\"syncDeadline\":null");
    }

    @Test
    void instantsAreWrittenExactlyLikeInstantToString() throws Exception {
        SessionJson json = new SessionJson(new StringWriter());
        long[] samples = {0, 1, 999, 1000, 59_999, 86_399_999, 86_400_000, -1, -86_400_001, 1_795_795_200_123L,
            1_795_795_200_120L, 1_795_795_200_100L, 253_402_300_799_999L, 253_402_300_800_000L,
            -30_610_224_000_001L, -62_135_596_800_000L};
        for (long millis : samples) {
            assertThat(json.instant(millis)).as("%d", millis).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            long millis = 1_700_000_000_000L + random.nextLong(200_000_000_000L);
            assertThat(json.instant(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
    }

    @Test
    void outputParsesBackIntoTheSameSessions() throws Exception {
        StringWriter out = new StringWriter();
        SessionJson json = new SessionJson(out);
        json.write(TRICKY, true);
        json.write(PLAIN, false);
        json.finish();
        SessionList parsed = Json.GSON.fromJson(out.toString(), SessionList.class);
        assertThat(parsed.sessions()).containsExactly(TRICKY.toSession(true), PLAIN.toSession(false));
        assertThat(parsed.cursor()).isNull();
        assertThat(out.toString()).doesNotContain("cursor");
    }

    @Test
    void emptyListIsValidJson() throws Exception {
        StringWriter out = new StringWriter();
        new SessionJson(out).finish();
        assertThat(out.toString()).isEqualTo("{\"sessions\":[]}");
        assertThat(Json.GSON.fromJson(out.toString(), SessionList.class).sessions()).isEqualTo(List.of());
    }
}
