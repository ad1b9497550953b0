package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.store.InMemoryAuditStore;
import org.mianzheng.core.store.InMemoryCaseStore;
import org.mianzheng.core.store.InMemoryCatalogStore;
import org.mianzheng.core.store.InMemoryConsentStore;
import org.mianzheng.core.store.InMemoryOperatorStore;
import org.mianzheng.core.store.InMemoryViolationStore;
import org.mianzheng.core.testing.FakeSource;
import org.mianzheng.core.testing.WrappingAuditStore;

/**
 * Two engines on the same stores, as two nodes on one database: each caches accounts, consents and licences, and each
 * follows the shared audit chain for the other's consent and account changes ({@code internals().followChanges()}
 * stands for the engine's timer).
 */
class TwoEnginesTest {
    final MutableClock clock = new MutableClock(RetrievalFixture.MONDAY_10);
    final InMemoryAuditStore audit = new InMemoryAuditStore();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryCaseStore cases = new InMemoryCaseStore();
    final InMemoryOperatorStore operators = new InMemoryOperatorStore();
    final InMemoryConsentStore consents = new InMemoryConsentStore();
    final InMemoryViolationStore violations = new InMemoryViolationStore();
    final FakeSource sourceA = new FakeSource("onewindow");
    final FakeSource sourceB = new FakeSource("onewindow");
    /** b's view of the consent store: the shared one, failing the next {@code failures} reads of a case's consents. */
    final FlakyConsents bConsents = new FlakyConsents();
    final Mianzheng a = engine(sourceA, consents);
    final Mianzheng b;

    TwoEnginesTest() {
        Fixtures.loadWithAccounts(a);
        b = engine(sourceB, bConsents);
    }

    final class FlakyConsents implements org.mianzheng.api.spi.ConsentStore {
        int failures;

        @Override
        public void put(Consent consent) {
            consents.put(consent);
        }

        @Override
        public java.util.Optional<Consent> find(String id) {
            return consents.find(id);
        }

        @Override
        public List<Consent> forCase(String bizNo) {
            if (failures > 0) {
                failures--;
                throw new org.mianzheng.api.StoreException("consent store unavailable");
            }
            return consents.forCase(bizNo);
        }
    }

