package com.sessiondesk.client.logout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BlockEndTest {

    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z"); // 16:04 in Madrid
    final Clock clock = Clock.fixed(NOW, MADRID);

    @Test
    void eachChoiceEndsWhereItSays() {
        assertThat(BlockEnd.INDEFINITE.until(clock, MADRID, null)).isNull();
        assertThat(BlockEnd.ONE_HOUR.until(clock, MADRID, null)).isEqualTo(Instant.parse("2026-11-27T16:04:00Z"));
        assertThat(BlockEnd.END_OF_DAY.until(clock, MADRID, null)).isEqualTo(Instant.parse("2026-11-27T23:00:00Z"));
        assertThat(BlockEnd.ONE_WEEK.until(clock, MADRID, null)).isEqualTo(Instant.parse("2026-12-04T15:04:00Z"));
        assertThat(BlockEnd.DATE.until(clock, MADRID, LocalDate.of(2026, 12, 24))).isEqualTo(Instant.parse("2026-12-24T23:00:00Z"));
    }

    @Test
    void aDateMustBeChosenAndNotInThePastAndNoBlockMeansNoEnd() {
        BlockOptions options = new BlockOptions(clock, MADRID);
        options.endProperty().set(BlockEnd.DATE);
        assertThat(options.until()).as("not blocking").isNull();
        assertThat(options.validProperty().get()).isTrue();
        options.blockProperty().set(true);
        assertThat(options.validProperty().get()).isFalse();
        options.dateProperty().set(LocalDate.of(2026, 11, 26));
        assertThat(options.validProperty().get()).isFalse();
        options.dateProperty().set(LocalDate.of(2026, 11, 27));
        assertThat(options.validProperty().get()).isTrue();
        assertThat(options.summaryProperty().get()).startsWith("Blocked until ");
        options.endProperty().set(BlockEnd.INDEFINITE);
        assertThat(options.summaryProperty().get()).isEqualTo("Blocked until an admin unblocks the account.");
    }
}
