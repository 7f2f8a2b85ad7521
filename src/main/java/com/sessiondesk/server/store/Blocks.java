package com.sessiondesk.server.store;

/** Time-limited blocks lapse by themselves: no job clears them, every read asks whether one is in force. */
public final class Blocks {

    private Blocks() {
    }

    /** Whether a block is in force at {@code now}: the flag is set and its end, if any, has not come. */
    public static boolean inForce(boolean flag, Long until, long now) {
        return flag && (until == null || until > now);
    }

    /** SQL: 1 when the block of users row {@code alias} is in force at the time bound to its one ?, else 0. */
    static String inForceSql(String alias) {
        return "CASE WHEN " + alias + ".blocked <> 0 AND (" + alias + ".blocked_until IS NULL OR " + alias
                + ".blocked_until > ?) THEN 1 ELSE 0 END";
    }
}
