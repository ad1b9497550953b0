package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.ArchiveAct;
import org.mianzheng.api.ArchiveCopy;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Consent;
import org.mianzheng.api.Holder;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalException;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.core.testing.FakeSource;

class RetrievalTest {
    RetrievalFixture f = new RetrievalFixture();

    @AfterEach
    void close() {
        f.close();
    }

    List<AuditEvent> events(String bizNo) {
        return f.mz.audit().read(1, 10_000, "sup", "test").stream().filter(e -> bizNo.equals(e.bizNo())).toList();
    }

    @Test
    void retrievesThroughThePrimaryChannelWithThePurpose() {
        Case c = f.openCase();
        Consent consent = f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(r.channel()).isEqualTo("onewindow");
        assertThat(r.license().file().sha256()).isEqualTo(org.mianzheng.api.Digests.sha256Hex(FakeSource.PDF));
        assertThat(r.retrievedAt()).isEqualTo(f.clock.instant());
        assertThat(r.attempts()).extracting(a -> a.outcome()).containsExactly(SourceOutcome.FOUND);
        assertThat(f.cityhub.calls).hasValue(0);
        var q = f.onewindow.queries.get(0);
        assertThat(q.purpose()).isEqualTo(consent.purpose());
        assertThat(q.itemCode()).isEqualTo("SC001");
        assertThat(q.bizNo()).isEqualTo(c.bizNo());
        assertThat(q.windowId()).isEqualTo("W01");
        assertThat(events(c.bizNo())).extracting(AuditEvent::type)
                .containsExactly(AuditType.CASE_OPENED, AuditType.CONSENT_GRANTED, AuditType.CHANNEL_ATTEMPT, AuditType.RETRIEVAL);
        assertThat(events(c.bizNo())).allSatisfy(e -> assertThat(e.subject()).isEqualTo(f.mz.auditSubject(c.applicant().id())));
    }

    @Test
    void fallsBackToTheCityChannel() {
        f.onewindow.answer(SourceOutcome.UNAVAILABLE);
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(r.channel()).isEqualTo("cityhub");
        assertThat(r.attempts()).extracting(a -> a.channel() + ":" + a.outcome()).containsExactly("onewindow:UNAVAILABLE", "cityhub:FOUND");
        assertThat(r.attempts().get(0).platformCode()).isEqualTo("X" + SourceOutcome.UNAVAILABLE.ordinal());
    }

    @Test
    void noChannelCanServeFallsBackToMustSubmit() {
        f.onewindow.answer(SourceOutcome.NOT_FOUND);
        f.cityhub.answer(SourceOutcome.MALFORMED_RESPONSE);
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        assertThat(r.reason()).isEqualTo(MustSubmitReason.NO_CHANNEL_AVAILABLE);
        assertThat(r.reason().article()).isEqualTo("Art. 5");
        assertThat(r.license()).isNull();
        assertThat(r.attempts()).hasSize(2);
        AuditEvent last = events(c.bizNo()).get(events(c.bizNo()).size() - 1);
        assertThat(last.type()).isEqualTo(AuditType.RETRIEVAL);
        assertThat(last.detail()).containsEntry("reason", "NO_CHANNEL_AVAILABLE").containsEntry("article", "Art. 5");
    }

    @Test
    void revokedOrExpiredLicencesAreNotUsable() {
        f.onewindow.answerLicense(q -> FakeSource.license(q.holder(), q.holderName(), q.licenseTypeCode(), LicenseStatus.REVOKED));
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        assertThat(r.reason()).isEqualTo(MustSubmitReason.LICENSE_NOT_USABLE);
        assertThat(f.cityhub.calls).as("a revoked licence is revoked on every channel").hasValue(0);

        f.onewindow.answerLicense(q -> new License(null, q.licenseTypeCode(), "N1", q.holder(), q.holderName(), "x", null, LocalDate.of(2010, 1, 1),
                LocalDate.of(2020, 1, 1), LicenseStatus.VALID, Map.of(), null));
        Case c2 = f.openCase();
        f.consent(c2, "SFZ");
        assertThat(f.retrieve(c2, "SFZ").reason()).isEqualTo(MustSubmitReason.LICENSE_NOT_USABLE);

        f.onewindow.answer(SourceOutcome.EXPIRED);
        Case c3 = f.openCase();
        f.consent(c3, "SFZ");
        assertThat(f.retrieve(c3, "SFZ").reason()).isEqualTo(MustSubmitReason.LICENSE_NOT_USABLE);
    }

