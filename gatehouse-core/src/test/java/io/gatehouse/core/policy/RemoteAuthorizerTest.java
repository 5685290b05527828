package io.gatehouse.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatehouse.core.policy.authorize.AuthAnswer;
import io.gatehouse.core.policy.authorize.AuthorizerSettings;
import io.gatehouse.core.policy.authorize.CurrentDirectory;
import io.gatehouse.core.policy.authorize.DelegateAnswer;
import io.gatehouse.core.policy.authorize.RemoteAuthorizer;
import io.gatehouse.core.policy.directory.FailMode;
import io.gatehouse.protocol.json.Json;
import io.gatehouse.protocol.sense.VerifyCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The authorizer answers every request exactly once, within its budget, and explains the answer. */
class RemoteAuthorizerTest {
    private static final Clock MONDAY_10_BERLIN = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    private final ScheduledExecutorService timer = RemoteAuthorizer.deadlineTimer();
    private final CurrentDirectory directory = new CurrentDirectory();
    private final List<Decision> logged = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    private RemoteAuthorizer authorizer(io.gatehouse.core.policy.authorize.Delegate delegate, Duration budget) {
        return new RemoteAuthorizer(directory, delegate, d -> {
            logged.add(d);
            return CompletableFuture.completedFuture(null);
        }, MONDAY_10_BERLIN, timer, AuthorizerSettings.defaults().withBudget(budget));
    }

    @Test
    void anAllowedPersonGetsTheDocumentedAnswerAndTheDecisionIsLogged() throws Exception {
        directory.publish(Campus.directory());
        var request = TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).sentAt(Instant.parse("2026-03-02T08:59:58Z"));

        Decision decision = authorizer(null, Duration.ofMillis(300)).authorize(request.event(), System.nanoTime())
                .get(5, TimeUnit.SECONDS);

