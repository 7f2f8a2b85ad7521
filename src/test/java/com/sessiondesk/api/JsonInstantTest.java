package com.sessiondesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParseException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonInstantTest {

    @Test
    void theQuickPathReadsWhatInstantParseReads() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-30_000_000_000L, 250_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            String text = Instant.ofEpochSecond(seconds, nanos).toString();
            assertThat(Json.InstantAdapter.parseUtc(text)).as(text).isEqualTo(Instant.parse(text));
        }
        assertThat(Json.InstantAdapter.parseUtc("2026-11-27T15:04:05.5Z")).isEqualTo(Instant.parse("2026-11-27T15:04:05.5Z"));
    }

    @Test
    void otherShapesAndOutOfRangeFieldsAreLeftToInstantParse() {
        for (String text : new String[] {"2026-11-27T15:04:05z", "2026-11-27T15:04:05+00:00", "2026-11-27 15:04:05Z",
                "2026-02-30T00:00:00Z", "2026-11-27T24:00:00Z", "2026-06-30T23:59:60Z", "2026-11-27T15:04:05.Z",
                "2026-11-27T15:04:05.1234567890Z", "+2026-11-27T15:04:05Z", "2026-1a-27T15:04:05Z", "2026-11-27T15:04Z"}) {
            assertThat(Json.InstantAdapter.parseUtc(text)).as(text).isNull();
        }
    }

    @Test
    void readingAndErrorsAreUnchanged() {
        assertThat(Json.GSON.fromJson("\"2026-11-27T15:04:05Z\"", Instant.class)).isEqualTo(Instant.parse("2026-11-27T15:04:05Z"));
        assertThat(Json.GSON.fromJson("\"2026-06-30T23:59:60Z\"", Instant.class)).isEqualTo(Instant.parse("2026-06-30T23:59:60Z"));
        assertThatThrownBy(() -> Json.GSON.fromJson("\"2026-02-30T00:00:00Z\"", Instant.class))
                .isInstanceOf(JsonParseException.class).hasMessageContaining("not an ISO-8601 instant");
    }
}
