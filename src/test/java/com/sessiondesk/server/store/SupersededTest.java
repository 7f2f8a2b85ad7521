package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupersededTest {

    private static ActiveSessionRow row(long user, String id, String app, String device, long login) {
        return new ActiveSessionRow(user, id, "u" + user, "User", device, "Pixel 7", "Android 14", app, "1.0",
                "English", login, login + 10, 0);
    }

    @Test
    void olderSessionOfSameUserAppAndDeviceIsSuperseded() {
        List<ActiveSessionRow> rows = List.of(
                row(1, "new", "Caregiver", "phone", 200),
                row(1, "old", "Caregiver", "phone", 100),
                row(1, "older", "Caregiver", "phone", 50));
        assertThat(Superseded.flags(rows)).containsExactly(false, true, true);
    }

    @Test
    void otherApplicationDeviceOrUserIsNotSuperseded() {
        List<ActiveSessionRow> rows = List.of(
                row(1, "a", "Caregiver", "phone", 200),
                row(1, "b", "EVV", "phone", 100),
                row(1, "c", "Caregiver", "tablet", 100),
                row(2, "d", "Caregiver", "phone", 100));
        assertThat(Superseded.flags(rows)).containsExactly(false, false, false, false);
    }

    @Test
    void sameLoginTimeSupersedesNeither() {
        List<ActiveSessionRow> rows = List.of(row(1, "a", "Caregiver", "phone", 100),
                row(1, "b", "Caregiver", "phone", 100));
        assertThat(Superseded.flags(rows)).containsExactly(false, false);
    }

    @Test
    void emptyListHasNoFlags() {
        assertThat(Superseded.flags(List.of())).isEmpty();
    }
}
