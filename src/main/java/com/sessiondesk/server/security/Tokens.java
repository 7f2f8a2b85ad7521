package com.sessiondesk.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Bearer tokens: 256 random bits, URL-safe base64. Only their SHA-256 (hex) is ever stored. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final HexFormat HEX = HexFormat.of();

    private Tokens() {
    }

    /** A new token: 32 bytes from SecureRandom, 43 URL-safe characters. */
    public static String newToken() {
        return randomUrlSafe(32);
    }

    /** A random URL-safe string of {@code bytes} random bytes (session ids, generated passwords). */
    public static String randomUrlSafe(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return BASE64.encodeToString(raw);
    }

    /** The lower-case hex SHA-256 of a token: what the database stores and looks up. */
    public static String hash(String token) {
        return HEX.formatHex(sha256().digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
