package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.Holder;
import org.mianzheng.api.Role;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;

class MisuseGuardTest {
    RetrievalFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    void refused(Case c, String material, String operator, ViolationKind kind) {
        int before = f.mz.violations().size();
        assertThatThrownBy(() -> f.retrieve(c, material, operator)).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.getMessage()).contains(kind.article());
                });
        Violation v = f.mz.violations().get(f.mz.violations().size() - 1);
        assertThat(f.mz.violations()).hasSize(before + 1);
        assertThat(v.kind()).isEqualTo(kind);
        assertThat(v.refused()).isTrue();
        assertThat(f.onewindow.calls).as("no data call after a refusal").hasValue(0);
        var last = f.mz.internals().audit().read(1, 10_000, "sup", "t");
        assertThat(last.stream().filter(e -> e.type() == AuditType.REFUSAL).map(e -> e.detail().get("kind"))).contains(kind.name());
    }

    @Test
    void everyRefusalIsRecordedAsAViolation() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        refused(c, "SFZ", "clerk1", ViolationKind.NO_CONSENT);
        f.consent(c, "YYZZ");
        refused(c, "SFZ", "clerk1", ViolationKind.OUT_OF_CONSENT_SCOPE);
        refused(c, "NOPE", "clerk1", ViolationKind.NOT_IN_ITEM);
        refused(c, "YYZZ", "sup", ViolationKind.WRONG_ROLE);
        refused(c, "YYZZ", "ghost", ViolationKind.UNKNOWN_ACCOUNT);
        f.mz.accounts().deregister("clerk2", "admin1", "市行政审批和政务服务局", "调岗");
        refused(c, "YYZZ", "clerk2", ViolationKind.DEREGISTERED_ACCOUNT);
        assertThat(f.mz.accounts().history()).extracting(e -> e.kind().name()).contains("DEREGISTERED");
    }

    @Test
    void aClerkDeregisteredAfterServingACaseIsRefusedOnItsCachedLicence() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        f.retrieve(c, "SFZ", "clerk1");
        assertThat(f.retrieve(c, "SFZ", "clerk2").fromCache()).isTrue(); // the case now remembers clerk2's authorisation
        f.mz.accounts().deregister("clerk2", "admin1", "市行政审批和政务服务局", "调岗");
        f.onewindow.calls.set(0);
        refused(c, "SFZ", "clerk2", ViolationKind.DEREGISTERED_ACCOUNT);
        refused(c, "SFZ", "sup", ViolationKind.WRONG_ROLE);
        assertThat(f.retrieve(c, "SFZ", "clerk1").fromCache()).isTrue();
    }

    @Test
    void expiredAndRevokedConsents() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        var k = f.consent(c, "SFZ");
        f.clock.advance(Duration.ofHours(9));
        refused(c, "SFZ", "clerk1", ViolationKind.CONSENT_EXPIRED);
        Case c2 = f.openCase();
        var k2 = f.consent(c2, "SFZ");
        f.mz.consents().revoke(k2.id(), "clerk1", "撤回");
        refused(c2, "SFZ", "clerk1", ViolationKind.CONSENT_REVOKED);
        assertThat(k.expiresAt()).isBefore(f.clock.instant());
    }

    static Holder person(int i) {
        String first17 = String.format("1503021990%07d", i);
        return Holder.person(first17 + CheckCharacters.residentIdentityCheck(first17), "申请人" + i);
    }

    @Test
    void bulkHarvestingIsFlaggedOrRefused() {
        f = new RetrievalFixture(RetrievalSettings.defaults().withGuard(3, Duration.ofHours(1), false, false), null);
        for (int i = 0; i < 4; i++) {
            Case c = f.openCase(person(i), Map.of());
            f.consent(c, "SFZ");
            f.retrieve(c, "SFZ");
        }
        assertThat(f.mz.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.BULK_HARVESTING);
            assertThat(v.refused()).isFalse();
            assertThat(v.detail()).containsEntry("distinctHolders", "4");
        });
        // an hour later the window has moved on
        f.clock.advance(Duration.ofMinutes(61));
        Case later = f.openCase(person(9), Map.of());
        f.consent(later, "SFZ");
        f.retrieve(later, "SFZ");
        assertThat(f.mz.violations()).hasSize(1);
        f.close();

        f = new RetrievalFixture(RetrievalSettings.defaults().withGuard(3, Duration.ofHours(1), true, false), null);
        for (int i = 0; i < 3; i++) {
            Case c = f.openCase(person(i), Map.of());
            f.consent(c, "SFZ");
            f.retrieve(c, "SFZ");
        }
        Case fourth = f.openCase(person(3), Map.of());
        f.consent(fourth, "SFZ");
        assertThatThrownBy(() -> f.retrieve(fourth, "SFZ")).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.BULK_HARVESTING));
    }

    /**
     * Repeated cache hits count their holder as a retrieval does (the engine keeps the tracker's entry on the hit), also
     * after the holder has left the window: it then counts again as a new one.
     */
    @Test
    void repeatedCacheHitsCountTheirHolders() {
        List<Case> cases = consentedCases(2, false, 3);
        Case a = cases.get(0);
        Case b = cases.get(1);
        Case c = cases.get(2);
        assertThat(f.retrieve(a, "SFZ").fromCache()).isFalse();
        assertThat(f.retrieve(b, "SFZ").fromCache()).isFalse();
        for (int i = 0; i < 3; i++) { // repeats of holders already counted: still two
            f.clock.advance(Duration.ofMinutes(1));
            assertThat(f.retrieve(a, "SFZ").fromCache()).isTrue();
            assertThat(f.retrieve(b, "SFZ").fromCache()).isTrue();
        }
        assertThat(f.mz.violations()).isEmpty();
        // an hour on, c's retrieval finds a and b out of the window; their next hits count them anew: three
        f.clock.advance(Duration.ofMinutes(61));
        assertThat(f.retrieve(c, "SFZ").fromCache()).isFalse();
        assertThat(f.retrieve(a, "SFZ").fromCache()).isTrue();
        assertThat(f.retrieve(a, "SFZ").fromCache()).isTrue();
        assertThat(f.mz.violations()).isEmpty();
        assertThat(f.retrieve(b, "SFZ").fromCache()).isTrue();
        assertThat(f.mz.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.BULK_HARVESTING);
            assertThat(v.detail()).containsEntry("distinctHolders", "3");
        });
    }

    /**
     * A repeated cache hit over the limit is refused like any retrieval, and is not recorded as a hit; each clerk has
     * their own count, also when clerks take turns on one cached licence.
     */
    @Test
    void aRepeatedCacheHitOverTheLimitIsRefusedAndNotRecordedAsAHit() {
        List<Case> cases = consentedCases(1, true, 2);
        Case a = cases.get(0);
        Case b = cases.get(1);
        f.retrieve(a, "SFZ");
        for (String clerk : List.of("clerk1", "clerk2", "clerk1", "clerk2")) { // turns on one licence: one holder each
            assertThat(f.retrieve(a, "SFZ", clerk).fromCache()).isTrue();
        }
        assertThat(f.mz.violations()).isEmpty();
        assertThatThrownBy(() -> f.retrieve(b, "SFZ")).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.BULK_HARVESTING));
        long hits = cacheHits(a);
        assertThatThrownBy(() -> f.retrieve(a, "SFZ")).as("clerk1 has touched two holders").extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.BULK_HARVESTING));
        assertThat(cacheHits(a)).as("a refused hit is not recorded as one").isEqualTo(hits);
        assertThat(f.mz.violations()).hasSize(2).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.BULK_HARVESTING);
            assertThat(v.refused()).isTrue();
            assertThat(v.operatorId()).isEqualTo("clerk1");
        });
        assertThat(f.retrieve(a, "SFZ", "clerk2").fromCache()).as("clerk2 still has one holder").isTrue();
        assertThat(cacheHits(a)).isEqualTo(hits + 1);
    }

    /**
     * A fixture whose guard allows {@code limit} holders an hour (refusing above it if {@code refuse}) and whose cache
     * keeps licences for 3 hours, with {@code n} cases of different applicants, each consenting to SFZ.
     */
    private List<Case> consentedCases(int limit, boolean refuse, int n) {
        f = new RetrievalFixture(RetrievalSettings.defaults().withGuard(limit, Duration.ofHours(1), refuse, false)
                .withCache(Duration.ofHours(3), 1_000), null);
        List<Case> cases = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Case c = f.openCase(person(i), Map.of());
            f.consent(c, "SFZ");
            cases.add(c);
        }
        return cases;
    }

    private long cacheHits(Case c) {
        return f.mz.audit().read(1, 10_000, "sup", "test").stream().filter(e -> e.type() == AuditType.CACHE_HIT && c.bizNo().equals(e.bizNo())).count();
    }

    @Test
    void retrievalOutsideOfficeHoursIsFlagged() {
        f = new RetrievalFixture();
        f.clock.set(Instant.parse("2026-03-02T13:00:00Z")); // 21:00 in Wuhai
        Case c = f.openCase();
        f.mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "夜间加班办理",
                org.mianzheng.api.ConsentMethod.FACE_MATCH, "face-1", "a".repeat(64), Instant.parse("2026-03-02T14:00:00Z")));
        f.retrieve(c, "SFZ");
        assertThat(f.mz.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.OUTSIDE_OFFICE_HOURS);
            assertThat(v.refused()).isFalse();
        });
    }

    /** A clock that moves on by a millisecond at every reading. */
    static final class TickingClock extends java.time.Clock {
        private final java.util.concurrent.atomic.AtomicLong millis;

        TickingClock(Instant start) {
            millis = new java.util.concurrent.atomic.AtomicLong(start.toEpochMilli());
        }

        @Override
        public java.time.ZoneId getZone() {
            return org.mianzheng.core.Mianzheng.DEFAULT_ZONE;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.getAndIncrement());
        }
    }

    /**
     * A repeated cache hit is checked, flagged and recorded at one reading of the clock: its event has that reading's
     * time (a ticking clock tells the readings apart).
     */
    @Test
    void aRepeatedCacheHitReadsTheClockOnceAndIsRecordedAtThatTime() {
        TickingClock clock = new TickingClock(Instant.parse("2026-03-02T02:00:00Z")); // 10:00 in Wuhai, a Monday
        org.mianzheng.core.store.InMemoryAuditStore store = new org.mianzheng.core.store.InMemoryAuditStore();
        try (org.mianzheng.core.Mianzheng mz = org.mianzheng.core.Mianzheng.builder().clock(clock).auditStore(store)
                .licenseSource(new org.mianzheng.core.testing.FakeSource("onewindow")).licenseSource(new org.mianzheng.core.testing.FakeSource("cityhub"))
                .build()) {
            org.mianzheng.core.catalog.Fixtures.loadWithAccounts(mz);
            Case c = mz.cases().open("B1", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
            mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理食品经营许可",
                    org.mianzheng.api.ConsentMethod.FACE_MATCH, "face-1", "a".repeat(64), null));
            mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join();
            mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join(); // the first hit asks the cache
            Instant next = clock.instant().plusMillis(1); // the reading the next retrieval will get
            assertThat(mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().fromCache()).isTrue();
            assertThat(clock.instant()).as("one reading for the whole hit").isEqualTo(next.plusMillis(1));
            AuditEvent hit = store.last().orElseThrow();
            assertThat(hit.type()).isEqualTo(org.mianzheng.api.AuditType.CACHE_HIT);
            assertThat(hit.at()).isEqualTo(next);
            assertThat(mz.violations()).isEmpty();
        }
    }

    @Test
    void accountsAndLiaisons() {
        f = new RetrievalFixture();
        assertThatThrownBy(() -> f.mz.accounts().register("clerk1", "x", "ZJJ", null, Set.of(Role.WINDOW_CLERK), "admin1", "bureau"))
                .isInstanceOf(org.mianzheng.api.AccountException.class);
        assertThatThrownBy(() -> f.mz.accounts().register("x1", "x", "NOPE", null, Set.of(Role.WINDOW_CLERK), "admin1", "bureau"))
                .isInstanceOf(org.mianzheng.api.AccountException.class);
        f.mz.accounts().appointLiaison("ZJJ", "verifier-zjj", "admin1");
        assertThat(f.mz.accounts().liaison("ZJJ")).hasValueSatisfying(o -> assertThat(o.id()).isEqualTo("verifier-zjj"));
        assertThatThrownBy(() -> f.mz.accounts().appointLiaison("ZJJ", "clerk1", "admin1")).isInstanceOf(org.mianzheng.api.AccountException.class);
        var ev = f.mz.accounts().history();
        assertThat(ev.get(0).reportedTo()).isEqualTo("市行政审批和政务服务局");
        assertThat(ev).extracting(e -> e.kind().name()).contains("REGISTERED", "LIAISON_APPOINTED");
    }
}
