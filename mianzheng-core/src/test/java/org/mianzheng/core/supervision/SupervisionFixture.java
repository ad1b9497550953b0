package org.mianzheng.core.supervision;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.mianzheng.api.Case;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.Holder;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.Violation;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.testing.FakeSource;
import org.mianzheng.core.workorders.SlaSettings;

/**
 * An engine on the fixture catalog with two fake channels and no background sweep, and {@link #runScenario()}: one
 * working morning (Monday 2026-03-02, Asia/Shanghai) whose report figures are worked out by hand in
 * {@code UsageReportTest}.
 */
class SupervisionFixture implements AutoCloseable {
    static final Holder ZHANG = Holder.person("11010519491231002X", "张三");
    static final Holder LI = Holder.person("440524188001010014", "李四");
    static final Holder WANG = Holder.person("15030219800101123" + CheckCharacters.residentIdentityCheck("15030219800101123"), "王五");
    static final byte[] PDF = "%PDF-1.7\n%result\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final ReportPeriod MARCH_2 = ReportPeriod.days(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 2), Mianzheng.DEFAULT_ZONE);

    final MutableClock clock = new MutableClock(at(10, 0));
    final FakeSource onewindow = new FakeSource("onewindow");
    final FakeSource cityhub = new FakeSource("cityhub");
    final Mianzheng mz;

    // what the scenario made
    Case a;
    Case b;
    Case c;
    Case d;
    WorkOrder cOrder;
    Complaint complaint1;
    Complaint complaint2;
    Violation originals;
    Violation refusal;

