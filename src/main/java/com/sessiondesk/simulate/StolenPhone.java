package com.sessiondesk.simulate;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.HeartbeatRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.StaffGenerator.Person;
import java.io.IOException;
import java.io.PrintStream;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import retrofit2.Response;

/**
 * {@code simulate --scenario stolen-phone}: a phone nobody in the agency uses signs in as a demo
 * staff member (with the saved password) while her own phone is in use, heartbeats, and once the
 * office logs it out or blocks it keeps trying to sign in again every interval: after a device
 * block each try is refused with 403 {@code device_blocked} (and raises a
 * {@code blocked_device_attempt} alert).
 */
final class StolenPhone {

    static final String MODEL = "Galaxy A15";

    private final SessionDeskApi api;
    private final PrintStream out;
    private final String deviceId = "stolen-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    private final List<Person> staff = DemoAgency.staff();
    private int person;
    private String token;
    private int refusals;

    StolenPhone(SessionDeskApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    /** One step: sign in (again) when signed out, heartbeat when signed in; it never gives up (true). */
    boolean tick() throws IOException {
        if (token == null) {
            signIn();
        } else {
            heartbeat();
        }
        return true;
    }

    int refusals() {
        return refusals;
    }

    private void signIn() throws IOException {
        String username = staff.get(person).username();
        Response<MobileLoginResponse> answer = api.mobileLogin(new MobileLoginRequest(username,
                DemoAgency.STAFF_PASSWORD, "Caregiver", "5.8.2", deviceId, MODEL, "Android 14", "English")).execute();
        if (answer.isSuccessful() && answer.body() != null) {
            token = answer.body().token();
            out.println("stolen phone " + deviceId + ": signed in as " + username + " (session "
                    + answer.body().sessionId() + ")");
            return;
        }
        ErrorBody error = error(answer);
        if ("device_blocked".equals(error.error())) {
            refusals++;
            out.println("stolen phone " + deviceId + ": refused, device blocked (try " + refusals + "): "
                    + error.message());
        } else if ("account_blocked".equals(error.error())) {
            person = (person + 1) % staff.size(); // that account is blocked: the thief tries another saved one
            out.println("stolen phone " + deviceId + ": " + username + " is blocked, trying another account");
        } else {
            out.println("stolen phone " + deviceId + ": sign-in refused: " + answer.code() + " " + error.error());
        }
    }

    private void heartbeat() throws IOException {
        Response<Void> answer = api.heartbeat(SessionDeskApi.bearer(token), new HeartbeatRequest(0)).execute();
        if (answer.code() == 401) {
            ErrorBody error = error(answer);
            token = null;
            out.println("stolen phone " + deviceId + ": logged out by the office (" + error.error()
                    + "), signing in again");
        }
    }

    private static ErrorBody error(Response<?> response) throws IOException {
        String body = response.errorBody() == null ? "" : response.errorBody().string();
        ErrorBody error = body.isEmpty() ? null : Json.GSON.fromJson(body, ErrorBody.class);
        return error == null ? new ErrorBody("http_" + response.code(), "", null, null) : error;
    }
}
