package com.sessiondesk.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the reference device prints when the office signed it out: the reason and the block as two sentences. */
class ReasonSentenceTest {

    @Test
    void theReasonAndTheBlockAreSeparateSentences() {
        assertThat(SimulatedDevice.reasonSentence("Suspended pending review", "", " Account blocked."))
                .isEqualTo("Reason: Suspended pending review. Account blocked.");
        assertThat(SimulatedDevice.reasonSentence("Done for today.", "", " Account blocked."))
                .isEqualTo("Reason: Done for today. Account blocked.");
        assertThat(SimulatedDevice.reasonSentence("Lost phone", " (4 unsynced items lost)", ""))
                .isEqualTo("Reason: Lost phone (4 unsynced items lost).");
        assertThat(SimulatedDevice.reasonSentence(null, "", "")).isEqualTo("Reason: none given.");
    }
}