        assertThat(decision.pass()).isTrue();
        assertThat(decision.step()).isEqualTo(Step.ALLOW);
        assertThat(decision.ruleId()).isEqualTo("r1-staff-main");
        assertThat(decision.doorId()).isEqualTo("main");
        assertThat(decision.failMode()).isFalse();
        assertThat(decision.input().deviceSerial()).isEqualTo("PSC-MAIN");
        assertThat(decision.input().requestTime()).isEqualTo(Instant.parse("2026-03-02T08:59:58Z"));
        assertThat(decision.decidedAt()).isEqualTo(MONDAY_10_BERLIN.instant());
        assertThat(decision.elapsedNanos()).isPositive();
        assertThat(logged).containsExactly(decision);
        assertThat(Json.standard().mapper().writeValueAsString(decision.toAnswer().toJson())).isEqualTo(
                "{\"code\":200,\"msg\":\"OK\",\"data\":{\"pass\":true,\"customtips\":\"Hi Anna\","
                        + "\"user_id\":\"anna\",\"user_name\":\"Anna\",\"verify_code\":2}}");
    }

    @Test
    void aRefusalCarriesTheDocumentedCodeAndTheTipInTheDoorsLanguage() throws Exception {
        directory.publish(Campus.directory());
        // 19:00 in Shanghai: outside office hours; the Shanghai site speaks Chinese
        var late = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);
        var authorizer = new RemoteAuthorizer(directory, null, d -> CompletableFuture.completedFuture(null), late,
                timer, AuthorizerSettings.defaults());

        Decision decision = authorizer.authorize(TerminalAsks.at("PSC-SH").person("kohn", "科恩", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(decision.toAnswer().pass()).isFalse();
        assertThat(decision.toAnswer().customTips()).isEqualTo("不在通行时间");
        assertThat(decision.verifyCode()).isEqualTo(VerifyCode.OUTSIDE_ALLOWED_TIME);
        assertThat(decision.toAnswer().verifyCode()).isEqualTo(5);
    }

    @Test
    void whileTheDirectoryHasNotLoadedTheFailModeAnswersWithinTheBudget() throws Exception {
        RemoteAuthorizer authorizer = authorizer(null, Duration.ofMillis(50));
        assertThat(authorizer.health().canDecide()).isFalse();

        Decision decision = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(decision.failMode()).isTrue();
        assertThat(decision.reason()).isEqualTo(Reason.FAIL_SECURE);
        assertThat(decision.pass()).isFalse();
        assertThat(decision.detail()).contains("budget of 50 ms").contains("the directory to load");
        assertThat(logged).containsExactly(decision);

        directory.publish(Campus.directory());
        Decision after = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);
        assertThat(after.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(authorizer.health().canDecide()).isTrue();
    }

    @Test
    void theFailModeForAnUnknownDoorIsConfigurable() throws Exception {
        var openWhenUnsure = new AuthorizerSettings(Duration.ofMillis(20), FailMode.FAIL_OPEN, 5, 10);
        var authorizer = new RemoteAuthorizer(directory, null, d -> CompletableFuture.completedFuture(null),
                MONDAY_10_BERLIN, timer, openWhenUnsure);

        Decision decision = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(decision.reason()).isEqualTo(Reason.FAIL_OPEN);
        assertThat(decision.toAnswer().pass()).isTrue();
    }

    @Test
    void repeatedFailModeAnswersMakeTheAuthorizerUnhealthy() throws Exception {
        RemoteAuthorizer authorizer = authorizer(null, Duration.ofMillis(5));
        directory.publish(Campus.directory());
        assertThat(authorizer.health().canDecide()).isTrue();
        // a budget already spent when the request arrives: parsing took longer than the whole budget
        for (int i = 0; i < 5; i++) {
            Decision decision = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                    System.nanoTime() - Duration.ofSeconds(1).toNanos()).get(5, TimeUnit.SECONDS);
            assertThat(decision.failMode()).isTrue();
        }
        assertThat(authorizer.health()).satisfies(h -> {
            assertThat(h.canDecide()).isFalse();
            assertThat(h.reason()).contains("fail-mode");
        });
    }

    @Test
    void aDelegateThatAnswersDecidesAndTheLocalVerdictIsNoted() throws Exception {
        directory.publish(Campus.directory());
        RemoteAuthorizer authorizer = authorizer((request, door) -> CompletableFuture.completedFuture(
                new DelegateAnswer(false, "Ask reception desk", null, "visitor desk closed")), Duration.ofMillis(300));

        Decision decision = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(decision.reason()).isEqualTo(Reason.DELEGATE_DENIED);
        assertThat(decision.tip()).isEqualTo("Ask recept");
        assertThat(decision.detail()).isEqualTo("delegate: visitor desk closed");
        assertThat(decision.notes()).anySatisfy(note -> assertThat(note).startsWith("the local policy would have answered ALLOWED"));
    }

    @Test
    void aDelegateThatFailsLeavesTheDecisionToTheLocalPolicy() throws Exception {
        directory.publish(Campus.directory());
        RemoteAuthorizer authorizer = authorizer((request, door) -> CompletableFuture.failedFuture(
                new IllegalStateException("connection refused")), Duration.ofMillis(300));

        Decision decision = authorizer.authorize(TerminalAsks.at("PSC-MAIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(decision.reason()).isEqualTo(Reason.ALLOWED);
        assertThat(decision.notes()).contains("delegate failed (connection refused); the local policy decided");
    }
    @Test
    void twoRequestsOfOneFaceWhileTheFirstIsBeingCommittedOpenOneDoor() throws Exception {
        directory.publish(Campus.directory());
        List<CompletableFuture<Void>> commits = new CopyOnWriteArrayList<>();
        RemoteAuthorizer authorizer = new RemoteAuthorizer(directory, null, d -> {
            logged.add(d);
            CompletableFuture<Void> commit = new CompletableFuture<>();
            commits.add(commit);
            return commit;
        }, MONDAY_10_BERLIN, timer, AuthorizerSettings.defaults().withBudget(Duration.ofSeconds(5)));

        // the garage's entry terminal asks twice for one face before the first decision is durable
        CompletableFuture<Decision> first = authorizer.authorize(TerminalAsks.at("PSC-GIN").person("anna", "Anna", 1)
                .event(), System.nanoTime());
        CompletableFuture<Decision> second = authorizer.authorize(TerminalAsks.at("PSC-GIN").person("anna", "Anna", 1)
                .event(), System.nanoTime());
        assertThat(first).isNotDone();
        commits.forEach(commit -> commit.complete(null));

        assertThat(first.get(5, TimeUnit.SECONDS).reason()).isEqualTo(Reason.ALLOWED);
        assertThat(second.get(5, TimeUnit.SECONDS).reason()).isEqualTo(Reason.PASSBACK);
        assertThat(second.get().ruleId()).isEqualTo("garage");
        // the exit is open to her now, the entry is not
        CompletableFuture<Decision> out = authorizer.authorize(TerminalAsks.at("PSC-GOUT").person("anna", "Anna", 1)
                .event(), System.nanoTime());
        commits.forEach(commit -> commit.complete(null));
        assertThat(out.get(5, TimeUnit.SECONDS).reason()).isEqualTo(Reason.ALLOWED);
    }

    @Test
    void aPassageThatWasNotCommittedDoesNotCount() throws Exception {
        directory.publish(Campus.directory());
        RemoteAuthorizer authorizer = new RemoteAuthorizer(directory, null, d -> {
            logged.add(d);
            // the first decision's commit fails: the fail-mode answers instead
            return logged.size() == 1 ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
                    : CompletableFuture.completedFuture(null);
        }, MONDAY_10_BERLIN, timer, AuthorizerSettings.defaults().withBudget(Duration.ofSeconds(5)));

        Decision refused = authorizer.authorize(TerminalAsks.at("PSC-GIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);
        Decision again = authorizer.authorize(TerminalAsks.at("PSC-GIN").person("anna", "Anna", 1).event(),
                System.nanoTime()).get(5, TimeUnit.SECONDS);

        assertThat(refused.failMode()).isTrue();
        assertThat(refused.pass()).isFalse();
        assertThat(again.reason()).isEqualTo(Reason.ALLOWED);
    }

    @Test
    void ofManyRequestsOfOneFaceAtTheSameInstantOnManyThreadsOnlyOnePasses() throws Exception {
        directory.publish(Campus.directory());
        RemoteAuthorizer authorizer = new RemoteAuthorizer(directory, null,
                d -> CompletableFuture.completedFuture(null), MONDAY_10_BERLIN, timer,
                AuthorizerSettings.defaults().withBudget(Duration.ofSeconds(5)).withAnswer(AuthAnswer.FAST));
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Decision>> answers = new CopyOnWriteArrayList<>();
        List<Thread> askers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread asker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                answers.add(authorizer.authorize(TerminalAsks.at("PSC-GIN").person("anna", "Anna", 1).event(),
                        System.nanoTime()));
            });
            asker.start();
            askers.add(asker);
        }
        start.countDown();
        for (Thread asker : askers) {
            asker.join(5_000);
        }

        assertThat(answers).hasSize(threads);
        List<Reason> reasons = new ArrayList<>();
        for (CompletableFuture<Decision> answer : answers) {
            reasons.add(answer.get(5, TimeUnit.SECONDS).reason());
        }
        assertThat(reasons).containsOnlyOnce(Reason.ALLOWED).filteredOn(r -> r != Reason.ALLOWED)
                .containsOnly(Reason.PASSBACK);
    }
}
