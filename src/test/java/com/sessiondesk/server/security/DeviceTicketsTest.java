package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

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
}