    @Test
    void answerForAnotherHolderIsMalformed() {
        f.onewindow.answerLicense(q -> FakeSource.license(org.mianzheng.api.HolderId.resident("440524188001010014"), "李四", q.licenseTypeCode(),
                LicenseStatus.VALID));
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.attempts().get(0).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.channel()).isEqualTo("cityhub");
    }

    @Test
    void adapterExceptionsAndNullsAreTypedOutcomes() {
        f.onewindow.behave(q -> {
            throw new IllegalStateException("boom");
        });
        f.cityhub.behave(q -> null);
        Case c = f.openCase();
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.attempts()).extracting(a -> a.outcome()).containsExactly(SourceOutcome.MALFORMED_RESPONSE, SourceOutcome.MALFORMED_RESPONSE);
        assertThat(r.attempts().get(0).detail()).contains("onewindow").contains("IllegalStateException");
        assertThat(r.attempts().get(1).detail()).contains("cityhub").contains("null");
        f.onewindow.behave(q -> CompletableFuture.failedFuture(new java.io.IOException("reset")));
        Case c2 = f.openCase();
        f.consent(c2, "SFZ");
        assertThat(f.retrieve(c2, "SFZ").attempts().get(0).outcome()).isEqualTo(SourceOutcome.MALFORMED_RESPONSE);
    }

    @Test
    void notExemptMaterialsAreNotRetrieved() {
        Case c = f.openCase();
        f.consent(c, "ZSZM");
        assertThatThrownBy(() -> f.retrieve(c, "ZSZM")).extracting(RetrievalFixture::cause).isInstanceOf(RetrievalException.class);
    }

    @Test
    void mismatchWithTheDeclaredDataAsksForSupplementaryMaterial() {
        Case c = f.openCase(RetrievalFixture.ZHANG, Map.of("SFZ", Map.of("name", "张三丰", "number", "NO-JMSFZ")));
        f.consent(c, "SFZ");
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MISMATCH);
        assertThat(r.mismatchedFields()).containsExactly("name");
        assertThat(r.license()).isNotNull();
        for (int i = 0; i < 2; i++) { // cache hits, the second one's result made once for the first: still the case's mismatch
            RetrievalResult hit = f.retrieve(c, "SFZ", i == 0 ? "clerk1" : "clerk2");
            assertThat(hit.fromCache()).isTrue();
            assertThat(hit.outcome()).isEqualTo(RetrievalOutcome.MISMATCH);
            assertThat(hit.mismatchedFields()).containsExactly("name");
            assertThat(hit.license()).isEqualTo(r.license());
            assertThat(hit.retrievedAt()).isEqualTo(r.retrievedAt());
            assertThat(hit.attempts()).isEmpty();
        }
        // full-width characters and spaces are normalised before comparing
        Case c2 = f.openCase(RetrievalFixture.ZHANG, Map.of("SFZ", Map.of("name", "张 三", "number", "ＮＯ－ＪＭＳＦＺ", "validUntil", "2040-01-01")));
        f.consent(c2, "SFZ");
        assertThat(f.retrieve(c2, "SFZ").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
    }

    /** Middle-dot look-alikes, invisible format characters and 长期有效 for 长期 are not mismatches; other differences are. */
    @Test
    void declaredDataIsComparedAsWrittenNotAsTyped() {
        org.mianzheng.api.License l = new org.mianzheng.api.License(null, "JMSFZ", "NO-1", RetrievalFixture.ZHANG.id(), "买买提·艾力", "乌海市公安局",
                null, null, null, org.mianzheng.api.LicenseStatus.VALID, Map.of(), null);
        for (String typed : List.of("买买提•艾力", "买买提・艾力", "买买提･艾力", "买买提\u200B·艾力", "\uFEFF买买提·艾力", "买买提‧艾力")) {
            assertThat(DeclaredData.mismatches(Map.of("name", typed), l)).as(typed).isEmpty();
        }
        assertThat(DeclaredData.mismatches(Map.of("name", "买买提艾力"), l)).containsExactly("name"); // the dot is part of the name
        assertThat(DeclaredData.mismatches(Map.of("validUntil", "长期有效"), l)).isEmpty();
        assertThat(DeclaredData.mismatches(Map.of("validUntil", "2030-01-01"), l)).containsExactly("validUntil");
    }

    @Test
    void cacheServesTheSameCaseOnlyAndExpires() {
        Case c = f.openCase();
        f.consent(c, "SFZ");
        f.retrieve(c, "SFZ");
        RetrievalResult again = f.retrieve(c, "SFZ");
        assertThat(again.fromCache()).isTrue();
        assertThat(again.attempts()).isEmpty();
        assertThat(f.onewindow.calls).hasValue(1);
        assertThat(events(c.bizNo()).get(events(c.bizNo()).size() - 1).type()).isEqualTo(AuditType.CACHE_HIT);

        Case other = f.openCase(); // same holder, another case
        f.consent(other, "SFZ");
        assertThat(f.retrieve(other, "SFZ").fromCache()).isFalse();
        assertThat(f.onewindow.calls).hasValue(2);

        f.clock.advance(Duration.ofMinutes(11));
        assertThat(f.retrieve(c, "SFZ").fromCache()).isFalse();
        assertThat(f.onewindow.calls).hasValue(3);
    }

    /**
     * A case state's key remembers the entry it last found and serves it again while young; an entry the cache evicts
     * for its size bound must not be served from there.
     */
    @Test
    void anEntryEvictedForTheSizeBoundIsRetrievedAgain() {
        try (RetrievalFixture small = new RetrievalFixture(RetrievalSettings.defaults().withCache(Duration.ofMinutes(10), 1), null)) {
            Case a = small.openCase();
            small.consent(a, "SFZ");
            small.retrieve(a, "SFZ");
            assertThat(small.retrieve(a, "SFZ").fromCache()).isTrue(); // remembered from here on
            assertThat(small.retrieve(a, "SFZ").fromCache()).isTrue();
            Case b = small.openCase();
            small.consent(b, "SFZ");
            small.retrieve(b, "SFZ");                                   // one entry at most: a's goes
            small.mz.internals().lookup().cache().cleanUp();
            assertThat(small.mz.internals().lookup().cache().asMap().keySet()).extracting(k -> k.bizNo()).containsExactly(b.bizNo());
            int calls = small.onewindow.calls.get();
            RetrievalResult again = small.retrieve(a, "SFZ");
            assertThat(again.fromCache()).isFalse();
            assertThat(small.onewindow.calls).hasValue(calls + 1);
        }
    }

    /** The record of a cache hit is made once per check and reused: each event must still name who, and under what. */
    @Test
    void repeatedCacheHitsRecordTheirOwnClerkAndConsent() {
        Case c = f.openCase();
        Consent first = f.consent(c, "SFZ");
        f.retrieve(c, "SFZ");
        f.retrieve(c, "SFZ");
        f.clock.advance(Duration.ofSeconds(1));
        f.retrieve(c, "SFZ");
        f.retrieve(c, "SFZ", "clerk2");
        f.clock.advance(Duration.ofMinutes(1));
        Consent second = f.mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", java.util.Set.of("SFZ"), "办理食品经营许可",
                org.mianzheng.api.ConsentMethod.FACE_MATCH, "face-" + c.bizNo(), "1".repeat(64), f.clock.instant().plus(Duration.ofDays(2)))); // runs longer: the checks take it
        f.retrieve(c, "SFZ");
        f.retrieve(c, "SFZ");

        List<AuditEvent> hits = events(c.bizNo()).stream().filter(e -> e.type() == AuditType.CACHE_HIT).toList();
        assertThat(hits).extracting(AuditEvent::actor).containsExactly("clerk1", "clerk1", "clerk2", "clerk1", "clerk1");
        assertThat(hits).extracting(e -> e.detail().get("consent")).containsExactly(first.id(), first.id(), first.id(), second.id(), second.id());
        assertThat(hits).allSatisfy(e -> {
            assertThat(e.detail()).containsEntry("material", "SFZ").containsEntry("channel", "onewindow").containsKey("retrievedAt");
            assertThat(e.hashValid()).isTrue();
            assertThat(e.canonicalBytes()).isEqualTo(AuditEvent.canonicalBytes(e.sequence(), e.at(), e.type(), e.actor(), e.bizNo(), e.subject(),
                    new java.util.HashMap<>(e.detail()), e.previousHash())); // as an unmarked record's would be
        });
        assertThat(hits.get(0).at()).isNotEqualTo(hits.get(1).at());
        assertThat(f.mz.audit().verify().ok()).isTrue();
    }

    @Test
    void revokingTheConsentEvictsAndRefuses() {
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ", "YYZZ");
        f.retrieve(c, "SFZ");
        assertThat(f.mz.internals().lookup().cache().estimatedSize()).isEqualTo(1);
        f.mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权");
        assertThat(f.mz.internals().lookup().cache().asMap()).isEmpty();
        assertThatThrownBy(() -> f.retrieve(c, "SFZ")).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_REVOKED));
        assertThat(f.mz.consents().find(k.id()).orElseThrow().revokedBy()).isEqualTo("clerk1");
    }

    private String lastConsent(Case c) {
        List<AuditEvent> es = events(c.bizNo());
        return es.get(es.size() - 1).detail().get("consent");
    }

    @Test
    void aConsentRunsAtMostAYear() {
        Case c = f.openCase();
        java.time.Instant now = f.clock.instant();
        for (java.time.Instant tooLate : List.of(now.plus(Duration.ofDays(367)), java.time.Instant.MAX)) {
            assertThatThrownBy(() -> f.mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", java.util.Set.of("SFZ"),
                    "办理", org.mianzheng.api.ConsentMethod.SMS_CODE, "sms-1", org.mianzheng.api.Digests.sha256Hex("1".getBytes()), tooLate)))
                    .isInstanceOf(org.mianzheng.api.InvalidValueException.class).hasMessageContaining("at most 366 days");
        }
        assertThat(smsConsent(c, "sms-1", now.plus(Duration.ofDays(366)), "SFZ")
                .expiresAt()).isEqualTo(now.plus(Duration.ofDays(366)));
    }

    /** A consent by SMS code that runs until {@code expires}, evidence {@code sms} (its digest from the last digit). */
    private Consent smsConsent(Case c, String sms, java.time.Instant expires, String... materials) {
        return f.mz.consents().grant(new org.mianzheng.api.ConsentRequest(c.bizNo(), "clerk1", java.util.Set.of(materials), "办理",
                org.mianzheng.api.ConsentMethod.SMS_CODE, sms, org.mianzheng.api.Digests.sha256Hex(sms.substring(sms.length() - 1).getBytes()), expires));
    }

    @Test
    void overlappingConsentsServeWhileAnyCoveringOneIsInForce() {
        Case c = f.openCase();
        java.time.Instant now = f.clock.instant();
        Consent shortOne = smsConsent(c, "sms-1", now.plus(Duration.ofMinutes(30)), "SFZ");
        Consent longOne = smsConsent(c, "sms-2", now.plus(Duration.ofHours(2)), "SFZ", "YYZZ");
        f.retrieve(c, "SFZ");
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        assertThat(lastConsent(c)).isEqualTo(longOne.id().toString());                   // the longest covering consent first
        f.mz.consents().revoke(longOne.id(), "clerk1", "撤回");
        assertThat(f.retrieve(c, "SFZ").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(lastConsent(c)).isEqualTo(shortOne.id().toString());                  // the other one still covers it
        assertThatThrownBy(() -> f.retrieve(c, "YYZZ")).extracting(RetrievalFixture::cause) // only the revoked one covered YYZZ
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_REVOKED));
        f.clock.advance(Duration.ofMinutes(31));
        assertThatThrownBy(() -> f.retrieve(c, "SFZ")).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_EXPIRED));
    }

    /**
     * A repeated retrieval cites the consent in force, not the one its last check found: here the longest consent was
     * not yet in force at the first retrieval (the clock went back, as another node's or a corrected one may), and the
     * one cited then has expired by the next.
     */
    @Test
    void aRepeatedRetrievalCitesTheConsentInForce() {
        Case c = f.openCase();
        java.time.Instant t0 = f.clock.instant();
        Consent early = smsConsent(c, "sms-1", t0.plus(Duration.ofMinutes(30)), "SFZ");
        f.clock.advance(Duration.ofMinutes(10));
        Consent later = smsConsent(c, "sms-2", t0.plus(Duration.ofHours(2)), "SFZ");
        f.clock.set(t0.plus(Duration.ofMinutes(5))); // before the later consent was granted
        f.retrieve(c, "SFZ");
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        assertThat(lastConsent(c)).isEqualTo(early.id().toString());
        f.clock.set(t0.plus(Duration.ofMinutes(40))); // the early one has expired, the later one is in force
        assertThat(f.retrieve(c, "SFZ").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(lastConsent(c)).isEqualTo(later.id().toString());
    }

    /**
     * A cached licence is not served past its last valid day: one retrieved at 23:55 on that day is retrieved again at
     * 00:03, well within the cache's 10 minutes, and the channel's answer is then not usable.
     */
    @Test
    void aCachedLicenseIsNotServedAfterItsLastValidDay() {
        java.time.ZonedDateTime lateEvening = java.time.ZonedDateTime.of(2026, 3, 2, 23, 55, 0, 0, f.clock.getZone());
        f.clock.set(lateEvening.toInstant());
        Case c = f.openCase();
        smsConsent(c, "sms-1", lateEvening.plusHours(2).toInstant(), "SFZ");
        java.time.LocalDate lastDay = lateEvening.toLocalDate();
        f.onewindow.answerLicense(q -> new org.mianzheng.api.License(null, q.licenseTypeCode(), "N1", q.holder(), q.holderName(), "乌海市公安局",
                null, null, lastDay, org.mianzheng.api.LicenseStatus.VALID, Map.of(), null));
        assertThat(f.retrieve(c, "SFZ").outcome()).isEqualTo(RetrievalOutcome.RETRIEVED);
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        f.clock.set(lateEvening.plusMinutes(8).toInstant());
        RetrievalResult r = f.retrieve(c, "SFZ");
        assertThat(r.fromCache()).isFalse();
        assertThat(r.outcome()).isEqualTo(RetrievalOutcome.MUST_SUBMIT);
        assertThat(r.reason()).isEqualTo(org.mianzheng.api.MustSubmitReason.LICENSE_NOT_USABLE);
    }

    /** Downloading or printing a copy is checked like a retrieval: it counts its holder and is flagged outside office hours. */
    @Test
    void archiveCopiesAreFlaggedLikeRetrievals() {
        f.clock.set(java.time.ZonedDateTime.of(2026, 3, 2, 19, 30, 0, 0, f.clock.getZone()).toInstant()); // the windows have closed
        Case c = f.openCase();
        f.consent(c, "SFZ");
        f.retrieve(c, "SFZ");
        assertThat(f.mz.violations()).as("the retrieval").hasSize(1);
        f.mz.retrieval().archiveCopy(c.bizNo(), "SFZ", ArchiveAct.PRINT, "clerk1", "存档");
        assertThat(f.mz.violations()).as("and the copy").hasSize(2).allSatisfy(v -> {
            assertThat(v.kind()).isEqualTo(ViolationKind.OUTSIDE_OFFICE_HOURS);
            assertThat(v.refused()).isFalse();
        });
    }

    @Test
    void archiveCopiesAreExplicitAndAudited() {
        Case c = f.openCase();
        f.consent(c, "SFZ");
        assertThatThrownBy(() -> f.mz.retrieval().archiveCopy(c.bizNo(), "SFZ", ArchiveAct.DOWNLOAD, "clerk1", "存档"))
                .isInstanceOf(RetrievalException.class);
        f.retrieve(c, "SFZ");
        ArchiveCopy copy = f.mz.retrieval().archiveCopy(c.bizNo(), "SFZ", ArchiveAct.PRINT, "clerk1", "审批部门业务科室存档");
        assertThat(copy.file().bytes()).isEqualTo(FakeSource.PDF);
        AuditEvent e = events(c.bizNo()).get(events(c.bizNo()).size() - 1);
        assertThat(e.type()).isEqualTo(AuditType.ARCHIVE_PRINT);
        assertThat(e.detail()).containsEntry("purpose", "审批部门业务科室存档").containsEntry("fileSha256", copy.file().sha256());
        assertThatThrownBy(() -> f.mz.retrieval().archiveCopy(c.bizNo(), "SFZ", ArchiveAct.DOWNLOAD, "sup", "x"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void retrieveAllCoversTheConsentedLicences() {
        Case c = f.openCase();
        f.consent(c, "SFZ", "YYZZ");
        List<RetrievalResult> all = f.mz.retrieval().retrieveAll(c.bizNo(), "clerk1").toCompletableFuture().join();
        assertThat(all).extracting(RetrievalResult::materialCode).containsExactly("YYZZ", "SFZ");
        Case none = f.openCase();
        assertThatThrownBy(() -> f.mz.retrieval().retrieveAll(none.bizNo(), "clerk1").toCompletableFuture().join())
                .extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.NO_CONSENT));
    }

    @Test
    void defaultConsentExpiresAtTheEndOfTheWorkingDay() {
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        // winter hours 08:30–12:00, 14:30–18:00 Asia/Shanghai
        assertThat(k.expiresAt()).isEqualTo(java.time.Instant.parse("2026-03-02T10:00:00Z"));
        f.clock.set(k.expiresAt());
        assertThatThrownBy(() -> f.retrieve(c, "SFZ")).extracting(RetrievalFixture::cause)
                .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.CONSENT_EXPIRED));
    }

    @Test
    void holderValueIsUsedAsIs() {
        Case c = f.openCase(Holder.person("11010519491231002x", "张三"), Map.of());
        f.consent(c, "SFZ");
        assertThat(f.retrieve(c, "SFZ").license().holder().value()).isEqualTo("11010519491231002X");
        SourceResult unused = SourceResult.of(SourceOutcome.NOT_FOUND, null, null);
        assertThat(unused.detail()).isEmpty();
    }
}
