package com.sessiondesk.client.logout;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** The words of a log out: the dialog's heading, scope and warnings, and the outcome for the notification. */
public final class LogoutTexts {

    private final Supplier<LogoutTarget> latestTarget;
    private final Clock clock;

    LogoutTexts(LogoutTarget target, Clock clock) {
        this(() -> target, clock);
    }

    /** @param latestTarget whom the log out is about, as the client knows it now (its sessions follow the feed) */
    LogoutTexts(Supplier<LogoutTarget> latestTarget, Clock clock) {
        this.latestTarget = latestTarget;
        this.clock = clock;
    }

    private LogoutTarget target() {
        return latestTarget.get();
    }

    public String title() {
        return Messages.get("logout.title");
    }

    /** The seed's warning: unsynced work is lost. */
    public String warning() {
        return Messages.get("logout.warning");
    }

    public String blockHelp() {
        return Messages.get("logout.block.help");
    }

    /** "Log out Bob Aide (bob.aide)?" */
    public String heading() {
        if (!target().isUser()) {
            return Messages.format("logout.heading", target().displayName(), target().username());
        }
        return Messages.format(target().knownTotal() == 0 ? "logout.heading.block" : "logout.heading.allDevices",
                target().displayName(), target().username());
    }

    /** "Galaxy A54 · Android 14 — Caregiver 3.2.0", or for a user "3 active sessions". */
    public String sessionDescription() {
        Session session = target().session();
        if (session == null) {
            return Messages.format("logout.activeSessions", target().knownTotal());
        }
        String device = join(" · ", session.deviceModel(), session.deviceOs());
        String app = join(" ", session.application(), session.appVersion());
        String text = join(" — ", device, app);
        return session.superseded() ? Messages.format("logout.oldVersion", text) : text;
    }

    /** "Ends all 3 sessions of bob.aide, including 1 from an old app version." */
    String allDevicesScope() {
        int total = target().knownTotal();
        String username = target().username();
        if (total <= 1) {
            return total == 0 ? Messages.format("logout.allDevices.noSession", username)
                    : !target().isUser() ? Messages.format("logout.allDevices.none", username)
                    : Messages.format("logout.allDevices.one", username);
        }
        long old = target().userSessions().stream().filter(Session::superseded).count();
        return old > 0 ? Messages.format("logout.allDevices.scopeOld", total, username, old)
                : Messages.format("logout.allDevices.scope", total, username);
    }

    /** The unsynced items a log out loses: on this device, and with all devices on the others too ("" for none). */
    String unsynced(boolean allDevices) {
        Session session = target().session();
        String username = target().username();
        int here = session == null ? 0 : Math.max(0, session.pendingSyncItems());
        int elsewhere = 0;
        if (allDevices) {
            for (Session other : target().userSessions()) {
                if (session == null || !other.id().equals(session.id())) {
                    elsewhere += Math.max(0, other.pendingSyncItems());
                }
            }
        }
        if (session == null) {
            return elsewhere == 0 ? "" : Messages.format("logout.unsynced.user", elsewhere, username);
        }
        if (elsewhere == 0) {
            return here == 0 ? "" : Messages.format("logout.unsynced.here", here);
        }
        return here == 0
                ? Messages.format("logout.unsynced.elsewhere", elsewhere, username)
                : Messages.format("logout.unsynced.both", here, username, elsewhere);
    }

    /** What the server did: "Signed out Bob Aide from 2 devices; account blocked until …". */
    String done(LogoutResult result, Instant blockedUntil) {
        String name = target().displayName();
        if (result.endingSessionIds() != null && !result.endingSessionIds().isEmpty()) {
            String text = Messages.format("logout.done.afterSync", name, target().devicesOf(result.endingSessionIds()),
                    Formats.compactDateTime(result.syncDeadline(), clock.instant()));
            return result.blocked() ? blocked(text, blockedUntil) : text;
        }
        List<String> ended = result.endedSessionIds() == null ? List.of() : result.endedSessionIds();
        if (ended.isEmpty() && target().isUser() && result.blocked() && target().knownTotal() > 0) {
            return Messages.format("logout.done.blockedAll", name);
        }
        if (ended.isEmpty()) {
            return result.blocked() ? Messages.format("logout.done.blockedNone", name) : Messages.format("logout.done.none", name);
        }
        String text;
        var session = target().session();
        if (session != null && ended.size() == 1 && ended.get(0).equals(session.id())) {
            text = Messages.format("logout.done.one", name, join(" ", session.deviceModel(), "(" + session.application() + ")"));
        } else {
            int devices = target().devicesOf(ended);
            text = devices != ended.size() ? Messages.format("logout.done.devicesSessions", name, devices, ended.size())
                    : Messages.format("logout.done.devices", name, devices);
        }
        return result.blocked() ? blocked(text, blockedUntil) : text;
    }

    /** "…; account blocked", with the block's end when it has one. */
    private static String blocked(String text, Instant until) {
        return until == null ? Messages.format("logout.done.blocked", text)
                : Messages.format("logout.done.blockedUntil", text, Formats.dateTime(until));
    }

    /** "Done: the server confirmed late. …" */
    String doneLate(LogoutResult result, Instant blockedUntil) {
        return Messages.format("logout.doneLate", done(result, blockedUntil));
    }

    String notDone() {
        return Messages.format("logout.notDone", target().displayName());
    }

    String unknown() {
        return Messages.get("logout.unknown");
    }

    /** "This session had already ended: logged out by you (admin) at 3:04 PM"; without the event, by itself. */
    String alreadyEnded(AuditEvent event, String admin) {
        if (event == null) {
            return Messages.get("logout.alreadyEnded.itself");
        }
        String who = event.actor() != null && event.actor().equals(admin)
                ? Messages.format("logout.endedBy.you", event.actor()) : event.actor();
        String key = "block".equals(event.action()) ? "logout.endedBy.block" : "logout.endedBy.logout";
        return Messages.format("logout.alreadyEnded.by", Messages.format(key, who, Formats.shortDateTime(event.at(), clock.instant())));
    }

    /** "This session had already ended", when the server could not say more. */
    String alreadyEndedUnknown() {
        return Messages.get("logout.alreadyEnded");
    }

    static String join(String separator, String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (text.length() > 0) {
                    text.append(separator);
                }
                text.append(part.trim());
            }
        }
        return text.toString();
    }
}
