package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.ViolationKind;

/**
 * A repeated cache hit is served from the hit its case made last ({@code ConsentedLookup.repeatedHit}), without the
 * checks' and the cache's own steps. These tests pin that it serves exactly what those steps would: each starts by
 * making a hit the case's last, then changes one thing the hit rests on.
 */
class RepeatedHitTest {
    private final RetrievalFixture f = new RetrievalFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private List<AuditEvent> events(String bizNo) {
        return f.mz.audit().read(1, 10_000, "sup", "test").stream().filter(e -> bizNo.equals(e.bizNo())).toList();
    }

    private long lastSequence() {
        return f.mz.audit().head().sequence();
    }

    private List<AuditType> typesAfter(String bizNo, long sequence) {
        return events(bizNo).stream().filter(e -> e.sequence() > sequence).map(AuditEvent::type).toList();
    }

    /** Retrieves a material three times: from the channel, then two hits, the second one served as the case's last hit. */
    private void primed(Case c, String material) {
        assertThat(f.retrieve(c, material).fromCache()).isFalse();
        assertThat(f.retrieve(c, material).fromCache()).isTrue();
        assertThat(f.retrieve(c, material).fromCache()).isTrue();
    }

    private static AccessDeniedException denied(Throwable t) {
        return (AccessDeniedException) RetrievalFixture.cause(t);
    }

    /** Retrieves the material, which must be refused with nothing recorded as a cache hit; returns the refusal. */
    private AccessDeniedException refusedWithoutAHit(Case c, String material) {
        long before = lastSequence();
        Throwable t = catchThrowable(() -> f.retrieve(c, material));
        assertThat(RetrievalFixture.cause(t)).isInstanceOf(AccessDeniedException.class);
        assertThat(typesAfter(c.bizNo(), before)).doesNotContain(AuditType.CACHE_HIT);
        return denied(t);
    }

    @Test
    void eachMaterialOfACaseIsServedItsOwnLicenceWhateverTheCaseRetrievedLast() {
        Case c = f.openCase();
        f.consent(c, "SFZ", "YYZZ");
        primed(c, "SFZ");
        primed(c, "YYZZ");
        for (int round = 0; round < 3; round++) {
            for (String material : List.of("SFZ", "YYZZ", "YYZZ", "SFZ")) {
                RetrievalResult r = f.retrieve(c, material);
                assertThat(r.fromCache()).isTrue();
                assertThat(r.materialCode()).isEqualTo(material);
                assertThat(r.license().licenseTypeCode()).isEqualTo(material.equals("SFZ") ? "JMSFZ" : "YYZZ");
            }
        }
        List<String> hitMaterials = events(c.bizNo()).stream().filter(e -> e.type() == AuditType.CACHE_HIT).map(e -> e.detail().get("material")).toList();
        assertThat(hitMaterials).hasSize(4 + 12).endsWith("SFZ", "YYZZ", "YYZZ", "SFZ");
        assertThat(f.onewindow.calls.get()).isEqualTo(2);
    }

    @Test
    void aClerkDeregisteredAfterRepeatedHitsIsRefusedAndNoHitIsRecorded() {
        Case c = f.openCase();
        f.consent(c, "SFZ");
        primed(c, "SFZ");
        f.mz.accounts().deregister("clerk1", "admin1", "市行政审批和政务服务局", "调岗");

        assertThat(refusedWithoutAHit(c, "SFZ").kind()).isEqualTo(ViolationKind.DEREGISTERED_ACCOUNT);
    }

    @Test
    void aConsentRevokedAfterRepeatedHitsIsRefusedAndNoHitIsRecorded() {
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        primed(c, "SFZ");
        f.mz.consents().revoke(k.id(), "clerk1", "申请人撤回授权");

        assertThat(refusedWithoutAHit(c, "SFZ").kind()).isEqualTo(ViolationKind.CONSENT_REVOKED);
    }

    @Test
    void anotherClerkIsNotServedTheHitOfTheFirstAndIsRecordedAsItself() {
        Case c = f.openCase();
        f.consent(c, "SFZ");
        primed(c, "SFZ");
        long before = lastSequence();

        assertThat(f.retrieve(c, "SFZ", "clerk2").fromCache()).isTrue();
        assertThat(f.retrieve(c, "SFZ", "clerk2").fromCache()).isTrue();
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        assertThat(events(c.bizNo()).stream().filter(e -> e.sequence() > before && e.type() == AuditType.CACHE_HIT).map(AuditEvent::actor).toList())
                .containsExactly("clerk2", "clerk2", "clerk1");
    }

    @Test
    void aConsentThatExpiresWhileItsLicenceIsCachedIsRefusedAndNoHitIsRecorded() {
        Case c = f.openCase();
        Instant expiry = f.clock.instant().plus(Duration.ofMinutes(5)); // well within the cache's 10 minutes
        f.mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理食品经营许可", ConsentMethod.SIGNATURE_PAD, "sig",
                "2".repeat(64), expiry));
        primed(c, "SFZ");
        f.clock.set(expiry);

        assertThat(refusedWithoutAHit(c, "SFZ").kind()).isEqualTo(ViolationKind.CONSENT_EXPIRED);
    }

    @Test
    void aConsentNotInForceYetByThisEnginesClockIsRefused() {
        Case c = f.openCase();
        Consent k = f.consent(c, "SFZ");
        primed(c, "SFZ");
        f.clock.set(k.grantedAt().minusSeconds(1)); // the node's clock stepped back

        AccessDeniedException refused = refusedWithoutAHit(c, "SFZ");
        assertThat(refused.kind()).isEqualTo(ViolationKind.CONSENT_EXPIRED);
        assertThat(refused.getMessage()).contains("not in force yet");
    }

    @Test
    void aHitUnderAShorterConsentIsNotRepeatedOnceTheLongestConsentIsInForce() {
        Case c = f.openCase();
        Instant t0 = f.clock.instant();
        Consent shorter = f.consent(c, "SFZ"); // to the end of the working day
        f.clock.set(t0.plus(Duration.ofMinutes(1)));
        Consent longer = f.mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理食品经营许可", ConsentMethod.FACE_MATCH,
                "face", "3".repeat(64), t0.plus(Duration.ofDays(2))));
        f.clock.set(t0.plus(Duration.ofMinutes(2)));
        assertThat(f.retrieve(c, "SFZ").fromCache()).isFalse();
        f.clock.set(t0.plus(Duration.ofSeconds(30))); // stepped back: the longer consent is not in force yet, the shorter is
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
        f.clock.set(t0.plus(Duration.ofMinutes(3)));
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();

        List<String> cited = events(c.bizNo()).stream().filter(e -> e.type() == AuditType.CACHE_HIT).map(e -> e.detail().get("consent")).toList();
        assertThat(cited).containsExactly(shorter.id(), shorter.id(), longer.id()); // as a check at each time finds
    }

    @Test
    void aLicenceEvictedFromTheCacheIsRetrievedAgainNotServedFromTheLastHit() {
        Case c = f.openCase();
        f.consent(c, "SFZ");
        primed(c, "SFZ");
        f.mz.internals().lookup().evict(c.bizNo(), Set.of("JMSFZ"));

        assertThat(f.retrieve(c, "SFZ").fromCache()).isFalse();
        assertThat(f.onewindow.calls.get()).isEqualTo(2);
        assertThat(f.retrieve(c, "SFZ").fromCache()).isTrue();
    }
}
