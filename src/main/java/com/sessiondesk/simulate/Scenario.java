package com.sessiondesk.simulate;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The incidents {@code simulate --scenario} plays, so that the live console shows alerts arriving. */
enum Scenario {
    /** A phone that keeps trying to sign in after the office logged it out or blocked it. */
    STOLEN_PHONE("stolen-phone"),
    /** Wrong passwords against a few accounts. */
    GUESSER("guesser");

    private final String wireName;

    Scenario(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** The scenario of a name, or null. */
    static Scenario of(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst().orElse(null);
    }

    static String names() {
        return Arrays.stream(values()).map(Scenario::wireName).collect(Collectors.joining(", "));
    }
}
