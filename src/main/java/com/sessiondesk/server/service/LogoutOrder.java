package com.sessiondesk.server.service;

import java.util.List;

/**
 * One log out or block, as an admin asked for it: what it targets, whether it takes every device of
 * the account and blocks it (until {@code until}, epoch ms, or null for no end), the reason, the
 * after-sync deadline (null: the sessions end at once), who asked and when (epoch ms).
 */
public record LogoutOrder(Target target, boolean allDevices, boolean block, String reason, Long until,
        Long syncDeadline, String actor, long now) {

    /** What a log out is aimed at. */
    public sealed interface Target {
    }

    /** One session (and, with all devices or a block, every session of its account). */
    public record OneSession(String sessionId) implements Target {
    }

    /** An account: every session of it. */
    public record Account(String username) implements Target {
    }

    /** Many sessions at once (the bulk log out). */
    public record Sessions(List<String> sessionIds) implements Target {
    }

    /** The username when the target is an account, else null. */
    String username() {
        return target instanceof Account account ? account.username() : null;
    }
}
