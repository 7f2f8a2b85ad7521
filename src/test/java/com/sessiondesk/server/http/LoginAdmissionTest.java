package com.sessiondesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.security.DeviceTickets;
import com.sessiondesk.server.security.HashingQueue;
import com.sessiondesk.server.security.LoginThrottle;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.HeartbeatBuffer;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order of a login's admission (PasswordCheck): the throttle counts it first (429 without a
 * place on the hashing queue), a 503 from a full lane stays counted for its client (not for the
 * account) and is audited, and a device ticket has a lane of its own.
 */
class LoginAdmissionTest {

    private static final String PASSWORD = "Right-Password-1";

    private Database db;
    private JdbcStore store;
    private HashingQueue hashing;
    private Services services;

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("sessiondesk-admission");
        db = Database.open("jdbc:sqlite:" + dir.resolve("admission.db"));
        new Migrations(db).run();
        Clock clock = Clock.systemUTC();
        store = new JdbcStore(db, clock);
        hashing = new HashingQueue(1, 0); // the open lane has one place
        services = new Services(store, ServerConfig.defaults(), clock, new LoginThrottle(store, clock),
                new HeartbeatBuffer(store), hashing, new DeviceTickets(DeviceTickets.newSecret()),
                new ClientAddress(List.of()));
        String hash = Passwords.hash(PASSWORD);
        store.createUser("victim", "Victim", hash, false, clock.millis());
        store.createUser("other", "Other", hash, false, clock.millis());
    }

    @AfterEach
    void stop() {
        hashing.close();
        db.close();
    }

    @Test
    void aThrottledAttemptIs429AndTakesNoHashingPlace() {
        for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
            assertThat(login("victim", "wrong-" + i, "10.0.0.1")).isEmpty();
        }
        try (HashingQueue.Permit taken = hashing.admit(HashingQueue.Lane.OPEN)) {
            assertThat(refusal("victim", PASSWORD, "10.0.0.1")).as("throttled even while the queue is full")
                    .isEqualTo(ErrorCode.RATE_LIMITED);
        }
        try (HashingQueue.Permit only = hashing.admit(HashingQueue.Lane.OPEN)) {
            // the 429 gave its place back at once (there was never one): the lane's one place is free
            assertThat(only).isNotNull();
        }
        assertThat(securityEvents("login_throttled", "10.0.0.1")).isEqualTo(1);
    }

    @Test
    void a503CountsForItsAddressButNotAgainstTheAccount() {
        try (HashingQueue.Permit taken = hashing.admit(HashingQueue.Lane.OPEN)) {
            // 100 attempts from one address on many names, and 40 more at the victim from 4 others
            for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
                assertThat(refusal("name-" + i, "wrong", "10.0.0.9")).isEqualTo(ErrorCode.SERVICE_BUSY);
            }
            for (int a = 1; a <= 4; a++) {
                for (int i = 0; i < LoginThrottle.PAIR_LIMIT; i++) {
                    assertThat(refusal("victim", "wrong", "10.0.1." + a)).isEqualTo(ErrorCode.SERVICE_BUSY);
                }
            }
        }
        assertThat(securityEvents("login_busy", "10.0.0.9")).as("audited, with a count").isEqualTo(100);
        assertThat(refusal("name-new", "wrong", "10.0.0.9")).as("the address used its attempts on 503s")
                .isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(refusal("victim", PASSWORD, "10.0.1.1")).as("so did each pair").isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(login("victim", PASSWORD, "10.0.2.1")).as("the account's counter was not charged").isPresent();
    }

    @Test
    void aDeviceTicketHasALaneOfItsOwn() {
        String ticketId = services.tickets().verify(services.tickets().issue("victim", "phone-1", services.now()),
                "victim", "phone-1", services.now()).orElseThrow();
        try (HashingQueue.Permit taken = hashing.admit(HashingQueue.Lane.OPEN)) {
            assertThat(refusal("other", PASSWORD, "10.0.0.3")).isEqualTo(ErrorCode.SERVICE_BUSY);
            assertThat(PasswordCheck.check(services, new PasswordCheck.Attempt("victim", PASSWORD, "10.0.0.3",
                    ticketId, PasswordCheck.Kind.MOBILE_LOGIN))).isPresent();
            assertThat(PasswordCheck.check(services, new PasswordCheck.Attempt("other", PASSWORD, "10.0.0.3",
                    null, PasswordCheck.Kind.PASSWORD_CHANGE))).as("a signed-in admin's check").isPresent();
        }
    }

    private Optional<?> login(String username, String password, String address) {
        return PasswordCheck.check(services, new PasswordCheck.Attempt(username, password, address, null,
                PasswordCheck.Kind.MOBILE_LOGIN));
    }

    private ErrorCode refusal(String username, String password, String address) {
        ApiException refused = catchThrowableOfType(() -> login(username, password, address), ApiException.class);
        return refused == null ? null : refused.code();
    }

    private int securityEvents(String action, String address) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(event_count), 0) FROM audit_events "
                    + "WHERE action = ? AND address = ?")) {
                ps.setString(1, action);
                ps.setString(2, address);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
