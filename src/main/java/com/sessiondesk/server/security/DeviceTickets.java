package com.sessiondesk.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Device login tickets (OWASP's "device cookie" for the apps): a successful mobile login returns a
 * ticket signed with the service's key and bound to the account and the device id; the app sends it
 * with its next login to that account, and the throttle then counts that device on its own, so
 * other clients' failures never lock it out. Format {@code dt1.ID.ISSUED_AT.HMAC} (HMAC-SHA256 of
 * the id, the time, the username and the device id); the key is shared by every service instance
 * through the database.
 */
public final class DeviceTickets {

    public static final String KEY_META = "device_ticket_key";
    public static final Duration LIFETIME = Duration.ofDays(180);
    private static final String PREFIX = "dt1";
    private static final int MAX_LENGTH = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;

    /** @param secret the signing key, URL-safe base64 of at least 32 random bytes */
    public DeviceTickets(String secret) {
        byte[] bytes = Base64.getUrlDecoder().decode(secret);
        if (bytes.length < 32) {
            throw new IllegalArgumentException("the device ticket key is too short");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** A new random signing key. */
    public static String newSecret() {
        return Tokens.randomUrlSafe(32);
    }

    /** A ticket for this account on this device, issued now. */
    public String issue(String username, String deviceId, long now) {
        String id = Tokens.randomUrlSafe(16);
        String signed = PREFIX + "." + id + "." + now;
        return signed + "." + B64.encodeToString(mac(signed, username, deviceId));
    }

    /**
     * The ticket's id when it is genuine, was issued to this account on this device, and has not
     * expired; empty otherwise (an unknown client, then).
     */
    public Optional<String> verify(String ticket, String username, String deviceId, long now) {
        if (ticket == null || ticket.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String[] parts = ticket.split("\\.");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        long issuedAt;
        byte[] given;
        try {
            issuedAt = Long.parseLong(parts[2]);
            given = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = mac(parts[0] + "." + parts[1] + "." + parts[2], username, deviceId);
        if (!MessageDigest.isEqual(expected, given) || issuedAt > now + 60_000
                || now - issuedAt > LIFETIME.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(parts[1]);
    }

    private byte[] mac(String signed, String username, String deviceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String message = signed + "\u0000" + username + "\u0000" + deviceId;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
