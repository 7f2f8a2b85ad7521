package com.sessiondesk.simulate;

import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.DemoAgency;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import retrofit2.Response;

/**
 * {@code simulate --scenario guesser}: one phone guessing passwords, each interval one wrong password
 * for each of a few demo accounts, {@value #ROUNDS} rounds; from the fifth wrong password within 15 minutes each account has a
 * {@code failed_logins} alert (and after ten the service throttles the phone with 429).
 */
final class Guesser {

    /** How many accounts it guesses at. */
    static final int ACCOUNTS = 3;
    /** How many wrong passwords it tries per account, then it stops. */
    static final int ROUNDS = 6;

    private final SessionDeskApi api;
    private final PrintStream out;
    private final List<String> targets = DemoAgency.staff().subList(1, 1 + ACCOUNTS).stream()
            .map(person -> person.username()).toList();
    private int round;

    Guesser(SessionDeskApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    List<String> targets() {
        return targets;
    }

    /** One round: a wrong password for each account; false once all rounds were played. */
    boolean tick() throws IOException {
        round++;
        for (String username : targets) {
            Response<MobileLoginResponse> answer = api.mobileLogin(new MobileLoginRequest(username,
                    "guess-" + round, "Caregiver", "5.8.2", "guesser-phone", "Moto G", "Android 13", "English"))
                    .execute();
            if (answer.errorBody() != null) {
                answer.errorBody().close();
            }
            out.println("guesser: wrong password " + round + " for " + username + ": " + answer.code()
                    + (answer.code() == 429 ? " (throttled)" : ""));
        }
        return round < ROUNDS;
    }
}
