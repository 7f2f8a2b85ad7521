package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.bench.HeartbeatLoad;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.SessionServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keeps the benchmark honest without running it: the raw-socket load generator of
 * {@code bench.ServerBenchmark} speaks HTTP the server understands, on sessions made by BulkLoad.
 * No speed is asserted here.
 */
class HeartbeatLoadSmokeTest {

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite();

    @Test
    void theLoadGeneratorsHeartbeatsAllSucceed() throws InterruptedException {
        SessionServer server = SERVER.get();
        List<String> tokens = BulkLoad.createActiveSessions(server, 200);
        assertThat(tokens).hasSize(200).doesNotHaveDuplicates();
        String result = new HeartbeatLoad("127.0.0.1", server.port(), tokens, 2_000).run(4, 0, 1);
        assertThat(result).startsWith("RESULT ").contains(" errors=0 ").doesNotContain("requests=0 ");
        RawHttp.Reply list = new RawHttp(server.baseUrl()).get("/api/v1/sessions",
                server.issueAdminToken(TestServers.ADMIN));
        assertThat(list.object().getAsJsonArray("sessions")).hasSize(200);
    }
}
