package com.sessiondesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.server.store.ActiveSessionRow;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SessionJsonTest {

    @Test
    void instantsAreWrittenExactlyLikeInstantToString() {
        Random random = new Random(7);
        SessionJson json = new SessionJson(new StringWriter());
        long[] samples = new long[2000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 1_700_000_000_000L + (long) (random.nextDouble() * 200_000_000_000L);
        }
        samples[0] = 1_795_795_200_000L; // midnight, whole second
        samples[1] = 1_795_795_200_500L;
        samples[2] = 0L;
        samples[3] = -1L;
        for (long millis : samples) {
            SessionJson one = new SessionJson(new StringWriter());
            String before = one.pending();
            one.instant(millis);
            assertThat(one.pending().substring(before.length())).isEqualTo(Instant.ofEpochMilli(millis).toString());
        }
        assertThat(json.pending()).isEqualTo("{\"sessions\":[");
    }

    @Test
    void outputParsesBackIntoTheSameSessions() throws Exception {
        ActiveSessionRow tricky = new ActiveSessionRow(1, "id-1", "maria.lopez", "María \"Mari\" López\\\n\u0001",
                "dev", "Galaxy A54", "Android 14", "Caregiver", "5.8.2", "Español", 1_795_795_200_123L,
                1_795_795_260_000L, 3);
        ActiveSessionRow plain = new ActiveSessionRow(2, "id-2", "li.wei", "Li Wei", "dev2", "iPhone 15", "iOS 18.1",
                "EVV", "3.4.0", "Chinese", 1_795_700_000_000L, 1_795_795_000_001L, 0);
        StringWriter out = new StringWriter();
        SessionJson json = new SessionJson(out);
        json.write(tricky, true);
        json.write(plain, false);
        json.finish();
        SessionList parsed = Json.GSON.fromJson(out.toString(), SessionList.class);
        assertThat(parsed.sessions()).containsExactly(tricky.toSession(true), plain.toSession(false));
    }

    @Test
    void emptyListIsValidJson() throws Exception {
        StringWriter out = new StringWriter();
        new SessionJson(out).finish();
        assertThat(Json.GSON.fromJson(out.toString(), SessionList.class).sessions()).isEqualTo(List.of());
    }
}
