package io.gatehouse.core.policy.authorize;

import io.gatehouse.core.event.AccessEvent;
import io.gatehouse.core.policy.AccessPolicy;
import io.gatehouse.core.policy.Decision;
import io.gatehouse.core.policy.DecisionInput;
import io.gatehouse.core.policy.PassbackLedger;
import io.gatehouse.core.policy.Reason;
import io.gatehouse.core.policy.Verdict;
import io.gatehouse.core.policy.answer.ScreenText;
import io.gatehouse.core.policy.directory.Directory;
import io.gatehouse.core.policy.directory.Door;
import io.gatehouse.core.policy.directory.DoorSettings;
import io.gatehouse.core.policy.directory.FailMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Answers a terminal's remote-authorization request within its budget. The local policy decides from the
 * directory snapshot; a configured delegate (the customer's service) decides instead while it answers, and the
 * local verdict stands in when it fails. If no decision is ready when the budget runs out — the first directory
 * load has not finished, the delegate hangs — the door's fail-mode answers, and the decision says so and why.
 * The answer is never late and never comes twice: whichever of decision and deadline comes first wins. With
 * {@link AuthAnswer#DURABLE} (the default) a decision is answered only once the decision log has committed it,
 * within the same budget; a commit that does not make it in time turns the answer into the fail-mode.
 *
 * <p>Thread-safe; {@link #authorize} never blocks. Callers complete their HTTP answer from the returned future.
 */
public final class RemoteAuthorizer {
    private final DirectorySource directory;
    private final Delegate delegate;
    private final DecisionLog log;
    private final Clock clock;
    private final ScheduledExecutorService deadlines;
    private final AuthorizerSettings settings;
    private final AccessPolicy policy = new AccessPolicy();
    private final PassbackLedger ledger = new PassbackLedger();
    private final AtomicInteger failModesInARow = new AtomicInteger();

    /**
     * @param delegate  {@code null} to decide locally only
     * @param deadlines the timer of the budgets; {@link #deadlineTimer()} makes a suitable one
     */
    public RemoteAuthorizer(DirectorySource directory, Delegate delegate, DecisionLog log, Clock clock,
                            ScheduledExecutorService deadlines, AuthorizerSettings settings) {
        this.directory = Objects.requireNonNull(directory);
        this.delegate = delegate;
        this.log = Objects.requireNonNull(log);
        this.clock = Objects.requireNonNull(clock);
        this.deadlines = Objects.requireNonNull(deadlines);
        this.settings = Objects.requireNonNull(settings);
    }

    /** One daemon thread that fires budgets; cancelled budgets leave its queue at once. */
    public static ScheduledExecutorService deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "gatehouse-auth-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    public AuthorizerSettings settings() {
        return settings;
    }

    /**
     * Decides {@code request} (an {@code AUTHORIZATION_REQUEST} event) within the budget.
     *
     * @param receivedNanos {@link System#nanoTime()} when the request arrived, so parsing counts against the budget
     */
    public CompletableFuture<Decision> authorize(AccessEvent request, long receivedNanos) {
        Attempt attempt = new Attempt(request, receivedNanos);
        long remaining = settings.budget().toNanos() - (System.nanoTime() - receivedNanos);
        if (remaining <= 0) {
            attempt.finish(attempt.failMode("the budget of " + settings.budget().toMillis()
                    + " ms was spent before the decision could start"));
            return attempt.result;
        }
        attempt.deadline = deadlines.schedule(attempt::expire, remaining, TimeUnit.NANOSECONDS);
        directory.snapshot()
                .thenCompose(attempt::decide)
                .whenComplete((decision, error) -> attempt.finish(error == null ? decision
                        : attempt.failMode("the decision failed: " + rootMessage(error))));
        return attempt.result;
    }

    /** Whether the hub can decide now: a directory is loaded and the fail-mode has not answered repeatedly. */
    public AuthorizerHealth health() {
        if (directory.lastKnown() == null) {
            return new AuthorizerHealth(false, "the directory has not loaded yet");
        }
        int inARow = failModesInARow.get();
        if (inARow >= settings.unhealthyAfterTimeouts()) {
            return new AuthorizerHealth(false, "the last " + inARow + " requests were answered by the fail-mode");
        }
        return new AuthorizerHealth(true, "ok");
    }

    /** One request on its way to exactly one decision. */
    private final class Attempt {
        private final AccessEvent request;
        private final long receivedNanos;
        private final DecisionInput input;
        private final String id = DecisionIds.next();
        private final AtomicReference<String> waitingFor = new AtomicReference<>("the directory to load");
        private final AtomicBoolean settled = new AtomicBoolean();
        private final AtomicBoolean answered = new AtomicBoolean();
        private final CompletableFuture<Decision> result = new CompletableFuture<>();
        private final PassbackLedger.Claim claim = new PassbackLedger.Claim();
        private volatile ScheduledFuture<?> deadline;

        Attempt(AccessEvent request, long receivedNanos) {
            this.request = request;
            this.receivedNanos = receivedNanos;
            this.input = DecisionInput.of(request);
        }

        CompletableFuture<Decision> decide(Directory snapshot) {
            Instant now = clock.instant();
            Verdict local = policy.decide(request, snapshot, ledger, now, claim);
            if (settled.get()) {
                // the budget ran out first and the fail-mode has answered: the claim must not outlive the attempt
                ledger.release(claim);
            }
            if (delegate == null) {
                return CompletableFuture.completedFuture(fromVerdict(snapshot, local, now, List.of()));
            }
            waitingFor.set("the delegate to answer");
            CompletionStage<DelegateAnswer> asked;
            try {
                asked = delegate.ask(request, local.door());
            } catch (RuntimeException e) {
                asked = CompletableFuture.failedFuture(e);
            }
            return asked.handle((answer, error) -> error == null
                    ? fromDelegate(snapshot, local, answer, now)
                    : fromVerdict(snapshot, local, now, List.of("delegate failed (" + rootMessage(error)
                            + "); the local policy decided"))).toCompletableFuture();
        }

        void expire() {
            finish(failMode("no decision within the budget of " + settings.budget().toMillis() + " ms, waiting for "
                    + waitingFor.get()));
        }

        void finish(Decision ready) {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            // the timer thread may fire late (a GC pause); a decision past the budget still must not answer
            Decision decision = ready.failMode() || ready.elapsedNanos() <= settings.budget().toNanos() ? ready
                    : failMode("the decision (" + ready.reason() + ") was ready after "
                            + TimeUnit.NANOSECONDS.toMillis(ready.elapsedNanos()) + " ms, past the budget of "
                            + settings.budget().toMillis() + " ms");
            ScheduledFuture<?> timer = deadline;
            if (timer != null) {
                timer.cancel(false);
            }
            CompletionStage<Void> committed = record(decision);
            // a fail-mode answer does not wait: its budget is usually spent already, and it is the safe answer
            if (settings.answer() == AuthAnswer.FAST || decision.failMode()) {
                answer(decision);
            } else {
                answerOnceCommitted(decision, committed);
            }
        }

        /**
         * The durable answer: the decision goes out once its record is committed (the writer commits what has
         * gathered in one transaction, so concurrent requests share a commit), and only within the budget.
         * Otherwise the door's fail-mode answers, and that decision is recorded too, saying why.
         */
        private void answerOnceCommitted(Decision decision, CompletionStage<Void> committed) {
            long remaining = settings.budget().toNanos() - elapsed();
            if (remaining <= 0) {
                notDurable(decision, "could not be committed: the budget was spent when it was made");
                return;
            }
            ScheduledFuture<?> timer = deadlines.schedule(() -> notDurable(decision, "was not committed within the"
                    + " budget of " + settings.budget().toMillis() + " ms"), remaining, TimeUnit.NANOSECONDS);
            committed.whenComplete((ignored, error) -> {
                timer.cancel(false);
                long took = elapsed();
                if (error != null) {
                    notDurable(decision, "could not be committed (" + rootMessage(error) + ")");
                } else if (took > settings.budget().toNanos()) {
                    notDurable(decision, "was committed only after " + TimeUnit.NANOSECONDS.toMillis(took)
                            + " ms, past the budget of " + settings.budget().toMillis() + " ms");
                } else if (answered.compareAndSet(false, true)) {
                    answer(decision);
                }
            });
        }

        private void notDurable(Decision decision, String why) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            Decision fallback = failMode(DecisionIds.next(), "the decision " + decision.id() + " ("
                    + decision.reason() + ") " + why + "; the fail-mode answered");
            answer(fallback);
            record(fallback);
        }

        private void answer(Decision decision) {
            if (decision.failMode()) {
                failModesInARow.incrementAndGet();
            } else {
                failModesInARow.set(0);
            }
            try {
                rememberPassage(decision);
            } finally {
                // whatever the bookkeeping does, the door gets its answer
                result.complete(decision);
            }
        }

        private CompletionStage<Void> record(Decision decision) {
            try {
                return log.append(decision);
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }

        Decision failMode(String why) {
            return failMode(id, why);
        }

        Decision failMode(String decisionId, String why) {
            Directory known = directory.lastKnown();
            Door door = known == null ? null : known.doorOf(input.deviceSerial(), input.cameraId());
            DoorSettings doorSettings = door == null ? DoorSettings.DEFAULTS : known.settingsOf(door);
            FailMode mode = door == null ? settings.unknownDoorFailMode() : doorSettings.failMode();
            Reason reason = mode == FailMode.FAIL_OPEN ? Reason.FAIL_OPEN : Reason.FAIL_SECURE;
            Directory tipsFrom = known == null ? Directory.EMPTY : known;
            return new Decision(decisionId, input, door == null ? null : door.id(), reason, null, why, List.of(),
                    input.personId(), input.personName(), reason.verifyCode(),
                    tip(tipsFrom, doorSettings, reason, input.personName()), clock.instant(), elapsed());
        }

        private Decision fromVerdict(Directory snapshot, Verdict v, Instant now, List<String> extraNotes) {
            List<String> notes = new ArrayList<>(v.identity().notes());
            notes.addAll(extraNotes);
            return new Decision(id, input, v.door() == null ? null : v.door().id(), v.reason(), v.ruleId(), v.detail(),
                    notes, v.identity().personId(), v.identity().name(), v.reason().verifyCode(),
                    tip(snapshot, v.settings(), v.reason(), v.identity().name()), now, elapsed());
        }

        private Decision fromDelegate(Directory snapshot, Verdict local, DelegateAnswer answer, Instant now) {
            Reason reason = answer.pass() ? Reason.DELEGATE_ALLOWED : Reason.DELEGATE_DENIED;
            List<String> notes = new ArrayList<>(local.identity().notes());
            notes.add("the local policy would have answered " + local.reason() + ": " + local.detail());
            String tip = answer.tip() != null
                    ? ScreenText.fit(answer.tip(), settings.screenLength())
                    : tip(snapshot, local.settings(), reason, local.identity().name());
            return new Decision(id, input, local.door() == null ? null : local.door().id(), reason, null,
                    answer.reason() == null ? "decided by the delegate" : "delegate: " + answer.reason(), notes,
                    local.identity().personId(), local.identity().name(),
                    answer.verifyCode() != null ? answer.verifyCode() : reason.verifyCode(), tip, now, elapsed());
        }

        private String tip(Directory snapshot, DoorSettings doorSettings, Reason reason, String name) {
            return snapshot.tips().withScreenLength(settings.screenLength())
                    .render(doorSettings.language(), reason.name(), name);
        }

        private void rememberPassage(Decision decision) {
            Directory known = directory.lastKnown();
            if (!decision.pass() || decision.failMode() || decision.personId() == null || decision.doorId() == null
                    || known == null) {
                ledger.release(claim);
                return;
            }
            if (claim.held()) {
                ledger.confirm(claim);
                return;
            }
            // no claim: the delegate let through whom the local policy refused
            Door door = known.get(Door.class, decision.doorId());
            if (door != null) {
                ledger.passed(known.pairsAt(door), door, decision.personId(), decision.decidedAt());
            }
        }

        private long elapsed() {
            return System.nanoTime() - receivedNanos;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }
}
