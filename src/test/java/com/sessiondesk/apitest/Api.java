package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import retrofit2.Call;
import retrofit2.Response;

/**
 * The Retrofit client of the desktop app and the mobile apps, for the happy paths; each exchange
 * is checked against openapi.yaml ({@link ContractValidator}).
 */
public final class Api {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(60))
            .addNetworkInterceptor(new ContractInterceptor(ContractValidator.OPENAPI))
            .build();

    private Api() {
    }

    /** Unauthenticated calls and mobile calls (which carry their token per call). */
    public static SessionDeskApi anonymous(String baseUrl) {
        return ApiClients.create(baseUrl, HTTP);
    }

    /** Every call carries {@code token} as its bearer. */
    public static SessionDeskApi withToken(String baseUrl, String token) {
        OkHttpClient http = HTTP.newBuilder()
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Authorization", SessionDeskApi.bearer(token))
                        .build()))
                .build();
        return ApiClients.create(baseUrl, http);
    }

    /** Signs in as a super user over HTTP and returns the admin token. */
    public static String adminToken(String baseUrl, String username, String password) {
        AdminLoginResponse login = ok(anonymous(baseUrl).adminLogin(new AdminLoginRequest(username, password)));
        assertThat(login.token()).isNotBlank();
        return login.token();
    }

    /** An admin client signed in over HTTP. */
    public static SessionDeskApi admin(String baseUrl, String username, String password) {
        return withToken(baseUrl, adminToken(baseUrl, username, password));
    }

    public static MobileLoginResponse mobileLogin(String baseUrl, MobileLoginRequest request) {
        Response<MobileLoginResponse> response = execute(anonymous(baseUrl).mobileLogin(request));
        assertThat(response.code()).as("mobile login of %s: %s", request.username(), errorText(response))
                .isEqualTo(201);
        return response.body();
    }

    public static MobileLoginRequest device(String username, String password, String application, String appVersion,
            String deviceId, String deviceModel, String deviceOs, String language) {
        return new MobileLoginRequest(username, password, application, appVersion, deviceId, deviceModel, deviceOs,
                language);
    }

    /** The body of a 2xx answer; anything else fails the test with the status and error body. */
    public static <T> T ok(Call<T> call) {
        Response<T> response = execute(call);
        assertThat(response.isSuccessful())
                .as("%s %s answered %s %s", call.request().method(), call.request().url(), response.code(),
                        errorText(response))
                .isTrue();
        return response.body();
    }

    public static <T> Response<T> execute(Call<T> call) {
        try {
            return call.execute();
        } catch (IOException e) {
            throw new UncheckedIOException(call.request().method() + " " + call.request().url() + ": " + e, e);
        }
    }

    public static String errorText(Response<?> response) {
        if (response.isSuccessful() || response.errorBody() == null) {
            return "";
        }
        try {
            return response.errorBody().string();
        } catch (IOException e) {
            return "(unreadable error body)";
        }
    }
}
