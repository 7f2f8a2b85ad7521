package com.sessiondesk.server.security;

/** For benchmarks: makes new password hashes today's PBKDF2-600k again, to measure it as a baseline. */
public final class HashingBaseline {

    private HashingBaseline() {
    }

    /** True: new hashes are PBKDF2 (600,000 iterations) and need no rehash; false: Argon2id, as served. */
    public static void usePbkdf2(boolean pbkdf2) {
        Passwords.usePbkdf2ForNewHashes(pbkdf2);
    }
}