    private Mianzheng engine(FakeSource source, org.mianzheng.api.spi.ConsentStore consentStore) {
        return Mianzheng.builder().clock(clock).licenseSource(source).auditStore(audit).catalogStore(catalog).caseStore(cases)
                .operatorStore(operators).consentStore(consentStore).violationStore(violations).followChanges(Duration.ZERO).build();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private Consent grant(Mianzheng on, Case c, String... materials) {
        return on.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of(materials), "办理食品经营许可", ConsentMethod.SIGNATURE_PAD,
                "sig-" + c.bizNo(), Digests.sha256Hex(("signature of " + c.bizNo()).getBytes()), null));
    }

    private static RetrievalResult retrieve(Mianzheng on, Case c, String material, String operator) {
        return on.retrieval().retrieve(c.bizNo(), material, operator).toCompletableFuture().join();
    }

    private static void refused(Mianzheng on, Case c, String material, String operator, ViolationKind kind) {
        assertThatThrownBy(() -> retrieve(on, c, material, operator)).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void aConsentRevokedOnOneEngineIsRevokedOnTheOtherAfterItFollowsTheChain() {
        Case c = a.cases().open("T1", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        Consent k = grant(a, c, "SFZ");
        assertThat(b.internals().followChanges()).isEqualTo(1); // the grant: b holds nothing of the case yet
        assertThat(retrieve(b, c, "SFZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(retrieve(b, c, "SFZ", "clerk1").fromCache()).isTrue();
        assertThat(b.internals().lookup().cache().estimatedSize()).isEqualTo(1);

        a.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        // b has not looked yet: its cache still serves (the staleness followChanges bounds)
        assertThat(retrieve(b, c, "SFZ", "clerk1").fromCache()).isTrue();

        assertThat(b.internals().followChanges()).isEqualTo(1);
        assertThat(b.internals().lookup().cache().asMap()).isEmpty();
        refused(b, c, "SFZ", "clerk1", ViolationKind.CONSENT_REVOKED);
        assertThat(b.consents().forCase(c.bizNo())).singleElement().satisfies(x -> assertThat(x.revokedBy()).isEqualTo("clerk1"));
        assertThat(b.internals().followChanges()).isZero(); // nothing new
    }

    @Test
    void aConsentGrantedOnOneEngineServesOnTheOtherAfterItFollowsTheChain() {
        Case c = a.cases().open("T2", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        grant(a, c, "YYZZ");
        assertThat(retrieve(b, c, "YYZZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED); // b now holds the case's consents
        b.internals().followChanges();
        grant(a, c, "SFZ");
        refused(b, c, "SFZ", "clerk1", ViolationKind.OUT_OF_CONSENT_SCOPE);
        assertThat(b.internals().followChanges()).isEqualTo(1);
        assertThat(retrieve(b, c, "SFZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
    }

    @Test
    void anAccountDeregisteredOnOneEngineIsRefusedOnTheOtherAfterItFollowsTheChain() {
        Case c = a.cases().open("T3", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        grant(a, c, "SFZ", "YYZZ");
        b.internals().followChanges();
        assertThat(retrieve(b, c, "SFZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED); // b caches clerk1 as active
        a.accounts().deregister("clerk1", "admin1", "市行政审批和政务服务局", "离职");
        assertThat(retrieve(b, c, "SFZ", "clerk1").fromCache()).isTrue(); // not seen yet

        assertThat(b.internals().followChanges()).isEqualTo(1);
        refused(b, c, "SFZ", "clerk1", ViolationKind.DEREGISTERED_ACCOUNT);
        refused(b, c, "YYZZ", "clerk1", ViolationKind.DEREGISTERED_ACCOUNT);
        assertThat(b.accounts().find("clerk1").orElseThrow().active()).isFalse();
    }

    @Test
    void anEngineWhoseStoreCouldNotBeReadWhenItsFollowerStartedMissesNoChange() {
        // while the engine is being built, its audit store answers the first read (its chain's) and fails any later one:
        // its change follower, which used to read the store again when it was made, started nowhere and then skipped all
        // that came before its first poll
        boolean[] built = new boolean[1];
        WrappingAuditStore flaky = new WrappingAuditStore() {
            int lasts;

            @Override
            public java.util.Optional<org.mianzheng.api.AuditEvent> last() {
                if (++lasts >= 2 && !built[0]) {
                    throw new org.mianzheng.api.StoreException("audit store unavailable");
                }
                return audit.last();
            }

            @Override
            public void append(List<org.mianzheng.api.AuditEvent> events) {
                audit.append(events);
            }

            @Override
            public List<org.mianzheng.api.AuditEvent> read(long fromSequence, int limit) {
                return audit.read(fromSequence, limit);
            }
        };
        Mianzheng c3 = Mianzheng.builder().clock(clock).licenseSource(new FakeSource("onewindow")).auditStore(flaky).catalogStore(catalog)
                .caseStore(cases).operatorStore(operators).consentStore(consents).violationStore(violations).followChanges(Duration.ZERO).build();
        built[0] = true;
        try {
            Case c = c3.cases().open("T9", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1"); // c3 caches clerk1 as active
            a.accounts().deregister("clerk1", "admin1", "市行政审批和政务服务局", "离职");
            assertThat(c3.internals().followChanges()).isGreaterThanOrEqualTo(1);
            assertThatThrownBy(() -> c3.cases().open("T10", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.DEREGISTERED_ACCOUNT));
            assertThat(c.bizNo()).isEqualTo("T9");
        } finally {
            c3.close();
        }
    }

    @Test
    void aDeregistrationInTheChainBeforeTheStoreShowsItStillCounts() {
        // the chain records first and the store follows: an engine reading both in between sees only the chain
        Case c = a.cases().open("T4", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk2");
        grant(a, c, "SFZ");
        b.internals().followChanges();
        a.internals().audit().append(AuditType.ACCOUNT_DEREGISTERED, "admin1", null, null, Map.of("operator", "clerk2", "reportedTo", "局",
                "reason", "离职"));
        assertThat(b.internals().followChanges()).isEqualTo(1); // b has not read clerk2 yet
        assertThat(operators.find("clerk2").orElseThrow().active()).isTrue();
        refused(b, c, "SFZ", "clerk2", ViolationKind.DEREGISTERED_ACCOUNT);
    }

    @Test
    void aRevocationInTheChainBeforeTheStoreShowsItStillCounts() {
        Case c = a.cases().open("T5", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        Consent k = grant(a, c, "SFZ");
        assertThat(retrieve(b, c, "SFZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        a.internals().audit().append(AuditType.CONSENT_REVOKED, "clerk1", c.bizNo(), a.auditSubject(c.applicant().id()),
                Map.of("consent", k.id(), "reason", "撤回"));
        assertThat(b.internals().followChanges()).isEqualTo(2); // the grant (already held) and the revocation
        assertThat(consents.find(k.id()).orElseThrow().revokedAt()).isNull();
        refused(b, c, "SFZ", "clerk1", ViolationKind.CONSENT_REVOKED);
        assertThat(b.internals().lookup().cache().asMap()).isEmpty();
    }

    @Test
    void aGrantInTheChainBeforeTheStoreShowsItIsLookedForAgain() {
        Case c = a.cases().open("T6", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        grant(a, c, "YYZZ");
        b.internals().followChanges();
        Consent late = new Consent("late-consent", c.bizNo(), c.itemCode(), c.applicant().id(), "clerk1", "W01", Set.of("SFZ"), "办理",
                ConsentMethod.PAPER_FORM, "form-1", "a".repeat(64), clock.instant(), clock.instant().plus(Duration.ofHours(2)), null, null);
        a.internals().audit().append(AuditType.CONSENT_GRANTED, "clerk1", c.bizNo(), a.auditSubject(c.applicant().id()),
                Map.of("consent", late.id(), "materials", "SFZ"));
        assertThat(b.internals().followChanges()).isZero(); // read, not found in the store yet: kept to try again
        assertThat(b.internals().followRetrying()).isEqualTo(1);
        refused(b, c, "SFZ", "clerk1", ViolationKind.OUT_OF_CONSENT_SCOPE);
        assertThat(b.internals().followChanges()).isZero(); // still not there
        consents.put(late); // the store catches up
        assertThat(b.internals().followChanges()).isEqualTo(1); // found on the retry
        assertThat(b.internals().followRetrying()).isZero();
        assertThat(retrieve(b, c, "SFZ", "clerk1").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(b.internals().followChanges()).isZero();
    }

    @Test
    void aRevocationTakesEffectEvenWhenTheStoreCannotBeReadAndIsAppliedAgainLater() {
        Case c = a.cases().open("T9", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        Consent k = grant(a, c, "SFZ");
        b.internals().followChanges();
        assertThat(retrieve(b, c, "SFZ", "clerk1").license()).isNotNull();
        assertThat(retrieve(b, c, "SFZ", "clerk1").fromCache()).isTrue();
        a.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        bConsents.failures = 1;
        assertThat(b.internals().followChanges()).as("not applied: the store could not be read").isZero();
        assertThat(b.internals().followRetrying()).isEqualTo(1);
        assertThat(b.internals().lookup().cache().asMap()).as("the licences went all the same").isEmpty();
        refused(b, c, "SFZ", "clerk1", ViolationKind.CONSENT_REVOKED);
        assertThat(b.internals().followChanges()).as("applied on the retry").isEqualTo(1);
        assertThat(b.internals().followChanges()).isZero();
        refused(b, c, "SFZ", "clerk1", ViolationKind.CONSENT_REVOKED);
    }

    @Test
    void aChangeThatCannotBeAppliedIsSkippedAndTheRestApplied() {
        Case c = a.cases().open("T8", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk2");
        grant(a, c, "SFZ");
        b.internals().followChanges();
        assertThat(retrieve(b, c, "SFZ", "clerk2").license()).isNotNull();
        a.internals().audit().append(AuditType.ACCOUNT_DEREGISTERED, "admin1", null, null, Map.of("operator", "no such / id", "reason", "x"));
        a.internals().audit().append(AuditType.CONSENT_REVOKED, "clerk1", null, null, Map.of("consent", "x")); // no case: ignored
        a.accounts().deregister("clerk2", "admin1", "局", "离职");
        assertThat(b.internals().followChanges()).isEqualTo(1);
        refused(b, c, "SFZ", "clerk2", ViolationKind.DEREGISTERED_ACCOUNT);
    }

    @Test
    void bothEnginesWriteOneChainThatVerifies() {
        Case c = a.cases().open("T7", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
        grant(b, c, "SFZ");
        retrieve(a, c, "SFZ", "clerk1");
        retrieve(b, c, "SFZ", "clerk1");
        a.internals().followChanges();
        List<AuditEvent> all = audit.read(1, 10_000);
        assertThat(all).extracting(AuditEvent::sequence).doesNotHaveDuplicates().isSorted();
        assertThat(a.audit().verify().ok()).isTrue();
        assertThat(b.audit().verify().ok()).isTrue();
    }

    /** An in-memory store that says it is shared, and counts the follower's reads. */
    static final class SharedStore extends WrappingAuditStore {
        final java.util.concurrent.CountDownLatch reads = new java.util.concurrent.CountDownLatch(3);

        @Override
        public boolean sharedWithOtherEngines() {
            return true;
        }

        @Override
        public List<AuditEvent> read(long fromSequence, int limit) {
            reads.countDown();
            return super.read(fromSequence, limit);
        }
    }

    @Test
    void anEngineFollowsByDefaultOnlyAStoreSharedWithOtherEngines() {
        assertThat(new InMemoryAuditStore().sharedWithOtherEngines()).isFalse();
        assertThat(new WrappingAuditStore() { }.sharedWithOtherEngines()).isFalse();
        try (Mianzheng unshared = Mianzheng.builder().build();
             Mianzheng shared = Mianzheng.builder().auditStore(new SharedStore()).build();
             Mianzheng chosen = Mianzheng.builder().auditStore(new SharedStore()).followChanges(Duration.ofMinutes(1)).build()) {
            assertThat(unshared.internals().followEvery()).isZero();
            assertThat(shared.internals().followEvery()).isEqualTo(Mianzheng.DEFAULT_FOLLOW_CHANGES).isEqualTo(Duration.ofSeconds(5));
            assertThat(chosen.internals().followEvery()).isEqualTo(Duration.ofMinutes(1));
        }
        assertThatThrownBy(() -> Mianzheng.builder().followChanges(Duration.ofSeconds(-1))).isInstanceOf(org.mianzheng.api.InvalidValueException.class);
        assertThatThrownBy(() -> Mianzheng.builder().followChanges(Duration.ZERO).followChanges(Duration.ZERO))
                .isInstanceOf(org.mianzheng.api.InvalidValueException.class);
    }

    @Test
    void theEngineFollowsOnItsTimer() throws Exception {
        SharedStore store = new SharedStore();
        try (Mianzheng m = Mianzheng.builder().auditStore(store).followChanges(Duration.ofMillis(1)).build()) {
            assertThat(store.reads.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("three polls read the store").isTrue();
        }
    }
}
