package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeviceTicketsTest {

    private final DeviceTickets tickets = new DeviceTickets(DeviceTickets.newSecret());
    private final long now = 1_800_000_000_000L;

    @Test
    void aTicketIsValidForItsAccountAndDeviceOnly() {
        String ticket = tickets.issue("maria", "phone-1", now);
        assertThat(tickets.verify(ticket, "maria", "phone-1", now + 1000)).isPresent();
        assertThat(tickets.verify(ticket, "maria", "phone-2", now)).isEmpty();
        assertThat(tickets.verify(ticket, "mario", "phone-1", now)).isEmpty();
        assertThat(new DeviceTickets(DeviceTickets.newSecret()).verify(ticket, "maria", "phone-1", now))
                .as("another service's key").isEmpty();
    }

    @Test
    void forgedOrExpiredTicketsAreUnknown() {
        String ticket = tickets.issue("maria", "phone-1", now);
        String[] parts = ticket.split("\\.");
        String later = parts[0] + "." + parts[1] + "." + (now + 5) + "." + parts[3];
        assertThat(tickets.verify(later, "maria", "phone-1", now)).isEmpty();
        assertThat(tickets.verify(ticket, "maria", "phone-1", now + DeviceTickets.LIFETIME.toMillis() + 1)).isEmpty();
        assertThat(tickets.verify("dt1.x.y.z", "maria", "phone-1", now)).isEmpty();
        assertThat(tickets.verify("garbage", "maria", "phone-1", now)).isEmpty();
    }

    @Test
    void aTicketFromAClockUpToAMinuteAheadIsAccepted() {
        assertThat(tickets.verify(tickets.issue("maria", "phone-1", now + 60_000), "maria", "phone-1", now))
                .isPresent();
        assertThat(tickets.verify(tickets.issue("maria", "phone-1", now + 60_001), "maria", "phone-1", now))
                .as("from the future").isEmpty();
    }

    @Test
    void aTicketLivesExactlyItsLifetime() {
        String ticket = tickets.issue("maria", "phone-1", now);
        long lifetime = DeviceTickets.LIFETIME.toMillis();
        assertThat(tickets.verify(ticket, "maria", "phone-1", now + lifetime)).isPresent();
        assertThat(tickets.verify(ticket, "maria", "phone-1", now + lifetime + 1)).isEmpty();
    }

    @Test
    void theIdIsTheTicketsSecondPartAndMalformedTicketsAreUnknown() {
        String ticket = tickets.issue("maria", "phone-1", now);
        assertThat(tickets.verify(ticket, "maria", "phone-1", now)).contains(ticket.split("\\.")[1]);
        assertThat(tickets.verify("dt2" + ticket.substring(3), "maria", "phone-1", now)).as("prefix").isEmpty();
        assertThat(tickets.verify(ticket + ".x", "maria", "phone-1", now)).as("five parts").isEmpty();
        assertThat(tickets.verify(null, "maria", "phone-1", now)).isEmpty();
        assertThat(tickets.verify(ticket + "x".repeat(200), "maria", "phone-1", now)).as("too long").isEmpty();
        assertThatThrownBy(() -> new DeviceTickets("c2hvcnQ")).isInstanceOf(IllegalArgumentException.class);
    }
}
