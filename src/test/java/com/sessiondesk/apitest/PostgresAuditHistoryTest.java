package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** History that cannot be flooded or cut, on PostgreSQL (embedded), and across two instances of it. */
class PostgresAuditHistoryTest extends AuditHistoryTest {

    static final MutableClock CLOCK = clock();
    @RegisterExtension
    static final ApiServer API = server(TestServers.postgres(), CLOCK);

    PostgresAuditHistoryTest() {
        super(API, CLOCK);
    }

    /** The cursor's key is shared through the database: a page read on one instance goes on on the other. */
    @Test
    void aCursorOfOneInstanceReadsTheNextPageOnAnother() {
        for (int i = 0; i < 3; i++) {
            API.raw().post("/api/v1/users/" + STAFF + "/block", API.adminToken(), "{}");
            API.raw().post("/api/v1/users/" + STAFF + "/unblock", API.adminToken(), "");
        }
        String query = "/api/v1/audit?category=action&username=" + STAFF + "&limit=2";
        RawHttp.Reply first = API.raw().get(query, API.adminToken());
        assertThat(first.status()).isEqualTo(200);
        String cursor = first.object().get("nextCursor").getAsString();
        long oldestOfFirst = first.object().getAsJsonArray("events").get(1).getAsJsonObject().get("id").getAsLong();

        SessionServer other = API.running().another();
        RawHttp b = new RawHttp(other.baseUrl());
        RawHttp.Reply next = b.get(query + "&before=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                API.adminToken());
        assertThat(next.status()).as(next.abbreviated()).isEqualTo(200);
        assertThat(next.object().getAsJsonArray("events").get(0).getAsJsonObject().get("id").getAsLong())
                .isLessThan(oldestOfFirst);
        assertError(b.get(query + "&before=" + URLEncoder.encode(cursor + "A", StandardCharsets.UTF_8),
                API.adminToken()), 400, "invalid_request");
    }
}
