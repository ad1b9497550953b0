package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.CaseException;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.SpotCheck;
import org.mianzheng.api.SpotCheckRequest;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;
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

/** Two engines on one set of stores: an act one of them records but the store refuses does not count in reports. */
class TwoNodesReportTest {
    final MutableClock clock = new MutableClock(SupervisionFixture.at(10, 0));
    final InMemoryAuditStore audit = new InMemoryAuditStore();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryCaseStore cases = new InMemoryCaseStore();
    final InMemoryOperatorStore operators = new InMemoryOperatorStore();
    final InMemoryConsentStore consents = new InMemoryConsentStore();
    final InMemoryViolationStore violations = new InMemoryViolationStore();
    Mianzheng a;
    Mianzheng b;

    /** The second engine's view of the case store, which does not show the first engine's case yet. */
    static final class NotYetSeen implements CaseStore {
        final CaseStore store;
        final String hidden;

        NotYetSeen(CaseStore store, String hidden) {
            this.store = store;
            this.hidden = hidden;
        }

        @Override
        public boolean insert(Case c) {
            return store.insert(c);
        }

        @Override
        public Optional<Case> find(String bizNo) {
            return bizNo.equals(hidden) ? Optional.empty() : store.find(bizNo);
        }

        @Override
        public void addSubmission(VoluntarySubmission s) {
            store.addSubmission(s);
        }

        @Override
        public List<VoluntarySubmission> submissions(String bizNo) {
            return store.submissions(bizNo);
        }
    }

    private Mianzheng engine(CaseStore caseStore) {
        return Mianzheng.builder().clock(clock).licenseSource(new FakeSource("onewindow")).auditStore(audit).catalogStore(catalog)
                .caseStore(caseStore).operatorStore(operators).consentStore(consents).violationStore(violations).followChanges(Duration.ZERO).build();
    }

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    @Test
    void anOpeningTheStoreRefusedIsTakenBackAndTheStoredCaseKeepsItsPlaceInReportsAndSpotChecks() {
        a = engine(cases);
        Fixtures.loadWithAccounts(a);
        b = engine(new NotYetSeen(cases, "X-001"));
        Case x = a.cases().open("X-001", "ZJ001", SupervisionFixture.ZHANG, Map.of(), "W01", "clerk1");
        a.consents().grant(new ConsentRequest(x.bizNo(), "clerk1", Set.of("SFZ"), "办理", ConsentMethod.SIGNATURE_PAD, "sig",
                Digests.sha256Hex("s".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        a.retrieval().retrieve(x.bizNo(), "SFZ", "clerk1").toCompletableFuture().join();
        clock.set(SupervisionFixture.at(10, 5));
        assertThatThrownBy(() -> b.cases().open("X-001", "SC001", SupervisionFixture.LI, Map.of(), "W02", "clerk2"))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.reason()).isEqualTo(CaseException.Reason.DUPLICATE_BIZ_NO));
        List<AuditEvent> opened = a.audit().read(1, 10_000, "sup", "test").stream().filter(e -> e.type() == AuditType.CASE_OPENED).toList();
        assertThat(opened).extracting(e -> e.detail().get("event")).containsExactly(null, null, "NOT_SAVED");
        assertThat(opened.get(2).detail()).containsEntry("case", "X-001").containsEntry("attemptedSequence", Long.toString(opened.get(1).sequence()));

        clock.set(SupervisionFixture.at(10, 0).plus(Duration.ofDays(2)));
        UsageReport r = a.supervision().report(SupervisionFixture.MARCH_2, null, "sup");
        assertThat(r.totals().casesOpened()).isEqualTo(1);
        assertThat(r.by(ReportDimension.DEPARTMENT).keySet()).containsExactly("ZJJ");
        assertThat(r.by(ReportDimension.WINDOW).keySet()).containsExactly("W01");
        assertThat(r.totals().exemption().numerator()).isEqualTo(1); // the retrieval made on the stored case still counts
        SpotCheck s = a.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 5, 1L), "sup");
        assertThat(s.population()).isEqualTo(1);
        assertThat(s.bizNos()).containsExactly("X-001");
    }
}
