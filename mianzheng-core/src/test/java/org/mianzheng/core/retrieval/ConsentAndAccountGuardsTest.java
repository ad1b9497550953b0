package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AccountException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditException;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Consent;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Role;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.OpeningHours;
import org.mianzheng.core.calendar.DayOverride;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.testing.FakeSource;

/**
 * Consents and accounts as the retrieval guards them: a revocation that lands while a retrieval is being served,
 * calendar updates, refusals before anything is read, and what is (not) recorded when an act is refused or cannot be
 * recorded.
 */
class ConsentAndAccountGuardsTest {
    private RetrievalFixture f;
    private Mianzheng own;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
        if (own != null) {
            own.close();
        }
    }

    private List<AuditEvent> chain() {
        Mianzheng mz = own != null ? own : f.mz;
        return mz.audit().read(1, 10_000, "sup", "test");
    }

    private static Case openCase(Mianzheng mz, String bizNo) {
        return mz.cases().open(bizNo, "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
    }

    private static Consent consent(Mianzheng mz, Case c, String... materials) {
        return mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", Set.of(materials), "办理食品经营许可",
                org.mianzheng.api.ConsentMethod.SIGNATURE_PAD, "sig-" + c.bizNo(), org.mianzheng.api.Digests.sha256Hex(c.bizNo().getBytes()), null));
    }

    private static Throwable failure(java.util.concurrent.CompletionStage<?> stage) {
        try {
            stage.toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure");
    }

    /** A clock that runs a hook once, on a reading made inside the retrieval's finish but not inside its checks. */
    static final class FinishHookClock extends Clock {
        final MutableClock base = new MutableClock(RetrievalFixture.MONDAY_10);
        volatile Runnable hook;

        @Override
        public ZoneId getZone() {
            return base.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return base.withZone(zone);
        }

        @Override
        public Instant instant() {
            Runnable h = hook;
            if (h != null && inFinishNotInCheck()) {
                hook = null;
                h.run();
            }
            return base.instant();
        }

        private static boolean inFinishNotInCheck() {
            return StackWalker.getInstance().walk(s -> {
                boolean[] seen = new boolean[2];
                s.forEach(fr -> {
                    seen[0] |= fr.getClassName().endsWith("DefaultRetrievalService") && fr.getMethodName().equals("finish");
                    seen[1] |= fr.getClassName().endsWith("ConsentedLookup") && fr.getMethodName().equals("check");
                });
                return seen[0] && !seen[1];
            });
        }
    }

    /**
     * A consent revoked after the retrieval's last check and before its event is recorded: the licence is withheld and
     * not cached, and the refusal follows the revocation in the chain.
     */
    @Test
    void aRevocationBetweenTheLastCheckAndTheRecordWithholdsTheLicence() {
        FinishHookClock clock = new FinishHookClock();
        own = Mianzheng.builder().clock(clock).licenseSource(new FakeSource("onewindow")).licenseSource(new FakeSource("cityhub")).build();
        Fixtures.loadWithAccounts(own);
        Case c = openCase(own, "R1");
        Consent k = consent(own, c, "SFZ");
        Mianzheng mz = own;
        clock.hook = () -> mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        Throwable t = failure(own.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1"));
        assertThat(clock.hook).as("the hook ran").isNull();
        assertThat(t).isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_REVOKED));
        assertThat(own.internals().lookup().cache().asMap()).as("nothing cached under a revoked consent").isEmpty();
        List<AuditType> types = chain().stream().filter(e -> c.bizNo().equals(e.bizNo())).map(AuditEvent::type).toList();
        assertThat(types.indexOf(AuditType.CONSENT_REVOKED)).isLessThan(types.lastIndexOf(AuditType.REFUSAL));
        assertThat(own.audit().verify().ok()).isTrue();
    }

    /** Office hours that run a hook once while the misuse flags are raised (after the checks, before the record). */
    static final class HookedHours implements OpeningHours {
        final OpeningHours inner = OpeningHours.weekdays(Mianzheng.DEFAULT_ZONE, LocalTime.of(8, 30), LocalTime.of(18, 0));
        volatile Runnable hook;

        @Override
        public boolean isWorkingTime(Instant at) {
            Runnable h = hook;
            if (h != null) {
                hook = null;
                h.run();
            }
            return inner.isWorkingTime(at);
        }

        @Override
        public Instant endOfWorkingDay(Instant at) {
            return inner.endOfWorkingDay(at);
        }
    }

    /**
     * An engine on {@code hours}, a case whose SFZ is retrieved (and so cached), and the hours armed to revoke the
     * case's consent the next time the misuse flags are raised.
     */
    private Case retrievedWithRevocationArmed(HookedHours hours, String bizNo) {
        own = Mianzheng.builder().clock(new MutableClock(RetrievalFixture.MONDAY_10)).openingHours(hours)
                .licenseSource(new FakeSource("onewindow")).licenseSource(new FakeSource("cityhub")).build();
        Fixtures.loadWithAccounts(own);
        Case c = openCase(own, bizNo);
        Consent k = consent(own, c, "SFZ");
        own.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join();
        assertThat(own.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1").toCompletableFuture().join().fromCache()).isTrue();
        Mianzheng mz = own;
        hours.hook = () -> mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        return c;
    }

    /** The same on a cache hit: a revocation after its check and before its record refuses it. */
    @Test
    void aRevocationBetweenACacheHitsCheckAndItsRecordRefusesIt() {
        HookedHours hours = new HookedHours();
        Case c = retrievedWithRevocationArmed(hours, "R2");
        Throwable t = failure(own.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1"));
        assertThat(hours.hook).as("the hook ran").isNull();
        assertThat(t).isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_REVOKED));
        assertThat(own.audit().verify().ok()).isTrue();
    }

    /** An archive copy is guarded the same way: a revocation after its check and before its record withholds it. */
    @Test
    void aRevocationBetweenAnArchiveCopysCheckAndItsRecordWithholdsIt() {
        HookedHours hours = new HookedHours();
        Case c = retrievedWithRevocationArmed(hours, "R3");
        assertThatThrownBy(() -> own.retrieval().archiveCopy(c.bizNo(), "SFZ", org.mianzheng.api.ArchiveAct.DOWNLOAD, "clerk1", "存档"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_REVOKED));
        assertThat(hours.hook).as("the hook ran").isNull();
    }

    /** A consent store that answers with another case's consent too (mis-keyed) authorises nothing with it. */
    @Test
    void aConsentOfAnotherCaseFromTheStoreAuthorisesNothing() {
        org.mianzheng.core.store.InMemoryConsentStore inner = new org.mianzheng.core.store.InMemoryConsentStore();
        org.mianzheng.api.spi.ConsentStore misKeyed = new org.mianzheng.api.spi.ConsentStore() {
            @Override
            public void put(Consent consent) {
                inner.put(consent);
            }

            @Override
            public java.util.Optional<Consent> find(String id) {
                return inner.find(id);
            }

            @Override
            public List<Consent> forCase(String bizNo) {
                List<Consent> all = new java.util.ArrayList<>(inner.forCase(bizNo));
                all.addAll(inner.forCase("A1")); // every case also gets case A1's consents
                return all;
            }
        };
        own = Mianzheng.builder().clock(new MutableClock(RetrievalFixture.MONDAY_10)).consentStore(misKeyed)
                .licenseSource(new FakeSource("onewindow")).licenseSource(new FakeSource("cityhub")).build();
        Fixtures.loadWithAccounts(own);
        consent(own, openCase(own, "A1"), "SFZ");
        Case b = openCase(own, "B1"); // the same applicant and item, no consent of its own
        assertThat(failure(own.retrieval().retrieve(b.bizNo(), "SFZ", "clerk1")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.NO_CONSENT));
    }

    /** Office hours and the default consent expiry follow the engine's calendars as they are updated. */
    @Test
    void officeHoursFollowACalendarUpdate() {
        f = new RetrievalFixture();
        f.mz.calendars().update(s -> s.withDefault(s.defaultCalendar().withOverrides(List.of(DayOverride.off(LocalDate.of(2026, 3, 2))))));
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        assertThat(k.expiresAt()).as("a day off: midnight").isEqualTo(Instant.parse("2026-03-02T16:00:00Z"));
        f.retrieve(c, "SFZ");
        assertThat(f.mz.violations()).singleElement().satisfies(v -> assertThat(v.kind()).isEqualTo(ViolationKind.OUTSIDE_OFFICE_HOURS));
    }

    @Test
    void aCasesFirstConsentIsListedOnce() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        assertThat(f.mz.consents().forCase(c.bizNo())).containsExactly(k);
    }

    /** A registration refused as a duplicate leaves no registration in the chain. */
    @Test
    void aRefusedDuplicateRegistrationIsNotRecorded() {
        f = new RetrievalFixture();
        long before = chain().stream().filter(e -> e.type() == AuditType.ACCOUNT_REGISTERED).count();
        assertThatThrownBy(() -> f.mz.accounts().register("clerk1", "冒名", "ZJJ", null, Set.of(Role.SUPERVISOR), "admin1", "bureau"))
                .isInstanceOf(AccountException.class).hasMessageContaining("exists already");
        assertThat(chain().stream().filter(e -> e.type() == AuditType.ACCOUNT_REGISTERED).count()).isEqualTo(before);
    }

    @Test
    void badArgumentsAreRefusedAsTypedExceptions() {
        f = new RetrievalFixture();
        // a missing identifier is an invalid identifier, not a NullPointerException
        assertThatThrownBy(() -> f.mz.accounts().find(null)).isInstanceOf(org.mianzheng.api.InvalidIdentifierException.class);
        assertThatThrownBy(() -> f.mz.accounts().deregister(null, "admin1", "bureau", "x")).isInstanceOf(org.mianzheng.api.InvalidIdentifierException.class);
        assertThatThrownBy(() -> f.mz.accounts().appointLiaison("ZJJ", null, "admin1")).isInstanceOf(org.mianzheng.api.InvalidIdentifierException.class);
        assertThatThrownBy(() -> f.mz.consents().grant(null)).isInstanceOf(InvalidValueException.class);
        Set<Role> withNull = new java.util.HashSet<>();
        withNull.add(Role.WINDOW_CLERK);
        withNull.add(null);
        assertThatThrownBy(() -> f.mz.accounts().register("x9", "某", "ZJJ", null, withNull, "admin1", "bureau"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("roles");
    }

    @Test
    void aDeregisteredLiaisonLeavesTheDepartmentWithoutOne() {
        f = new RetrievalFixture();
        f.mz.accounts().appointLiaison("ZJJ", "verifier-zjj", "admin1");
        f.mz.accounts().deregister("verifier-zjj", "admin1", "市行政审批和政务服务局", "调岗");
        assertThat(f.mz.accounts().liaison("ZJJ")).isEmpty();
    }

    /** An unknown account is refused (and recorded) before anything about the case or the consent is read or said. */
    @Test
    void anUnknownAccountIsRefusedBeforeTheCaseOrConsentIsLookedAt() {
        f = new RetrievalFixture();
        assertThat(failure(f.mz.retrieval().retrieveAll("NOSUCH", "ghost")))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.UNKNOWN_ACCOUNT));
        assertThatThrownBy(() -> f.mz.consents().revoke("nope", "ghost", "x"))
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.UNKNOWN_ACCOUNT));
        assertThat(f.mz.violations()).hasSize(2);
    }

    /** An identity number typed where a code was expected is masked in the refusal's message. */
    @Test
    void anIdentityNumberInACodeFieldIsMaskedInTheMessage() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        Throwable t = failure(f.mz.retrieval().retrieve(c.bizNo(), "11010519491231002X", "clerk1"));
        assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("110***********002X")
                .hasMessageNotContaining("11010519491231002X");
    }

    /** A consent granted later than this engine's clock reads (another node's clock ahead) is refused as not yet in force. */
    @Test
    void aConsentNotYetInForceIsRefusedAsSuch() {
        f = new RetrievalFixture();
        Case c = f.openCase();
        f.consent(c, "SFZ");
        f.clock.set(RetrievalFixture.MONDAY_10.minus(Duration.ofMinutes(5)));
        Throwable t = failure(f.mz.retrieval().retrieve(c.bizNo(), "SFZ", "clerk1"));
        assertThat(t).isInstanceOf(AccessDeniedException.class).hasMessageContaining("not in force yet").hasMessageNotContaining("has expired");
    }

    /** A revocation or a deregistration that cannot be recorded does not happen. */
    @Test
    void aRevocationOrDeregistrationThatCannotBeRecordedDoesNotHappen() {
        ChannelChainTest.FailingOn store = new ChannelChainTest.FailingOn();
        f = new RetrievalFixture(RetrievalSettings.defaults(), store);
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        store.failOn = AuditType.CONSENT_REVOKED;
        assertThatThrownBy(() -> f.mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权")).isInstanceOf(AuditException.class);
        assertThat(f.mz.consents().find(k.id())).hasValueSatisfying(x -> assertThat(x.revokedAt()).isNull());
        assertThat(f.mz.consents().forCase(c.bizNo())).singleElement().satisfies(x -> assertThat(x.revokedAt()).isNull());
        store.failOn = AuditType.ACCOUNT_DEREGISTERED;
        assertThatThrownBy(() -> f.mz.accounts().deregister("clerk1", "admin1", "bureau", "调岗")).isInstanceOf(AuditException.class);
        assertThat(f.mz.accounts().find("clerk1")).hasValueSatisfying(o -> assertThat(o.active()).isTrue());
        store.failOn = null;
        assertThat(f.retrieve(c, "SFZ").outcome()).isEqualTo(org.mianzheng.api.RetrievalOutcome.RETRIEVED);
        assertThat(f.mz.audit().verify().ok()).isTrue();
    }
}
