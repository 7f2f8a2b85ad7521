package com.sessiondesk.server.store;

/** The two databases we speak. Their differences are kept to this enum and the migration files. */
public enum Dialect {
    SQLITE("sqlite", "", ""),
    POSTGRESQL("postgresql", " FOR UPDATE", " FOR SHARE");

    private final String folder;
    private final String forUpdate;
    private final String forShare;

    Dialect(String folder, String forUpdate, String forShare) {
        this.folder = folder;
        this.forUpdate = forUpdate;
        this.forShare = forShare;
    }

    /** The folder of this dialect's migrations under {@code db/}. */
    public String folder() {
        return folder;
    }

    /**
     * Appended to a SELECT that locks a user row for the rest of the transaction. SQLite needs none:
     * it has one writer at a time and we serialize writers in {@link Database#write}.
     */
    public String forUpdate() {
        return forUpdate;
    }

    /** Appended to a SELECT that keeps a user row from changing until the transaction ends (a login). */
    public String forShare() {
        return forShare;
    }

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:sqlite:FILE or jdbc:postgresql://...)");
    }
}
