package com.sessiondesk.client.logout;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.FailureTranslator;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * One log out, from the request to what the server confirmed: sends it in the background; when the
 * answer is lost on the way, asks the server whether the log out took effect before anything is
 * claimed; when nothing ended, says who had ended the session; once the devices were told (with a
 * server that records it), says how many. Runs through the view's {@link ViewContext}, so it works
 * (and is tested) without a window.
 */
public final class LogoutCommand {

    /** A wait between two questions to the server; tests pass one that returns at once. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** How many of the sessions' devices were told. */
    record Told(int delivered, int total) {
    }

    private final AdminService service;
    private final Supplier<LogoutTarget> latestTarget;
    private final ViewContext context;
    private final LogoutTexts texts;
    private Pause pause = duration -> Thread.sleep(duration.toMillis());
    private int checkAttempts = 12;
    private Duration checkPause = Duration.ofSeconds(5);
    private int deliveryChecks = 12;
    private Duration deliveryPause = Duration.ofMillis(250);

    LogoutCommand(AdminService service, LogoutTarget target, ViewContext context, LogoutTexts texts) {
        this(service, () -> target, context, texts);
    }

    /** @param latestTarget whom the log out is about, as the client knows it now (its sessions follow the feed) */
    LogoutCommand(AdminService service, Supplier<LogoutTarget> latestTarget, ViewContext context, LogoutTexts texts) {
        this.service = service;
        this.latestTarget = latestTarget;
        this.context = context;
        this.texts = texts;
    }

    private LogoutTarget target() {
        return latestTarget.get();
    }

    /** How the waits pass (tests: without sleeping). */
    void pauseWith(Pause pause) {
        this.pause = pause;
    }

    /** How often, and how far apart, an unanswered log out is checked. */
    void checks(int attempts, Duration between) {
        this.checkAttempts = attempts;
        this.checkPause = between;
    }

    /** How often, and how far apart, the audit log is asked whether the devices were told. */
    void deliveryChecks(int times, Duration between) {
        this.deliveryChecks = times;
        this.deliveryPause = between;
    }

    /**
     * Sends the request in the background. Answers on the thread of the view's runner:
     * {@code checking} when the answer did not come in time and the server is being asked whether the
     * log out happened; then {@code done} with the outcome: confirmed (done), refused, or not known.
     */
    public void send(LogoutRequest request, Runnable checking, Consumer<LogoutOutcome> done) {
        boolean everySession = Boolean.TRUE.equals(request.allDevices()) || Boolean.TRUE.equals(request.block());
        Set<String> targetIds = target().targetIds(everySession);
        context.runner().run(() -> call(request), result -> sent(result, request, everySession, done),
                error -> failed(error, request, targetIds, checking, done));
    }

    private LogoutResult call(LogoutRequest request) throws Exception {
        if (!target().isUser()) {
            return service.logoutSession(target().session().id(), request);
        }
        if (Boolean.TRUE.equals(request.block())) {
            service.blockUser(target().username(), request.reason(), request.until());
            return new LogoutResult(target().userSessions().stream().map(s -> s.id()).toList(), true);
        }
        return service.logoutUser(target().username(), request.reason());
    }

    private void sent(LogoutResult result, LogoutRequest request, boolean everySession, Consumer<LogoutOutcome> done) {
        Instant until = request.until();
        if (result.endingSessionIds() != null && !result.endingSessionIds().isEmpty()) {
            String text = texts.done(result, until);
            done.accept(outcome(result, text, until));
            followDeliveries(result.endingSessionIds(), text);
            return;
        }
        if (!target().isUser() && !everySession && result.endedSessionIds().isEmpty()) {
            // Nothing ended: this session had ended before. Say when and by whom, not "no session left".
            context.runner().run(this::alreadyEnded, text -> done.accept(outcome(result, text, until)),
                    error -> done.accept(outcome(result, texts.alreadyEndedUnknown(), until)));
            return;
        }
        String text = texts.done(result, until);
        done.accept(outcome(result, text, until));
        followDeliveries(result.endedSessionIds(), text);
    }

