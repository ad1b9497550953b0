package org.mianzheng.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Plan;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.RiskCategory;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;

class PlanTest {
    Mianzheng mz;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));

    @BeforeEach
    void setUp() {
        mz = Mianzheng.builder().clock(clock).build();
        Fixtures.loadWithAccounts(mz);
    }

    MaterialPlan m(String item, String material) {
        return mz.catalog().plan(item).material(material).orElseThrow();
    }

    @Test
    void exemptWithTheCatalogsChannelOrder() {
        MaterialPlan p = m("SC001", "YYZZ");
        assertThat(p.decision()).isEqualTo(MaterialDecision.EXEMPT);
        assertThat(p.mode()).isEqualTo(RetrievalMode.DATA_CALL);
        assertThat(p.channels()).containsExactly("onewindow", "cityhub");
        assertThat(p.reason()).isNull();
        MaterialPlan verify = m("SC001", "WFZM");
        assertThat(verify.mode()).isEqualTo(RetrievalMode.DATA_VERIFY);
        assertThat(verify.channels()).containsExactly("cityhub");
    }

    @Test
    void outsideCityButVerifiableOnlineIsExempt() {
        MaterialPlan p = m("SC001", "ZG");
        assertThat(p.decision()).isEqualTo(MaterialDecision.EXEMPT);
        assertThat(p.channels()).containsExactly("onewindow");
    }

    @Test
    void directedToTheIssuer() {
        MaterialPlan p = m("SC001", "ZSZM");
        assertThat(p.decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(p.directedTo()).isEqualTo("ZJJ");
        assertThat(p.channels()).isEmpty();
    }

    @Test
    void preparedByTheApplicant() {
        MaterialPlan p = m("SC001", "ZD");
        assertThat(p.reason()).isEqualTo(MustSubmitReason.NOT_GOVERNMENT_ISSUED);
        assertThat(p.article()).isEqualTo("Art. 2");
    }

    @Test
    void notInCatalog() {
        MaterialPlan p = m("SC001", "BA");
        assertThat(p.decision()).isEqualTo(MaterialDecision.MUST_SUBMIT);
        assertThat(p.reason()).isEqualTo(MustSubmitReason.NOT_IN_CATALOG);
        assertThat(p.reason().chinese()).isEqualTo("该材料未纳入本单位免证办目录");
        assertThat(p.article()).isEqualTo("Art. 16");
    }

    @Test
    void art3RiskCategoryOverridesADirectedExemption() {
        MaterialPlan p = m("SC001", "AQ");
        assertThat(p.decision()).isEqualTo(MaterialDecision.MUST_SUBMIT);
        assertThat(p.reason()).isEqualTo(MustSubmitReason.PRODUCTION_SAFETY);
        assertThat(p.article()).isEqualTo("Art. 3");
    }

    @Test
    void outsideCityAndNotVerifiable() {
        MaterialPlan p = m("SC001", "XL");
        assertThat(p.reason()).isEqualTo(MustSubmitReason.OUTSIDE_CITY_NOT_VERIFIABLE);
        assertThat(p.article()).isEqualTo("Art. 3");
        assertThat(p.reason().chinese()).contains("市外");
    }

    @Test
    void reviewedAtRegionLevelExcludesEveryMaterial() {
        Plan plan = mz.catalog().plan("SC002");
        assertThat(plan.materials()).allSatisfy(p -> {
            assertThat(p.decision()).isEqualTo(MaterialDecision.MUST_SUBMIT);
            assertThat(p.reason()).isEqualTo(MustSubmitReason.REVIEWED_AT_REGION_LEVEL);
        });
    }

    @ParameterizedTest
    @EnumSource(RiskCategory.class)
    void everyArt3CategoryHasItsReason(RiskCategory category) {
        MaterialRequirement risky = new MaterialRequirement("R1", "风险材料", MaterialKind.CERTIFICATION, null,
                new Issuer("ZJJ", "乌海市住房和城乡建设局", true, true), "《条例》", new Exemption(RetrievalMode.DIRECTED, List.of()), category);
        mz.catalog().file(new FilingRequest("SCJGJ", "op", "r", "b", List.of(new CatalogChange.AddMaterial("SC001", risky))));
        MaterialPlan p = m("SC001", "R1");
        assertThat(p.reason()).isEqualTo(MustSubmitReason.of(category));
        assertThat(p.reason().name()).isEqualTo(category.name());
        assertThat(p.reason().chinese()).contains(category.chinese());
        assertThat(p.article()).isEqualTo("Art. 3");
    }

    @Test
    void planOrderFollowsTheItem() {
        assertThat(mz.catalog().plan("SC001").materials()).extracting(MaterialPlan::materialCode)
                .containsExactly("YYZZ", "SFZ", "ZSZM", "WFZM", "ZD", "BA", "AQ", "XL", "ZG");
        assertThat(mz.catalog().plan("SC001").with(MaterialDecision.EXEMPT)).extracting(MaterialPlan::materialCode)
                .containsExactly("YYZZ", "SFZ", "WFZM", "ZG");
    }

    @Test
    void unknownItem() {
        assertThatThrownBy(() -> mz.catalog().plan("NOPE"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.reason()).isEqualTo(CatalogException.Reason.UNKNOWN_ITEM));
        assertThatThrownBy(() -> mz.catalog().plan(null)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> mz.catalog().plan("SC001", null)).isInstanceOf(CatalogException.class);
    }

    @Test
    void exemptionConstantsAreTheDesignChannels() {
        assertThat(Exemption.ONEWINDOW).isEqualTo("onewindow");
        assertThat(Exemption.CITYHUB).isEqualTo("cityhub");
    }
}
