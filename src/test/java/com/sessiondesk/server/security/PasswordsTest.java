package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
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
    void newHashesAreSaltedArgon2idInThePhcForm() {
        String first = Passwords.hash("same");
        String second = Passwords.hash("same");
        assertThat(first).isNotEqualTo(second);
        assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(first).doesNotContain("same");
        assertThat(Passwords.MEMORY_KIB).as("OWASP's minimum: 19 MiB").isGreaterThanOrEqualTo(19 * 1024);
        assertThat(Passwords.ITERATIONS).isGreaterThanOrEqualTo(2);
        assertThat(Passwords.PARALLELISM).isGreaterThanOrEqualTo(1);
    }

    /** A vector of the reference implementation's tests (phc-winner-argon2, src/test.c: Argon2id, v=0x13). */
    @Test
    void argon2idMatchesAnIndependentImplementation() {
        // its CLI: echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        assertThat(Passwords.verify("password", reference)).isTrue();
        assertThat(Passwords.verify("passwore", reference)).isFalse();
    }

    @Test
    void pbkdf2HashesStillVerifyAndNeedARehash() {
        String old = Passwords.pbkdf2("pw", Passwords.PBKDF2_ITERATIONS);
        assertThat(old).startsWith("pbkdf2-sha256$600000$");
        assertThat(Passwords.verify("pw", old)).isTrue();
        assertThat(Passwords.verify("px", old)).isFalse();
        assertThat(Passwords.needsRehash(old)).isTrue();
        assertThat(Passwords.verify("pw", Passwords.pbkdf2("pw", 1000))).isTrue();
    }

    @Test
    void malformedHashesNeverVerify() {
        assertThat(Passwords.verify("pw", null)).isFalse();
        assertThat(Passwords.verify("pw", "plain-text")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$abc$AAAA$AAAA")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
        assertThat(Passwords.verify("pw", "pbkdf2-sha256$0$AAAA$AAAA")).isFalse();
        String salt = Base64.getEncoder().withoutPadding().encodeToString(new byte[16]);
        String hash = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=9999999,t=2,p=1$" + salt + "$" + hash))
                .as("more memory than a stored hash may ask for").isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=0,p=1$" + salt + "$" + hash)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2i$v=19$m=19456,t=2,p=1$" + salt + "$" + hash)).isFalse();
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=19456,t=2,p=1$" + salt + "$AAAA")).isFalse();
    }

    @Test
    void unknownUserCheckIsAlwaysFalse() {
        assertThat(Passwords.verifyUnknownUser("anything")).isFalse();
    }

    @Test
    void weakerHashesNeedARehash() {
        assertThat(Passwords.needsRehash(Passwords.argon2id("pw", 8192, 2, 1))).isTrue();
        assertThat(Passwords.needsRehash(Passwords.argon2id("pw", Passwords.MEMORY_KIB, 1, 1))).isTrue();
        assertThat(Passwords.needsRehash("plain-text")).isTrue();
        assertThat(Passwords.needsRehash(null)).isTrue();
        assertThat(Passwords.needsRehash(Passwords.hash("a-password-1"))).isFalse();
    }
}
