package org.mianzheng.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Digests;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;

/**
 * The {@link LicenseSource} contract as tests. Extend it, return the source and a fixture, and every test below runs
 * against your adapter:
 *
 * <pre>{@code
 * class MyPlatformCompatibilityTest extends LicenseSourceCompatibilityKit {
 *     static MyPlatformStub stub = MyPlatformStub.start();
 *     static LicenseSource source = MyPlatformClient.create(stub.url());
 *
 *     @Override protected LicenseSource source() { return source; }
 *     @Override protected LicenseSourceFixture fixture() { return stub.fixture(); }
 * }
 * }</pre>
 *
 * <p>What it checks: the channel id is a code; found / not found / revoked / expired / restricted map to their
 * outcomes; a found licence belongs to the queried holder and type, carries no file unless asked and a checked file
 * (type by magic bytes, SHA-256, size limit) when asked; every injected fault maps to its outcome
 * ({@link PlatformFault#expected()}), an unknown status code is reported in {@code platformCode}; every stage
 * completes within {@link LicenseSourceFixture#deadline()} and never exceptionally; the purpose (item, case, operator,
 * window) reaches the platform with every data call; concurrent retrievals do not mix answers; identity numbers never
 * appear unmasked in the captured log.
 */
public abstract class LicenseSourceCompatibilityKit {
    private static final AtomicInteger SEQ = new AtomicInteger();

    /** @return the source under test (may be shared between tests) */
    protected abstract LicenseSource source();

    /** @return the fixture describing its backend */
    protected abstract LicenseSourceFixture fixture();

    /** Starts each test without faults or recorded calls. */
    @BeforeEach
    void kitReset() {
        fixture().clearFaults();
        fixture().resetRecording();
    }

    /** Leaves no fault behind. */
    @AfterEach
    void kitClear() {
        fixture().clearFaults();
    }

