package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.GuideEntry;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ServiceGuide;

class ServiceGuideTest {
    final SupervisionFixture f = new SupervisionFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static GuideEntry entry(List<GuideEntry> l, String code) {
        return l.stream().filter(e -> e.materialCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theGuideSaysWhatTheApplicantNoLongerBringsAndWhy() {
        ServiceGuide g = f.mz.guides().guide("SC001");
        assertThat(g.itemName()).isEqualTo("食品经营许可");
        assertThat(g.departmentName()).isEqualTo("乌海市市场监督管理局");
        assertThat(g.notNeeded()).extracting(GuideEntry::materialCode).containsExactly("YYZZ", "SFZ", "ZSZM", "WFZM", "ZG");
        assertThat(g.stillNeeded()).extracting(GuideEntry::materialCode).containsExactly("ZD", "BA", "AQ", "XL");
        assertThat(entry(g.notNeeded(), "YYZZ").explanation()).contains("无需提交").contains("自治区“综合一窗”受理平台")
                .contains("全市政务服务信息数据调用核验系统");
        assertThat(entry(g.notNeeded(), "ZSZM").explanation()).contains("乌海市住房和城乡建设局").contains("定向开具").contains("24小时");
        GuideEntry aq = entry(g.stillNeeded(), "AQ");
        assertThat(aq.reason()).isEqualTo(MustSubmitReason.PRODUCTION_SAFETY);
        assertThat(aq.article()).isEqualTo("Art. 3");
        assertThat(aq.explanation()).contains("安全生产").contains("Art. 3");
        assertThat(entry(g.stillNeeded(), "BA").reason()).isEqualTo(MustSubmitReason.NOT_IN_CATALOG);
        assertThat(g.lastChange()).isEqualTo(1);
    }

    @Test
    void theGuideChangesTheMomentAFilingChangesTheCatalog() {
        Instant before = f.clock.instant();
        ServiceGuide old = f.mz.guides().guide("SC001");
        String oldHtml = SupervisionExports.guideHtml(old);
        f.clock.advance(Duration.ofMinutes(1));
        f.mz.catalog().file(new FilingRequest("SCJGJ", "clerk7", "备案回执纳入定向核验", "乌海市免证办工作运行规则第十六条",
                List.of(new CatalogChange.ChangeExemption("SC001", "BA", new Exemption(RetrievalMode.DIRECTED, List.of())))));
        ServiceGuide now = f.mz.guides().guide("SC001");
        GuideEntry ba = entry(now.notNeeded(), "BA");
        assertThat(ba.decision()).isEqualTo(MaterialDecision.DIRECTED);
        assertThat(ba.explanation()).contains("定向核验").contains("乌海市住房和城乡建设局");
        assertThat(now.stillNeeded()).extracting(GuideEntry::materialCode).doesNotContain("BA");
        assertThat(now.catalogVersion()).isEqualTo(2);
        assertThat(now.lastChange()).isEqualTo(2);
        assertThat(SupervisionExports.guideHtml(now)).isNotEqualTo(oldHtml).contains("备案回执");
        assertThat(SupervisionExports.guideJson(now)).contains("\"lastChange\" : 2");
        // as of before the filing, the guide is what it was
        assertThat(f.mz.guides().guide("SC001", before)).isEqualTo(old);
        // other items keep their last change
        assertThat(f.mz.guides().guide("ZJ001").lastChange()).isEqualTo(1);
    }

    @Test
    void exportsAreSelfContained() {
        ServiceGuide g = f.mz.guides().guide("ZJ001");
        String html = SupervisionExports.guideHtml(g);
        assertThat(html).contains("公共租赁住房申请").contains("您无需携带的材料").contains("12345").doesNotContain("<script")
                .doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("src=").contains("default-src 'none'");
        assertThat(SupervisionExports.guideJson(g)).contains("\"itemCode\" : \"ZJ001\"").contains("\"decision\" : \"DIRECTED\"");
        assertThat(f.mz.guides().guides("ZJJ", f.clock.instant())).extracting(ServiceGuide::itemCode).containsExactly("ZJ001");
        assertThatThrownBy(() -> f.mz.guides().guide("NOPE")).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> f.mz.guides().guide("SC001", Instant.parse("2020-01-01T00:00:00Z"))).isInstanceOf(CatalogException.class);
    }
}
