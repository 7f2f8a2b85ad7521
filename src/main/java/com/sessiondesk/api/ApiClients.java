package com.sessiondesk.api;

import okhttp3.OkHttpClient;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/** Builds the Retrofit {@link SessionDeskApi} on the shared {@link Json#GSON}. */
public final class ApiClients {

    private ApiClients() {
    }

    /** @param baseUrl the server's root, e.g. {@code http://127.0.0.1:8080/} */
    public static SessionDeskApi create(String baseUrl, OkHttpClient http) {
        String root = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return new Retrofit.Builder()
                .baseUrl(root)
                .client(http)
                .addConverterFactory(GsonConverterFactory.create(Json.GSON))
                .build()
                .create(SessionDeskApi.class);
    }
}
