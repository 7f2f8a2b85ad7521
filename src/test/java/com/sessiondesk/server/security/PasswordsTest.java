package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void rightPasswordVerifiesAndWrongOneDoesNot() {
        String hash = Passwords.hash("correct horse");
        assertThat(Passwords.verify("correct horse", hash)).isTrue();
        assertThat(Passwords.verify("correct horsE", hash)).isFalse();
        assertThat(Passwords.verify("", hash)).isFalse();
    }

    @Test
    void hashIsSaltedPbkdf2WithTheDocumentedFormat() {
        String first = Passwords.hash("same");
        String second = Passwords.hash("same");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.split("\\$")).hasSize(4);
        assertThat(first).startsWith("pbkdf2-sha256$" + Passwords.ITERATIONS + "$");
        assertThat(first).doesNotContain("same");
    }

    @Test
    void iterationsAreReadFromTheStoredHash() {
        String cheap = Passwords.hash("pw", 1000);
        assertThat(cheap).startsWith("pbkdf2-sha256$1000$");
        assertThat(Passwords.verify("pw", cheap)).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(Passwords.verify("pw", null)).isFalse();
        assertThat(Passwords.verify("pw", "plain-text")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
    }

    @Test
    void unknownUserCheckIsAlwaysFalse() {
        assertThat(Passwords.verifyUnknownUser("anything")).isFalse();
    }

    @Test
    void weakerHashesNeedARehash() {
        assertThat(Passwords.needsRehash(Passwords.hash("pw", 100_000))).isTrue();
        assertThat(Passwords.needsRehash("plain-text")).isTrue();
        assertThat(Passwords.needsRehash(Passwords.hash("a-password-1"))).isFalse();
        assertThat(Passwords.ITERATIONS).isEqualTo(600_000);
    }
}
