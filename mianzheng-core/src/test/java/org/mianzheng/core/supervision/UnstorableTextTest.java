package org.mianzheng.core.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.ComplaintState;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Department;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.OnlineRequest;
import org.mianzheng.api.Role;
import org.mianzheng.api.WorkOrderState;

/**
 * New free text that a store cannot keep as it is (a NUL, which PostgreSQL refuses; half a surrogate pair, which has
 * no UTF-8 form) is refused at every service that takes it, with an {@link InvalidValueException} naming the field,
 * before its act is audited or anything is stored.
 */
class UnstorableTextTest {
    private static final String NUL = "窗口\0备注";
    private static final String HALF_PAIR = "窗口\uD800备注";
    private static final String SHA = "0".repeat(64);

    SupervisionFixture f;

    @BeforeEach
    void setUp() {
        f = new SupervisionFixture();
        f.runScenario();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** Asserts the call is refused naming the field and the position, and that the audit chain did not move. */
    private void refused(ThrowingCallable call, String field, int at) {
        long before = f.mz.internals().audit().head().sequence();
        assertThatThrownBy(call).isInstanceOf(InvalidValueException.class).hasMessageStartingWith(field + ": ").hasMessageContaining(" at " + at)
                .hasMessageNotContaining("窗口");
        assertThat(f.mz.internals().audit().head().sequence()).as("nothing audited").isEqualTo(before);
    }

    private static Holder person(String name) {
        String first17 = "15030219900101123";
        return Holder.person(first17 + CheckCharacters.residentIdentityCheck(first17), name);
    }

    @Test
    void accounts() {
        refused(() -> f.mz.accounts().register("clerk9", NUL, "ZWFWJ", "W09", Set.of(Role.WINDOW_CLERK), "admin1", "市局"), "operator.name", 2);
        assertThat(f.mz.accounts().find("clerk9")).isEmpty();
        refused(() -> f.mz.accounts().register("clerk9", "王九", "ZWFWJ", "W09", Set.of(Role.WINDOW_CLERK), "admin1", HALF_PAIR), "reportedTo", 2);
        assertThat(f.mz.accounts().find("clerk9")).isEmpty();
        refused(() -> f.mz.accounts().deregister("clerk2", "admin1", "市局", NUL), "reason", 2);
        refused(() -> f.mz.accounts().deregister("clerk2", "admin1", HALF_PAIR, "调岗"), "reportedTo", 2);
        assertThat(f.mz.accounts().find("clerk2").orElseThrow().active()).isTrue();
    }

    @Test
    void cases() {
        refused(() -> f.mz.cases().open("E-001", "ZJ001", person(NUL), Map.of(), "W01", "clerk1"), "case.applicant.name", 2);
        refused(() -> f.mz.cases().open("E-001", "ZJ001", person("赵五"), Map.of("SFZ", Map.of("name", HALF_PAIR)), "W01", "clerk1"),
                "case.declared.SFZ.name", 2);
        assertThat(f.mz.cases().find("E-001")).isEmpty();
        int handedIn = f.mz.cases().voluntarySubmissions(f.b.bizNo()).size();
        refused(() -> f.mz.cases().recordVoluntarySubmission(f.b.bizNo(), "PF", "clerk2", NUL), "note", 2);
        assertThat(f.mz.cases().voluntarySubmissions(f.b.bizNo())).hasSize(handedIn);
    }

    @Test
    void consents() {
        refused(() -> new ConsentRequest(f.a.bizNo(), "clerk1", Set.of("SFZ"), NUL, ConsentMethod.SIGNATURE_PAD, "sig", SHA, null), "purpose", 2);
        refused(() -> new ConsentRequest(f.a.bizNo(), "clerk1", Set.of("SFZ"), "办理", ConsentMethod.SIGNATURE_PAD, HALF_PAIR, SHA, null),
                "evidenceRef", 2);
        Consent c = f.mz.consents().forCase(f.a.bizNo()).get(0);
        refused(() -> f.mz.consents().revoke(c.id(), "clerk1", HALF_PAIR), "reason", 2);
        assertThat(f.mz.consents().find(c.id()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void complaintsAndReviews() {
        refused(() -> new ComplaintRequest(ComplaintChannel.WINDOW, ComplaintCategory.DELAY, null, null, "GAJ", HALF_PAIR, null, "sup"), "summary", 2);
        refused(() -> f.mz.complaints().resolve(f.complaint2.id(), "sup", true, HALF_PAIR), "resolution", 2);
        assertThat(f.mz.complaints().find(f.complaint2.id()).orElseThrow().state()).isEqualTo(ComplaintState.ASSIGNED);
        refused(() -> f.mz.supervision().confirm(f.originals.id(), "sup", NUL), "note", 2);
        refused(() -> f.mz.supervision().dismiss(f.refusal.id(), "sup", LiabilityExemptionGround.OTHER_LAWFUL_GROUND, HALF_PAIR), "note", 2);
    }

    @Test
    void workOrders() {
        String id = f.cOrder.id();
        refused(() -> f.mz.workOrders().returnOrder(id, "verifier-zjj", NUL, null), "reason", 2);
        refused(() -> f.mz.workOrders().returnOrder(id, "verifier-zjj", "不属于本单位职责", HALF_PAIR), "transferSuggestion", 2);
        refused(() -> f.mz.workOrders().cancel(id, "clerk1", NUL), "reason", 2);
        refused(() -> f.mz.workOrders().reclassify(id, "clerk1", Complexity.NORMAL, HALF_PAIR), "reason", 2);
        assertThat(f.mz.workOrders().find(id).orElseThrow().state()).isEqualTo(WorkOrderState.SUBMITTED);
        refused(() -> new OnlineRequest("WS-0001", "acct1", person(NUL), "SC001", "ZSZM", "办理", Complexity.NORMAL), "applicant.name", 2);
        refused(() -> new OnlineRequest("WS-0001", "acct1", person("赵五"), "SC001", "ZSZM", HALF_PAIR, Complexity.NORMAL), "purpose", 2);
    }

    @Test
    void catalogFilingsAreWalkedToTheTextItHolds() {
        long version = f.mz.catalog().version();
        Supplier<FilingRequest> nested = () -> new FilingRequest("SCJGJ", "clerk7", "新设部门", "国办发〔2019〕54号",
                List.of(new CatalogChange.PutDepartment(new Department("XBM", "新部门", AdminLevel.CITY, null, null)),
                        new CatalogChange.PutDepartment(new Department("XBM2", HALF_PAIR, AdminLevel.CITY, null, null))));
        refused(() -> f.mz.catalog().file(nested.get()), "filing.changes[1].department.name", 2);
        refused(() -> f.mz.catalog().file(new FilingRequest("SCJGJ", "clerk7", NUL, "国办发〔2019〕54号",
                List.of(new CatalogChange.PutDepartment(new Department("XBM", "新部门", AdminLevel.CITY, null, null))))), "filing.reason", 2);
        assertThat(f.mz.catalog().version()).isEqualTo(version);
    }
}