    static Instant at(int h, int m) {
        return ZonedDateTime.of(2026, 3, 2, h, m, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant();
    }

    SupervisionFixture() {
        this(b -> { });
    }

    /** @param more further settings of the engine (stores, for instance) */
    SupervisionFixture(java.util.function.Consumer<Mianzheng.Builder> more) {
        Mianzheng.Builder b = Mianzheng.builder().clock(clock).licenseSource(onewindow).licenseSource(cityhub)
                .slaSettings(SlaSettings.defaults().withSweepEvery(Duration.ZERO));
        more.accept(b);
        mz = b.build();
        Fixtures.loadWithAccounts(mz);
    }

    void set(int h, int m) {
        clock.set(at(h, m));
    }

    Case open(String bizNo, String item, Holder who, String clerk, String window, String... consented) {
        Case k = mz.cases().open(bizNo, item, who, Map.of(), window, clerk);
        if (consented.length > 0) {
            mz.consents().grant(new ConsentRequest(k.bizNo(), clerk, Set.of(consented), "办理" + item, ConsentMethod.SIGNATURE_PAD, "sig-" + bizNo,
                    Digests.sha256Hex(("signature " + bizNo).getBytes(java.nio.charset.StandardCharsets.UTF_8)), null));
        }
        return k;
    }

    RetrievalResult retrieve(Case k, String material, String clerk) {
        return mz.retrieval().retrieve(k.bizNo(), material, clerk).toCompletableFuture().join();
    }

    /** Runs the scenario; see the class comment of {@code UsageReportTest} for the expected figures. */
    void runScenario() {
        // Case A: ZJ001 (ZJJ), 张三, window W01
        set(10, 0);
        a = open("A-001", "ZJ001", ZHANG, "clerk1", "W01", "SFZ", "PF", "SRZM");
        retrieve(a, "SFZ", "clerk1");                                   // onewindow FOUND → RETRIEVED
        retrieve(a, "SFZ", "clerk1");                                   // CACHE_HIT
        set(10, 1);
        WorkOrder aPf = mz.workOrders().request(a.bizNo(), "PF", "clerk1", Complexity.NORMAL);      // to SCJGJ
        WorkOrder aSrzm = mz.workOrders().request(a.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);  // to GAJ
        set(10, 11);
        mz.workOrders().complete(aPf.id(), "verifier-scjgj", PDF);     // 10 min, in time
        set(10, 41);
        mz.workOrders().complete(aSrzm.id(), "verifier-gaj", PDF);     // 40 min, late (due 10:31)

        // Case B: ZJ001, 李四, window W02: both channels fail; paper handed in anyway; PF returned and transferred
        set(10, 45);
        b = open("B-001", "ZJ001", LI, "clerk2", "W02", "SFZ", "PF");
        onewindow.answer(SourceOutcome.NOT_FOUND);
        cityhub.answer(SourceOutcome.UNAVAILABLE);
        retrieve(b, "SFZ", "clerk2");                                   // MUST_SUBMIT NO_CHANNEL_AVAILABLE
        mz.cases().recordVoluntarySubmission(b.bizNo(), "SFZ", "clerk2", "申请人主动提交身份证复印件");
        set(10, 46);
        WorkOrder bPf = mz.workOrders().request(b.bizNo(), "PF", "clerk2", Complexity.NORMAL);
        set(10, 51);
        mz.workOrders().returnOrder(bPf.id(), "verifier-scjgj", "规划批复不属于本单位职责", "GAJ");   // 5 min, in time
        set(10, 52);
        WorkOrder bPf2 = mz.workOrders().transfer(bPf.id(), "clerk2");
        set(11, 12);
        mz.workOrders().complete(bPf2.id(), "verifier-gaj", PDF);      // 20 min, in time

        // Case C: SC001 (SCJGJ), 张三, window W01: YYZZ retrieved, SFZ revoked; ZSZM order stays open (due tomorrow)
        set(11, 15);
        c = open("C-001", "SC001", ZHANG, "clerk1", "W01", "YYZZ", "SFZ", "ZSZM");
        onewindow.answerLicense(q -> FakeSource.license(q.holder(), q.holderName(), q.licenseTypeCode(), org.mianzheng.api.LicenseStatus.VALID));
        retrieve(c, "YYZZ", "clerk1");                                  // RETRIEVED via onewindow
        onewindow.answer(SourceOutcome.REVOKED);
        retrieve(c, "SFZ", "clerk1");                                   // MUST_SUBMIT LICENSE_NOT_USABLE
        set(11, 16);
        cOrder = mz.workOrders().request(c.bizNo(), "ZSZM", "clerk1", Complexity.NORMAL);    // COMPLEX (承诺件): due 03-03 11:16

        // Case D: ZJ001, 王五, window W01: retrieval outside the consent refused; SRZM order never answered
        set(11, 20);
        d = open("D-001", "ZJ001", WANG, "clerk1", "W01", "SRZM");
        try {
            retrieve(d, "SFZ", "clerk1");
            throw new AssertionError("retrieval outside the consent must be refused");
        } catch (CompletionException expected) {
            // OUT_OF_CONSENT_SCOPE, recorded
        }
        set(11, 21);
        mz.workOrders().request(d.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);              // due 11:51, never answered

        // Complaints
        set(11, 30);
        complaint1 = mz.complaints().record(new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.ORIGINALS_DEMANDED, "BBCS-0001",
                c.bizNo(), null, "窗口仍要求提供营业执照复印件", ZHANG.id(), "clerk1"));
        set(11, 31);
        mz.complaints().assign(complaint1.id(), "SCJGJ", "sup");
        set(11, 35);
        complaint2 = mz.complaints().record(new ComplaintRequest(ComplaintChannel.HOTLINE_12345, ComplaintCategory.DELAY, "T12345-0302-0001",
                null, "GAJ", "收入证明开具超时", null, "sup"));
        mz.complaints().assign(complaint2.id(), "GAJ", "sup");
        set(11, 40);
        complaint1 = mz.complaints().resolve(complaint1.id(), "verifier-scjgj", true, "已责成窗口改正，营业执照通过平台调取");

        // Violations: a rule-based report, then the reviews
        set(11, 45);
        originals = mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk1", "sup", complaint1.id());
        refusal = mz.violations().stream().filter(v -> v.kind() == org.mianzheng.api.ViolationKind.OUT_OF_CONSENT_SCOPE).findFirst().orElseThrow();
        set(11, 50);
        mz.supervision().confirm(originals.id(), "sup", "经核实，窗口索要已免提交的营业执照复印件");
        mz.supervision().dismiss(refusal.id(), "sup", LiabilityExemptionGround.OTHER_LAWFUL_GROUND, "操作失误，已即时纠正，未调取数据");
    }

    @Override
    public void close() {
        mz.close();
    }
}
