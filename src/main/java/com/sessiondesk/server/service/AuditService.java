package com.sessiondesk.server.service;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.security.identity.Usernames;
import com.sessiondesk.server.store.AuditCategory;
import com.sessiondesk.server.store.JdbcStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * History's rules: pages of the audit log read with a cursor, and the retention of each category.
 *
 * <p>A page's {@code nextCursor} names the oldest event it returned and the filter it was read
 * with, signed (HMAC-SHA256) with a key every instance shares through the database: a cursor that
 * was changed, made up, or used with another filter is refused ({@link BadCursor}), never read as
 * some other position.
 */
public final class AuditService {

    /** The key's name in the {@code meta} table. */
    public static final String KEY_META = "audit_cursor_key";
    private static final String PREFIX = "ac1";
    private static final int MAX_CURSOR_LENGTH = 200;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** One page, newest first; {@code nextCursor} reads the next (older) page, null on the last one. */
    public record Page(List<AuditEvent> events, String nextCursor) {
    }

    /**
     * What to read: a category (null: both), a user (null: anyone), and where to start (null: the
     * newest). The username is looked up in the form usernames are stored in (NFKC, lower case).
     */
    public record Query(AuditCategory category, String username, String before, int limit) {
        public Query {
            username = username == null ? null : Usernames.normalize(username);
        }
    }

    /** A cursor that this service did not hand out for this filter. */
    public static final class BadCursor extends RuntimeException {
        BadCursor() {
            super("The parameter 'before' is not a cursor of this list (use the nextCursor of the previous page).");
        }
    }

    /** How long each category is kept. */
    public record Retention(Duration actions, Duration securityEvents) {
        public static final Duration DEFAULT_ACTIONS = Duration.ofDays(365);
        public static final Duration DEFAULT_SECURITY_EVENTS = Duration.ofDays(90);

        public static Retention defaults() {
            return new Retention(DEFAULT_ACTIONS, DEFAULT_SECURITY_EVENTS);
        }
    }

    private final JdbcStore store;
    private final SecretKeySpec key;

    public AuditService(JdbcStore store) {
        this.store = store;
        byte[] secret = Base64.getUrlDecoder().decode(store.metaIfAbsent(KEY_META, Tokens.randomUrlSafe(32)));
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @throws BadCursor when {@code before} is not a cursor handed out for this filter */
    public Page page(Query query) {
        Long beforeId = query.before() == null ? null : parse(query).orElseThrow(BadCursor::new);
        List<AuditEvent> read = store.auditPage(query.category(), query.username(), beforeId, query.limit() + 1);
        if (read.size() <= query.limit()) {
            return new Page(read, null);
        }
        List<AuditEvent> events = read.subList(0, query.limit());
        return new Page(List.copyOf(events), cursor(query, events.get(events.size() - 1).id()));
    }

    /** Deletes actions and security events older than their retention; returns how many rows went. */
    public int prune(Retention retention, long now) {
        return store.pruneAudit(AuditCategory.ACTION, now - retention.actions().toMillis())
                + store.pruneAudit(AuditCategory.SECURITY, now - retention.securityEvents().toMillis());
    }

    private String cursor(Query query, long id) {
        String signed = PREFIX + "." + id;
        return signed + "." + B64.encodeToString(mac(signed, query));
    }

    private Optional<Long> parse(Query query) {
        String cursor = query.before();
        if (cursor.length() > MAX_CURSOR_LENGTH) {
            return Optional.empty();
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 3 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(parts[1]);
            byte[] given = Base64.getUrlDecoder().decode(parts[2]);
            boolean genuine = MessageDigest.isEqual(mac(PREFIX + "." + parts[1], query), given);
            return genuine && id > 0 ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The signature binds the position to the filter it was read with. */
    private byte[] mac(String signed, Query query) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String category = query.category() == null ? "" : query.category().column();
            String username = query.username() == null ? "" : query.username();
            String message = signed + "\u0000" + category + "\u0000" + username;
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }
}
