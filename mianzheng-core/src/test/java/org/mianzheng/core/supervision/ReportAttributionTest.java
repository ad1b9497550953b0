package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Case;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.SpotCheckRequest;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.Violation;
import org.mianzheng.api.WorkOrder;

/** Which row of a report an act counts in, as supervision.md defines it, and what exports may not show. */
class ReportAttributionTest {
    final SupervisionFixture f = new SupervisionFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private UsageReport report() {
        f.clock.set(f.clock.instant().plus(Duration.ofDays(2)));
        return f.mz.supervision().report(SupervisionFixture.MARCH_2, null, "sup");
    }

    private static Map<String, Long> complaintsByDepartment(UsageReport r) {
        Map<String, Long> m = new TreeMap<>();
        r.by(ReportDimension.DEPARTMENT).forEach((k, v) -> {
            if (v.complaints().received() > 0) {
                m.put(k, v.complaints().received());
            }
        });
        return m;
    }

    private Complaint hotlineComplaint(String ref) {
        return f.mz.complaints().record(new ComplaintRequest(ComplaintChannel.HOTLINE_12345, ComplaintCategory.DELAY, ref, null, null, "办理超时", null,
                "sup"));
    }

    @Test
    void aComplaintAssignedThenLinkedCountsUnderTheLinkedCasesDepartment() {
        f.set(10, 0);
        Case c = f.open("C-101", "SC001", SupervisionFixture.ZHANG, "clerk1", "W01");
        Complaint k = hotlineComplaint("T-1");
        f.mz.complaints().assign(k.id(), "GAJ", "sup");
        Complaint linked = f.mz.complaints().linkCase(k.id(), c.bizNo(), "clerk1");
        assertThat(linked.departmentCode()).isEqualTo("SCJGJ");
        assertThat(complaintsByDepartment(report())).isEqualTo(Map.of("SCJGJ", 1L));
    }

    @Test
    void anUnlinkedComplaintCountsUnderItsLastAssignee() {
        f.set(10, 0);
        Complaint k = hotlineComplaint("T-2");
        f.mz.complaints().assign(k.id(), "GAJ", "sup");
        f.mz.complaints().assign(k.id(), "ZJJ", "sup");
        assertThat(complaintsByDepartment(report())).isEqualTo(Map.of("ZJJ", 1L));
    }

    @Test
    void aReviewCountsInTheWindowRowOfItsViolation() {
        f.set(10, 0);
        Case a = f.open("A-101", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "PF");
        WorkOrder o = f.mz.workOrders().request(a.bizNo(), "PF", "clerk1", Complexity.NORMAL); // to SCJGJ
        assertThatThrownBy(() -> f.mz.workOrders().complete(o.id(), "verifier-gaj", SupervisionFixture.PDF)); // not its department: refused
        Violation v = f.mz.violations().stream().filter(x -> x.operatorId().equals("verifier-gaj")).findFirst().orElseThrow();
        f.mz.supervision().confirm(v.id(), "sup", "经核实");
        var w01 = report().by(ReportDimension.WINDOW).get("W01"); // the verifier has no window: the case's
        assertThat(w01.violations().refused()).isEqualTo(1);
        assertThat(w01.violations().confirmed()).isEqualTo(1);
    }

    @Test
    void anIdentityNumberTypedIntoAReasonIsNotInTheLogNorInTheSpotCheck() {
        String id = "11010519491231002X";
        f.set(10, 0);
        Case a = f.open("A-102", "ZJ001", SupervisionFixture.ZHANG, "clerk1", "W01", "SRZM");
        WorkOrder o = f.mz.workOrders().request(a.bizNo(), "SRZM", "clerk1", Complexity.NORMAL);
        f.mz.workOrders().returnOrder(o.id(), "verifier-gaj", "申请人张三（" + id + "）的收入证明不在本单位", "ZJJ");
        assertThat(f.mz.audit().read(1, 10_000, "sup", "test")).allSatisfy(e -> assertThat(e.detail().toString()).doesNotContain("19491231"));
        f.clock.set(f.clock.instant().plus(Duration.ofDays(2)));
        String json = SupervisionExports.spotCheckJson(f.mz.supervision().spotCheck(new SpotCheckRequest(SupervisionFixture.MARCH_2, null, 10,
                7L), "sup"));
        assertThat(json).contains("A-102").doesNotContain(id).doesNotContain("19491231");
    }
}
