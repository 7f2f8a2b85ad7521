package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
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

    /** An Argon2id hash made by the library directly, with the parameters written as {@code written}. */
    private static String argon2(String password, int saltBytes, int hashBytes, int memory, int iterations,
            int parallelism, String written) {
        byte[] salt = new byte[saltBytes];
        for (int i = 0; i < saltBytes; i++) {
            salt[i] = (byte) (i + 1);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(memory).withIterations(iterations)
                .withParallelism(parallelism).withSalt(salt).build());
        byte[] out = new byte[hashBytes];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$" + written + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(out);
    }

    @Test
    void theSmallestAcceptedArgon2idParametersStillVerify() {
        assertThat(Passwords.verify("pw", argon2("pw", 8, 16, 8, 1, 1, "m=8,t=1,p=1"))).isTrue();
        assertThat(Passwords.verify("pw", argon2("pw", 16, 16, 16, 1, 2, "m=16,t=1,p=2"))).isTrue();
    }

    @Test
    void argon2idBelowTheMinimumsIsRefusedEvenWhenTheHashMatches() {
        // Less memory than 8 KiB per lane: the library would round it up and match, but it is refused.
        assertThat(Passwords.verify("pw", argon2("pw", 16, 32, 8, 1, 2, "m=8,t=1,p=2"))).isFalse();
        assertThat(Passwords.verify("pw", argon2("pw", 7, 32, 8, 1, 1, "m=8,t=1,p=1"))).isFalse();
        assertThat(Passwords.verify("pw", argon2("pw", 16, 15, 8, 1, 1, "m=8,t=1,p=1"))).isFalse();
        assertThat(Passwords.verify("pw", argon2("pw", 16, 32, 8, 1, 1, "m=8,t=0,p=1"))).isFalse();
        assertThat(Passwords.verify("pw", argon2("pw", 16, 32, 8, 1, 1, "m=8,t=1,p=0"))).isFalse();
        assertThat(Passwords.verify("pw", argon2("pw", 16, 32, 8, 1, 1, "m=262145,t=1,p=1"))).isFalse();
    }

    @Test
    void argon2idWithASaltThatIsNotBase64NeverVerifies() {
        String good = argon2("pw", 16, 32, 8, 1, 1, "m=8,t=1,p=1");
        String[] parts = good.split("\\$");
        assertThat(Passwords.verify("pw", "$argon2id$v=19$m=8,t=1,p=1$A$" + parts[5])).isFalse();
    }

    @Test
    void pbkdf2WithOneIterationStillVerifies() {
        String hash = Passwords.pbkdf2("pw", 1);
        assertThat(Passwords.verify("pw", hash)).isTrue();
        assertThat(Passwords.verify("other", hash)).isFalse();
        assertThat(Passwords.verify("pw", hash.replace("$1$", "$0$"))).isFalse();
    }

    @Test
    void aFreshHashNeedsNoRehashButAnyWeakerOrForeignOneDoes() {
        assertThat(Passwords.needsRehash(Passwords.hash("pw"))).isFalse();
        assertThat(Passwords.needsRehash(null)).isTrue();
        assertThat(Passwords.needsRehash("plain text")).isTrue();
        assertThat(Passwords.needsRehash(argon2("pw", 16, 32, 8, 1, 1, "m=19456,t=1,p=1"))).isTrue();
        assertThat(Passwords.needsRehash(argon2("pw", 16, 32, 8, 1, 1, "m=19455,t=2,p=1"))).isTrue();
        assertThat(Passwords.needsRehash(argon2("pw", 16, 32, 8, 1, 1, "m=19456,t=2,p=1"))).isFalse();
        assertThat(Passwords.needsRehash(argon2("pw", 16, 32, 8, 1, 1, "m=19456,t=2,p=0"))).isTrue();
    }

    @Test
    void whileNewHashesArePbkdf2TheyVerifyAndNothingNeedsARehash() {
        Passwords.usePbkdf2ForNewHashes(true);
        try {
            String hash = Passwords.hash("correct horse");
            assertThat(hash).startsWith("pbkdf2-sha256$600000$");
            assertThat(Passwords.verify("correct horse", hash)).isTrue();
            assertThat(Passwords.needsRehash(hash)).isFalse();
            assertThat(Passwords.needsRehash("plain text")).isFalse();
        } finally {
            Passwords.usePbkdf2ForNewHashes(false);
        }
    }
}
