package com.sessiondesk.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashes. New hashes are Argon2id (Bouncy Castle's {@link Argon2BytesGenerator}) with
 * OWASP's minimum parameters, m = 19 MiB, t = 2, p = 1, a 16-byte salt and a 32-byte hash, stored
 * in the PHC string form {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (base64 without padding).
 * The older {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} hashes still verify, and
 * {@link #needsRehash} says to replace them (and any weaker Argon2id) at the next successful login.
 * Verification compares in constant time, and {@link #verifyUnknownUser} costs as much as a check
 * of a current hash so that timing does not tell which usernames exist.
 */
public final class Passwords {

    /** Argon2id memory in KiB: 19 MiB, what every hash in progress holds. */
    public static final int MEMORY_KIB = 19 * 1024;
    /** Argon2id passes over the memory. */
    public static final int ITERATIONS = 2;
    /** Argon2id lanes (threads per hash). */
    public static final int PARALLELISM = 1;
    /** PBKDF2-HMAC-SHA256 iterations of the hashes made before Argon2id (verified, then upgraded). */
    public static final int PBKDF2_ITERATIONS = 600_000;

    private static final String ARGON2ID = "argon2id";
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    /** Hashes in progress that reuse their memory rather than allocate it: one per hashing thread of a service. */
    private static final int POOLED_HASHES = 4;
    /**
     * The 1 KiB blocks of finished hashes, cleared and kept for the next: a login then allocates
     * nothing, where it would otherwise leave 19 MiB for the garbage collector to copy and free.
     * Holds at most {@link #POOLED_HASHES} hashes' worth; hashes beyond that allocate as usual.
     */
    private static final Argon2BytesGenerator.BlockPool BLOCKS =
            new Argon2BytesGenerator.FixedBlockPool(POOLED_HASHES * MEMORY_KIB);

    /** The scheme of new hashes; PBKDF2 only where a benchmark measures the old scheme as its baseline. */
    private static volatile boolean pbkdf2ForNewHashes;

    private Passwords() {
    }

    /** A new Argon2id hash of {@code password} with a fresh salt. */
    public static String hash(String password) {
        if (pbkdf2ForNewHashes) {
            return pbkdf2(password, PBKDF2_ITERATIONS);
        }
        return argon2id(password, MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    static String argon2id(String password, int memoryKib, int iterations, int parallelism) {
        byte[] salt = salt();
        byte[] derived = argon2id(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return "$" + ARGON2ID + "$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(derived);
    }

    static String pbkdf2(String password, int iterations) {
        byte[] salt = salt();
        byte[] derived = pbkdf2(password, salt, iterations, HASH_BYTES * 8);
        return PBKDF2 + "$" + iterations + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(derived);
    }

    /** Makes new hashes PBKDF2 (true) or Argon2id (false): for a benchmark's baseline only. */
    static void usePbkdf2ForNewHashes(boolean pbkdf2) {
        pbkdf2ForNewHashes = pbkdf2;
    }

    /** True when the password matches the stored hash; false for a wrong password or a malformed hash. */
    public static boolean verify(String password, String stored) {
        if (stored == null) {
            verifyUnknownUser(password);
            return false;
        }
        Matcher argon = PHC.matcher(stored);
        if (argon.matches()) {
            return verifyArgon2id(password, argon);
        }
        String[] parts = stored.split("\\$");
        if (parts.length == 4 && PBKDF2.equals(parts[0])) {
            return verifyPbkdf2(password, parts);
        }
        verifyUnknownUser(password);
        return false;
    }

    private static boolean verifyArgon2id(String password, Matcher phc) {
        try {
            int memory = Integer.parseInt(phc.group(1));
            int iterations = Integer.parseInt(phc.group(2));
            int parallelism = Integer.parseInt(phc.group(3));
            byte[] salt = Base64.getDecoder().decode(phc.group(4));
            byte[] expected = Base64.getDecoder().decode(phc.group(5));
            if (parallelism < 1 || memory < 8 * parallelism || memory > MAX_MEMORY_KIB || iterations < 1
                    || salt.length < 8 || expected.length < 16) {
                return false;
            }
            byte[] actual = argon2id(password, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean verifyPbkdf2(String password, String[] parts) {
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000 || expected.length == 0) {
                return false;
            }
            byte[] actual = pbkdf2(password, salt, iterations, expected.length * 8);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * True when a stored hash is weaker than new hashes: PBKDF2, an Argon2id with less memory,
     * fewer passes or lanes, or not ours. Rehash it after the next successful check.
     */
    public static boolean needsRehash(String stored) {
        if (pbkdf2ForNewHashes) {
            return false;
        }
        Matcher argon = stored == null ? null : PHC.matcher(stored);
        if (argon == null || !argon.matches()) {
            return true;
        }
        try {
            return Integer.parseInt(argon.group(1)) < MEMORY_KIB || Integer.parseInt(argon.group(2)) < ITERATIONS
                    || Integer.parseInt(argon.group(3)) < PARALLELISM;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /** Spends the time of a real verification, for a username that does not exist. Always false. */
    public static boolean verifyUnknownUser(String password) {
        verify(password, pbkdf2ForNewHashes ? Dummy.PBKDF2_HASH : Dummy.HASH);
        return false;
    }

    /** Hashes of a random password, what unknown usernames are checked against; made on first use. */
    private static final class Dummy {
        static final String HASH = argon2id(Tokens.randomUrlSafe(16), MEMORY_KIB, ITERATIONS, PARALLELISM);
        static final String PBKDF2_HASH = pbkdf2(Tokens.randomUrlSafe(16), PBKDF2_ITERATIONS);
    }

    private static byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism)
                .withSalt(salt).withBlockPool(BLOCKS).build());
        byte[] secret = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