    /**
     * Retrieves and checks the stage's completion: not thrown, not null, within the deadline, not exceptional.
     *
     * @param query the query
     * @return the result
     */
    protected final SourceResult retrieve(LicenseQuery query) {
        Duration deadline = fixture().deadline();
        CompletionStage<SourceResult> stage;
        try {
            stage = source().retrieve(query);
        } catch (RuntimeException e) {
            throw new AssertionError("retrieve threw instead of returning a stage: " + e, e);
        }
        assertNotNull(stage, "retrieve returned null");
        CompletableFuture<SourceResult> f = stage.toCompletableFuture();
        try {
            SourceResult r = f.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(r, "the stage completed with null");
            return r;
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError("the stage did not complete within " + deadline);
        } catch (ExecutionException e) {
            throw new AssertionError("the stage completed exceptionally: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    /**
     * @param q a query
     * @return the same query with a fresh request id and case number (so that recorded calls can be told apart)
     */
    protected static LicenseQuery fresh(LicenseQuery q) {
        int n = SEQ.incrementAndGet();
        String bizNo = q.bizNo().length() > 50 ? q.bizNo().substring(0, 50) : q.bizNo();
        return new LicenseQuery("tck-" + n + "-" + System.nanoTime() % 1_000_000, q.holder(), q.holderName(), q.licenseTypeCode(), q.itemCode(),
                bizNo + "-T" + n, q.operatorId(), q.windowId(), q.purpose(), q.withFile());
    }

    private static void assertBelongs(License l, LicenseQuery q) {
        assertEquals(q.holder(), l.holder(), "licence holder differs from the query");
        assertEquals(q.licenseTypeCode(), l.licenseTypeCode(), "licence type differs from the query");
    }

    @Test
    void idIsAStableCode() {
        String id = source().id();
        assertNotNull(id, "id() is null");
        assertEquals(id, Codes.require(id, "id"));
        assertEquals(id, source().id(), "id() is not stable");
    }

    @Test
    void foundWithoutFile() {
        LicenseQuery q = fresh(fixture().found(false));
        SourceResult r = retrieve(q);
        assertEquals(SourceOutcome.FOUND, r.outcome(), () -> "expected FOUND, got " + r);
        assertNotNull(r.license());
        assertBelongs(r.license(), q);
        assertEquals(LicenseStatus.VALID, r.license().status());
        assertNull(r.license().file(), "no file was asked for");
    }

    @Test
    void foundWithCheckedFile() {
        LicenseQuery q = fresh(fixture().found(true));
        SourceResult r = retrieve(q);
        assertEquals(SourceOutcome.FOUND, r.outcome(), () -> "expected FOUND, got " + r);
        assertBelongs(r.license(), q);
        DocumentFile file = r.license().file();
        assertNotNull(file, "the file was asked for");
        byte[] bytes = file.bytes();
        assertEquals(file.type(), FileType.sniff(bytes), "file type does not match its magic bytes");
        assertEquals(Digests.sha256Hex(bytes), file.sha256(), "file digest does not match its content");
        assertTrue(bytes.length <= fixture().maxFileBytes(), "file exceeds the size limit");
    }

    @Test
    void notFound() {
        SourceResult r = retrieve(fresh(fixture().notFound()));
        assertEquals(SourceOutcome.NOT_FOUND, r.outcome(), () -> "expected NOT_FOUND, got " + r);
        assertNull(r.license(), "NOT_FOUND carries no licence");
    }

    @Test
    void revoked() {
        unusable(fixture().revoked(), SourceOutcome.REVOKED, LicenseStatus.REVOKED);
    }

    @Test
    void expired() {
        unusable(fixture().expired(), SourceOutcome.EXPIRED, LicenseStatus.EXPIRED);
    }

    @TestFactory
    Stream<DynamicTest> restricted() {
        return fixture().restricted().stream()
                .map(q -> DynamicTest.dynamicTest("restricted", () -> unusable(q, SourceOutcome.RESTRICTED, LicenseStatus.RESTRICTED)));
    }

    private void unusable(LicenseQuery query, SourceOutcome expected, LicenseStatus status) {
        LicenseQuery q = fresh(query);
        SourceResult r = retrieve(q);
        assertEquals(expected, r.outcome(), () -> "expected " + expected + ", got " + r);
        if (r.license() != null) {
            assertBelongs(r.license(), q);
            assertEquals(status, r.license().status());
        }
    }

    /** @return one test per fault the fixture can inject */
    @TestFactory
    Stream<DynamicTest> faultsMapToTypedOutcomes() {
        List<DynamicTest> tests = new ArrayList<>();
        for (PlatformFault fault : PlatformFault.values()) {
            if (!fixture().supportedFaults().contains(fault)) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(fault.name() + " -> " + fault.expected(), () -> {
                fixture().clearFaults();
                fixture().inject(fault);
                try {
                    LicenseQuery q = fresh(fixture().found(fault.needsFile()));
                    SourceResult r = retrieve(q); // within the fixture's deadline, or the kit fails (retrieve)
                    assertEquals(fault.expected(), r.outcome(), () -> fault + ": expected " + fault.expected() + ", got " + r);
                    if (fault == PlatformFault.UNKNOWN_STATUS) {
                        assertNotNull(r.platformCode(), "an unknown status code must be reported in platformCode");
                    }
                    assertFalse(r.detail().contains(q.holder().value()), "detail contains the identity number");
                } finally {
                    fixture().clearFaults();
                }
                SourceResult after = retrieve(fresh(fixture().found(false)));
                assertEquals(SourceOutcome.FOUND, after.outcome(), () -> "after clearing " + fault + " the source did not recover: " + after);
            }));
        }
        return tests.stream();
    }

    /**
     * @return a test when the fixture can make the platform not answer: {@code retrieve} must return its stage at once,
     *         not wait for the answer (or its own timeout) on the caller's thread
     */
    @TestFactory
    Stream<DynamicTest> retrieveDoesNotBlockTheCaller() {
        return Stream.of(1).filter(x -> fixture().supportedFaults().contains(PlatformFault.NO_ANSWER)).map(x -> DynamicTest.dynamicTest(
                "non-blocking", () -> {
                    fixture().inject(PlatformFault.NO_ANSWER);
                    try {
                        CompletionStage<SourceResult> stage = source().retrieve(fresh(fixture().found(false)));
                        assertNotNull(stage, "retrieve returned null");
                        // the platform has not answered: a stage already complete means retrieve waited on the caller's
                        // thread (until its own timeout); no clock is read, so a slow machine cannot fail this
                        assertFalse(stage.toCompletableFuture().isDone(), "retrieve blocked the caller until the call was over");
                        SourceResult r = stage.toCompletableFuture().get(fixture().deadline().toMillis() * 2, TimeUnit.MILLISECONDS);
                        assertEquals(SourceOutcome.TIMEOUT, r.outcome(), "a platform that does not answer is a TIMEOUT");
                    } finally {
                        fixture().clearFaults();
                    }
                }));
    }

    /** @return a test when the fixture records purposes */
    @TestFactory
    Stream<DynamicTest> purposeIsSentWithEveryCall() {
        return Stream.of(1).filter(x -> fixture().purposesSeen().isPresent()).map(x -> DynamicTest.dynamicTest("purpose", () -> {
            LicenseQuery q = fresh(fixture().found(true));
            fixture().resetRecording();
            assertEquals(SourceOutcome.FOUND, retrieve(q).outcome());
            List<SeenPurpose> seen = fixture().purposesSeen().orElseThrow();
            assertFalse(seen.isEmpty(), "the platform recorded no data call");
            for (SeenPurpose p : seen) {
                assertEquals(q.itemCode(), p.itemCode(), "item code not sent");
                assertEquals(q.bizNo(), p.bizNo(), "case number not sent");
                assertEquals(q.operatorId(), p.operatorId(), "operator not sent");
                assertEquals(q.windowId(), p.windowId(), "window not sent");
                if (p.purpose() != null) {
                    assertEquals(q.purpose(), p.purpose(), "purpose text not sent as given");
                }
            }
        }));
    }

    @Test
    void concurrentRetrievalsDoNotMixAnswers() {
        List<LicenseQuery> queries = new ArrayList<>();
        List<SourceOutcome> expected = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            queries.add(fresh(fixture().found(false)));
            expected.add(SourceOutcome.FOUND);
            queries.add(fresh(fixture().notFound()));
            expected.add(SourceOutcome.NOT_FOUND);
            queries.add(fresh(fixture().revoked()));
            expected.add(SourceOutcome.REVOKED);
        }
        List<CompletableFuture<SourceResult>> futures = new ArrayList<>();
        for (LicenseQuery q : queries) {
            futures.add(source().retrieve(q).toCompletableFuture());
        }
        for (int i = 0; i < queries.size(); i++) {
            SourceResult r;
            try {
                r = futures.get(i).get(fixture().deadline().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new AssertionError("concurrent retrieval " + i + " failed: " + e, e);
            }
            assertEquals(expected.get(i), r.outcome(), "concurrent retrieval " + i);
            if (r.license() != null) {
                assertBelongs(r.license(), queries.get(i));
            }
        }
    }

    /** @return a test when the fixture captures the log */
    @TestFactory
    Stream<DynamicTest> identityNumbersNeverLoggedUnmasked() {
        Optional<Supplier<String>> log = fixture().capturedLog();
        return log.stream().map(l -> DynamicTest.dynamicTest("masked", () -> {
            LicenseQuery found = fresh(fixture().found(true));
            LicenseQuery missing = fresh(fixture().notFound());
            int from = l.get().length(); // only what these calls log: the capture may hold other tests' output
            retrieve(found);
            retrieve(missing);
            String text = l.get().substring(from);
            assertFalse(text.contains(found.holder().value()), "the log contains an unmasked identity number");
            assertFalse(text.contains(missing.holder().value()), "the log contains an unmasked identity number");
        }));
    }
}
