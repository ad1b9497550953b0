package org.mianzheng.core.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Case;
import org.mianzheng.api.CaseException;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;

class CaseServiceTest {
    static final Holder APPLICANT = Holder.person("11010519491231002X", "张三");
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    Mianzheng mz;

    @BeforeEach
    void setUp() {
        mz = Mianzheng.builder().clock(clock).build();
        Fixtures.loadWithAccounts(mz);
    }

    @Test
    void openFindAndPlanAsOfOpening() {
        Case c = mz.cases().open("B2026001", "SC001", APPLICANT, Map.of("YYZZ", Map.of("name", "某某公司")), "W01", "clerk1");
        assertThat(c.openedAt()).isEqualTo(clock.instant());
        assertThat(mz.cases().find("B2026001")).contains(c);
        clock.advance(Duration.ofMinutes(10));
        mz.catalog().file(new FilingRequest("SCJGJ", "op", "r", "b", List.of(new CatalogChange.ChangeExemption("SC001", "ZSZM", Exemption.NONE))));
        // the case keeps the plan of the day it was opened
        assertThat(mz.cases().plan("B2026001").material("ZSZM").orElseThrow().decision()).isEqualTo(MaterialDecision.DIRECTED);
    }

    @Test
    void duplicateAndUnknown() {
        mz.cases().open("B1", "SC001", APPLICANT, Map.of(), "W01", "clerk1");
        assertThatThrownBy(() -> mz.cases().open("B1", "SC001", APPLICANT, Map.of(), "W01", "clerk1"))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.reason()).isEqualTo(CaseException.Reason.DUPLICATE_BIZ_NO));
        assertThatThrownBy(() -> mz.cases().open("B2", "NOPE", APPLICANT, Map.of(), "W01", "clerk1")).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> mz.cases().plan("B404"))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.reason()).isEqualTo(CaseException.Reason.UNKNOWN_CASE));
    }

    @Test
    void voluntarySubmissionOfAnExemptMaterialIsAlwaysAccepted() {
        mz.cases().open("B1", "SC001", APPLICANT, Map.of(), "W01", "clerk1");
        VoluntarySubmission s = mz.cases().recordVoluntarySubmission("B1", "YYZZ", "clerk1", "营业执照副本原件");
        assertThat(s.wasExempt()).isTrue();
        assertThat(s.planned()).isEqualTo(MaterialDecision.EXEMPT);
        assertThat(s.receivedAt()).isEqualTo(clock.instant());
        VoluntarySubmission s2 = mz.cases().recordVoluntarySubmission("B1", "ZD", "clerk1", null);
        assertThat(s2.wasExempt()).isFalse();
        assertThat(mz.cases().voluntarySubmissions("B1")).containsExactly(s, s2);
        assertThatThrownBy(() -> mz.cases().recordVoluntarySubmission("B1", "NOPE", "clerk1", null))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.reason()).isEqualTo(CaseException.Reason.UNKNOWN_MATERIAL));
    }
}
