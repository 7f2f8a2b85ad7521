package com.sessiondesk.bench;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/**
 * A breakdown for {@link LaunchBench}: what the client's embedded default costs without JavaFX.
 * Starts the service on the data directory's database (as the embedded default does), fetches
 * and parses the session list once, prints ms since JVM start, and exits.
 */
public final class EmbeddedServiceStart {

    private EmbeddedServiceStart() {
    }

    public static void main(String[] args) throws Exception {
        int sessions;
        try (SessionServer server = SessionServer.start(ServerConfig.defaults().withPort(0).withDemo(true))) {
            String token = server.issueAdminToken("admin");
            OkHttpClient http = new OkHttpClient.Builder()
                    .readTimeout(60, TimeUnit.SECONDS)
                    .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                            .header("Authorization", SessionDeskApi.bearer(token)).build()))
                    .build();
            sessions = ApiClients.create(server.baseUrl(), http).sessions(null, null, null).execute().body().sessions().size();
            long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("service-ready: " + sessions + " sessions fetched and parsed after " + sinceStart + " ms since JVM start");
        }
        System.exit(0);
    }
}