    private static LogoutOutcome outcome(LogoutResult result, String message, Instant until) {
        List<String> ended = result.endedSessionIds() == null ? List.of() : List.copyOf(result.endedSessionIds());
        return new LogoutOutcome(true, message, ended, result.blocked(), result.blocked() ? until : null);
    }

    private String alreadyEnded() throws Exception {
        for (AuditEvent event : service.auditOf(target().username(), 100)) {
            if (event.sessionIds() != null && event.sessionIds().contains(target().session().id())) {
                return texts.alreadyEnded(event, service.admin().username());
            }
        }
        return texts.alreadyEnded(null, null);
    }

    private void failed(ClientError error, LogoutRequest request, Set<String> targetIds, Runnable checking,
                        Consumer<LogoutOutcome> done) {
        if (context.handledGlobally(error)
                || !(error instanceof ClientError.Unreachable unreachable) || !unreachable.requestMayHaveArrived()) {
            done.accept(new LogoutOutcome(false, error.message())); // the server did not act on this request
            return;
        }
        // The request may have arrived: ask the server what the state is before saying anything.
        checking.run();
        context.runner().run(() -> verify(request, targetIds), done,
                checkError -> done.accept(new LogoutOutcome(false, texts.unknown())));
    }

    /** In the background: asks (again, while the server is unreachable) whether the log out took effect. */
    LogoutOutcome verify(LogoutRequest request, Set<String> targetIds) throws Exception {
        boolean block = Boolean.TRUE.equals(request.block());
        Exception last = null;
        boolean stillActiveOnce = false;
        for (int attempt = 0; attempt < checkAttempts; attempt++) {
            if (attempt > 0) {
                pause.pause(checkPause);
            }
            try {
                Set<String> active = new HashSet<>();
                service.sessionsOf(target().username()).forEach(s -> active.add(s.id()));
                List<String> ended = new ArrayList<>();
                for (String id : targetIds) {
                    if (!active.contains(id)) {
                        ended.add(id);
                    }
                }
                boolean blocked = !block || service.users(true).stream().anyMatch(u -> u.username().equals(target().username()));
                boolean allEnded = target().isUser() ? active.isEmpty() : ended.size() == targetIds.size();
                if (allEnded && blocked) {
                    LogoutResult late = new LogoutResult(ended, block);
                    return outcome(late, texts.doneLate(late, request.until()), request.until());
                }
                if (stillActiveOnce) {
                    return new LogoutOutcome(false, texts.notDone());
                }
                stillActiveOnce = true; // the delayed request may still be in progress: ask once more
            } catch (Exception e) {
                if (!(FailureTranslator.translate(e) instanceof ClientError.Unreachable)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("no answer");
    }

    /**
     * Once the devices have been told (or after a few checks), a notification says how many:
     * "Signed out Bob Aide from 3 devices · Delivered to 2 of 3 devices". Only with a server that
     * records deliveries; nothing more is said otherwise.
     */
    private void followDeliveries(List<String> sessionIds, String message) {
        if (sessionIds == null || sessionIds.isEmpty() || !service.tracksDeliveries()) {
            return;
        }
        context.runner().run(() -> awaitDeliveries(sessionIds), told -> {
            if (told != null) {
                context.notifier().accept(DeliveryTexts.deliveredTo(message, told.delivered(), told.total()));
            }
        }, error -> { });
    }

    /** The newest audit event that lists these sessions, asked again while some are not told; null without delivery data. */
    Told awaitDeliveries(List<String> sessionIds) throws Exception {
        Told told = null;
        for (int check = 0; check <= deliveryChecks; check++) {
            if (check > 0) {
                pause.pause(deliveryPause);
            }
            told = told(sessionIds);
            if (told == null || told.delivered() == told.total()) {
                return told;
            }
        }
        return told;
    }

    private Told told(List<String> sessionIds) throws Exception {
        for (AuditEvent event : service.auditOf(target().username(), 20)) {
            if (event.deliveries() != null && event.sessionIds() != null && event.sessionIds().containsAll(sessionIds)) {
                int delivered = (int) event.deliveries().stream().filter(d -> d.deliveredAt() != null).count();
                return new Told(delivered, event.deliveries().size());
            }
        }
        return null;
    }
}
