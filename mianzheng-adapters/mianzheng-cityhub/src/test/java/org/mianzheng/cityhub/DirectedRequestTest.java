package org.mianzheng.cityhub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.ChannelException;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DirectedStatus;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.Origin;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.simulator.DeskBehaviour;
import org.mianzheng.simulator.Fault;
import org.mianzheng.simulator.ManualClock;
import org.mianzheng.simulator.Route;
import org.mianzheng.simulator.SampleHolder;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;

/** Directed requests through cityhub: desk behaviours on a manual clock, idempotent submit, typed failures. */
class DirectedRequestTest {
    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-03-02T01:30:00Z"));
    private static Simulator sim;
    private static CityHubClient client;
    private static int seq;

    @BeforeAll
    static void start() {
        sim = Simulator.start(SimulatorConfig.builder().clock(CLOCK).build());
        client = CityHubClient.create(CityHubCompatibilityTest.testConfig(sim).clock(CLOCK).build());
        sim.desk().behave("DEPT-ANSWER", DeskBehaviour.answering(Duration.ofMinutes(2), Duration.ofMinutes(20), FileType.PDF))
                .behave("DEPT-IMAGE", DeskBehaviour.answering(Duration.ZERO, Duration.ofMinutes(5), FileType.PNG))
                .behave("DEPT-RETURN", DeskBehaviour.returning(Duration.ofMinutes(10), "不属于本单位职责", "DEPT-ANSWER"))
                .behave("DEPT-SILENT", DeskBehaviour.silent());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clear() {
        sim.faults().clear();
    }

    private static DirectedRequest request(String dept) {
        SampleHolder h = sim.data().persons().get(0);
        return new DirectedRequest("WO-" + (++seq), WorkOrderKind.VERIFY_APPROVAL, Origin.WINDOW, Complexity.NORMAL, dept, "ITEM-001",
                "BIZ-9", "MAT-1", "立项批复", h.id(), h.name(), "核验立项批复");
    }

    private static <T> T await(CompletionStage<T> s) {
        return s.toCompletableFuture().orTimeout(5, TimeUnit.SECONDS).join();
    }

    private static ChannelException failure(CompletionStage<?> s) {
        Throwable t = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, () -> await(s));
        assertThat(t.getCause()).isInstanceOf(ChannelException.class);
        return (ChannelException) t.getCause();
    }

    @Test
    void answeredRequestMovesThroughItsStatesAndYieldsAPdf() {
        DirectedStatus s = await(client.submit(request("DEPT-ANSWER")));
        assertThat(s.state()).isEqualTo(WorkOrderState.SUBMITTED);
        assertThat(failure(client.result(s.externalId())).outcome()).isEqualTo(SourceOutcome.NOT_FOUND);
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(await(client.status(s.externalId())).state()).isEqualTo(WorkOrderState.ACCEPTED);
        CLOCK.advance(Duration.ofMinutes(20));
        DirectedStatus done = await(client.status(s.externalId()));
        assertThat(done.state()).isEqualTo(WorkOrderState.COMPLETED);
        assertThat(done.updatedAt()).isEqualTo(s.updatedAt().plus(Duration.ofMinutes(20)));
        DocumentFile file = await(client.result(s.externalId()));
        assertThat(file.type()).isEqualTo(FileType.PDF);
        assertThat(new String(file.bytes(), 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF-1.4");
    }

    @Test
    void imageResultIsAPng() {
        DirectedStatus s = await(client.submit(request("DEPT-IMAGE")));
        CLOCK.advance(Duration.ofMinutes(6));
        assertThat(await(client.result(s.externalId())).type()).isEqualTo(FileType.PNG);
    }

    @Test
    void returnedRequestCarriesReasonAndTransferSuggestion() {
        DirectedStatus s = await(client.submit(request("DEPT-RETURN")));
        CLOCK.advance(Duration.ofMinutes(11));
        DirectedStatus r = await(client.status(s.externalId()));
        assertThat(r.state()).isEqualTo(WorkOrderState.RETURNED);
        assertThat(r.returnReason()).isEqualTo("不属于本单位职责");
        assertThat(r.transferSuggestion()).isEqualTo("DEPT-ANSWER");
    }

    @Test
    void silentDepartmentStaysSubmittedAndCanBeCancelled() {
        DirectedStatus s = await(client.submit(request("DEPT-SILENT")));
        CLOCK.advance(Duration.ofHours(30));
        assertThat(await(client.status(s.externalId())).state()).isEqualTo(WorkOrderState.SUBMITTED);
        DirectedStatus c = await(client.cancel(s.externalId(), "超时未核验，改为申请人提交"));
        assertThat(c.state()).isEqualTo(WorkOrderState.CANCELLED);
        assertThat(await(client.status(s.externalId())).state()).isEqualTo(WorkOrderState.CANCELLED);
    }

    @Test
    void cancellingACompletedRequestIsABadRequest() {
        DirectedStatus s = await(client.submit(request("DEPT-IMAGE")));
        CLOCK.advance(Duration.ofMinutes(6));
        ChannelException e = failure(client.cancel(s.externalId(), "too late"));
        assertThat(e.outcome()).isEqualTo(SourceOutcome.BAD_REQUEST);
        assertThat(e.platformCode()).isEqualTo("102");
        assertThat(e.channel()).isEqualTo("cityhub");
    }

    @Test
    void unknownRequestIsNotFound() {
        assertThat(failure(client.status("DR99999999")).outcome()).isEqualTo(SourceOutcome.NOT_FOUND);
    }

    @Test
    void submittingTheSameOrderTwiceCreatesOneRequest() {
        DirectedRequest r = request("DEPT-ANSWER");
        int before = sim.desk().created();
        DirectedStatus a = await(client.submit(r));
        DirectedStatus b = await(client.submit(r));
        assertThat(b.externalId()).isEqualTo(a.externalId());
        assertThat(sim.desk().created()).isEqualTo(before + 1);
    }

    @Test
    void afterATimeoutSubmitAsksByOrderIdInsteadOfSendingAgain() {
        sim.faults().inject(Route.CITYHUB_DIRECTED_CREATE, Fault.of(Fault.Kind.NO_ANSWER).times(1));
        int before = sim.desk().created();
        int requests = sim.requests();
        DirectedStatus s = await(client.submit(request("DEPT-ANSWER")));
        assertThat(s.state()).isEqualTo(WorkOrderState.SUBMITTED);
        assertThat(sim.desk().created()).isEqualTo(before + 1);
        assertThat(sim.requests() - requests).as("one create (lost answer) + one query by order id").isEqualTo(2);
    }

    @Test
    void afterARefusedCreateTheOrderIsSentOnceMoreOnlyWhenTheDeskDoesNotKnowIt() {
        sim.faults().inject(Route.CITYHUB_DIRECTED_CREATE, Fault.of(Fault.Kind.SERVER_ERROR).times(1));
        int before = sim.desk().created();
        DirectedStatus s = await(client.submit(request("DEPT-ANSWER")));
        assertThat(s.state()).isEqualTo(WorkOrderState.SUBMITTED);
        assertThat(sim.desk().created()).isEqualTo(before + 1);
    }

    @Test
    void submitIsNeverRetriedBlindly() {
        sim.faults().inject(Route.CITYHUB_DIRECTED_CREATE, Fault.of(Fault.Kind.SERVER_ERROR));
        int requests = sim.requests();
        ChannelException e = failure(client.submit(request("DEPT-ANSWER")));
        assertThat(e.outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        // create (503), query by order id (10: unknown), create once more (503) — no further attempts
        assertThat(sim.requests() - requests).isEqualTo(3);
    }

    @Test
    void rejectedSubmitIsTyped() {
        sim.faults().inject(Route.CITYHUB_DIRECTED_CREATE, Fault.status("100"));
        ChannelException e = failure(client.submit(request("DEPT-ANSWER")));
        assertThat(e.outcome()).isEqualTo(SourceOutcome.DENIED);
        assertThat(e.platformCode()).isEqualTo("100");
    }

    @Test
    void corruptResultFileIsMalformed() {
        DirectedStatus s = await(client.submit(request("DEPT-IMAGE")));
        CLOCK.advance(Duration.ofMinutes(6));
        sim.faults().inject(Route.CITYHUB_DIRECTED_RESULT, Fault.of(Fault.Kind.CORRUPT_FILE));
        assertThat(failure(client.result(s.externalId())).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
    }

    @Test
    void invalidArgumentsFailTheStageTypedInsteadOfThrowing() {
        ChannelException e = failure(client.status("bad id with spaces"));
        assertThat(e.outcome()).isEqualTo(SourceOutcome.BAD_REQUEST);
        assertThatThrownBy(() -> await(client.cancel("DR1", " "))).hasCauseInstanceOf(ChannelException.class);
    }
}
