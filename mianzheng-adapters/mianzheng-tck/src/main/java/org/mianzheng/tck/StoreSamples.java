package org.mianzheng.tck;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintState;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.Department;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FileType;
import org.mianzheng.api.Handling;
import org.mianzheng.api.Holder;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.Notification;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Origin;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewDecision;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.RiskCategory;
import org.mianzheng.api.Role;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.ViolationReview;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.WorkOrderStore.ScheduledAction;

/** Values for the contract kits: every field set, nulls where allowed, Chinese text, nanosecond instants. */
public final class StoreSamples {
    /** A base instant with nanoseconds. */
    public static final Instant T0 = Instant.parse("2026-03-02T02:00:00.123456789Z");
    /** A valid resident identity number. */
    public static final String RESIDENT = "11010519491231002X";
    /** A valid unified social credit code. */
    public static final String CREDIT = "11150300MB14571840";
    /** A small PDF. */
    public static final byte[] PDF = "%PDF-1.7\n%result\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private StoreSamples() {
    }

    /** @return a catalog document using every kind of field */
    public static CatalogDocument document() {
        List<Department> deps = List.of(new Department("ZWFWJ", "乌海市行政审批和政务服务局", AdminLevel.CITY, CREDIT, null),
                new Department("HBW-MZ", "海勃湾区民政局", AdminLevel.DISTRICT, null, "ZWFWJ"));
        List<LicenseType> types = List.of(new LicenseType("YYZZ", "营业执照", HolderKind.ORGANISATION), new LicenseType("JMSFZ", "居民身份证",
                HolderKind.PERSON));
        List<MaterialRequirement> mats = List.of(
                new MaterialRequirement("YYZZ", "营业执照", MaterialKind.ELECTRONIC_LICENSE, "YYZZ", new Issuer("ZWFWJ", "市局", true, true),
                        "《市场主体登记管理条例》", new Exemption(RetrievalMode.DATA_CALL, List.of("onewindow", "cityhub")), null),
                new MaterialRequirement("ZSZM", "住所使用证明", MaterialKind.CERTIFICATION, null, new Issuer("HBW-MZ", "民政局", true, false),
                        "《条例》第三条", new Exemption(RetrievalMode.DIRECTED, List.of()), RiskCategory.PUBLIC_SECURITY),
                new MaterialRequirement("ZD", "管理制度文本", MaterialKind.CERTIFICATION, null, Issuer.APPLICANT, "《办法》第十二条", null, null),
                new MaterialRequirement("XL", "学历证书", MaterialKind.FILE_APPROVAL, null, new Issuer(null, "外地院校", false, true),
                        "《条例》", new Exemption(RetrievalMode.DATA_VERIFY, List.of("cityhub")), RiskCategory.HEALTH_LIFE_PROPERTY));
        List<ServiceItem> items = List.of(new ServiceItem("SC001", "食品经营许可 \"引号\" \\ 反斜杠", "ZWFWJ", AdminLevel.CITY, Handling.COMMITMENT,
                ReviewLevel.REGION, mats), new ServiceItem("SC002", "空事项", "HBW-MZ", AdminLevel.DISTRICT, Handling.IMMEDIATE, ReviewLevel.DISTRICT,
                List.of()));
        return new CatalogDocument(deps, types, items);
    }

    /** @return one change of every kind */
    public static List<CatalogChange> everyChange() {
        CatalogDocument d = document();
        MaterialRequirement m = d.items().get(0).materials().get(1);
        return List.of(new CatalogChange.ReplaceAll(d), new CatalogChange.PutDepartment(d.departments().get(1)),
                new CatalogChange.PutLicenseType(d.licenseTypes().get(0)), new CatalogChange.AddItem(d.items().get(1)),
                new CatalogChange.ModifyItem(d.items().get(0)), new CatalogChange.RemoveItem("SC002"), new CatalogChange.AddMaterial("SC002", m),
                new CatalogChange.ModifyMaterial("SC001", m), new CatalogChange.RemoveMaterial("SC001", "ZD"),
                new CatalogChange.ChangeExemption("SC001", "YYZZ", Exemption.NONE));
    }

    /**
     * @param seq sequence
     * @return a filing
     */
    public static CatalogFiling filing(long seq) {
        List<CatalogChange> changes = seq == 1 ? List.of(new CatalogChange.ReplaceAll(document())) : everyChange();
        return new CatalogFiling(seq, T0.plusSeconds(seq), "ZWFWJ", "admin" + seq, "目录变更 " + seq, "第十六条", changes);
    }

    /**
     * @param bizNo case number
     * @return a case of a person with declared data
     */
    public static Case aCase(String bizNo) {
        return new Case(bizNo, "SC001", Holder.person(RESIDENT, "张三"), Map.of("YYZZ", Map.of("名称", "乌海某公司", "number", "91150300"), "SFZ",
                Map.of()), "W01", "clerk1", T0);
    }

    /**
     * @param id     account id
     * @param window window or {@code null}
     * @return an active operator
     */
    public static Operator operator(String id, String window) {
        return new Operator(id, "李一", "ZWFWJ", window, Set.of(Role.WINDOW_CLERK, Role.SUPERVISOR), T0, null);
    }

    /**
     * @param kind     kind
     * @param operator account
     * @param n        distinguishes events
     * @return an account event
     */
    public static AccountEvent accountEvent(AccountEvent.Kind kind, String operator, int n) {
        return new AccountEvent(kind, operator, T0.plusSeconds(n), "admin1", "市行政审批和政务服务局", "备注 " + n);
    }

    /**
     * @param id    consent id
     * @param bizNo case
     * @param n     distinguishes consents
     * @return a consent
     */
    public static Consent consent(String id, String bizNo, int n) {
        return new Consent(id, bizNo, "SC001", HolderId.resident(RESIDENT), "clerk1", "W01", Set.of("YYZZ", "SFZ"), "办理食品经营许可 " + n,
                ConsentMethod.SIGNATURE_PAD, "evidence/" + n, "a".repeat(64), T0.plusSeconds(n), T0.plusSeconds(n).plus(Duration.ofHours(8)), null,
                null);
    }

    /**
     * @param id violation id
     * @param at when
     * @return a violation
     */
    public static Violation violation(String id, Instant at) {
        return new Violation(id, at, ViolationKind.BULK_HARVESTING, "clerk1", id.hashCode() % 2 == 0 ? null : "B1", false,
                Map.of("holders", "31", "窗口", "W01"));
    }

    /**
     * @param from  first sequence
     * @param count how many
     * @param prev  previous hash
     * @return consecutive events linked on {@code prev}
     */
    public static List<AuditEvent> chain(long from, int count, String prev) {
        List<AuditEvent> out = new ArrayList<>();
        String p = prev;
        for (int i = 0; i < count; i++) {
            long seq = from + i;
            AuditEvent e = AuditEvent.link(seq, T0.plusNanos(seq), new AuditRecord(AuditType.RETRIEVAL, "clerk1", seq % 3 == 0 ? null : "B" + seq,
                    seq % 2 == 0 ? null : "subject-" + seq, Map.of("n", Long.toString(seq), "说明", "调取 “营业执照”")), p);
            out.add(e);
            p = e.hash();
        }
        return out;
    }

    /**
     * @param id      order id
     * @param created creation instant
     * @return a new order (version 1)
     */
    public static WorkOrder order(String id, Instant created) {
        return new WorkOrder(id, 1, WorkOrderKind.VERIFY_APPROVAL, Origin.WINDOW, Complexity.NORMAL, WorkOrderState.SUBMITTED, "ZJ001", "B-" + id, "PF",
                "规划批复", "SCJGJ", HolderId.resident(RESIDENT), "张三", "clerk1", "办理公共租赁住房申请", created, 1, created.plus(Duration.ofMinutes(30)),
                created.plus(Duration.ofMinutes(15)), false, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param id          order id
     * @param created     creation time
     * @param ruleVersion the SLA rule version it was created under
     * @return an open order like {@link #order(String, Instant)}, under that rule version
     */
    public static WorkOrder order(String id, Instant created, int ruleVersion) {
        WorkOrder o = order(id, created);
        return new WorkOrder(o.id(), o.version(), o.kind(), o.origin(), o.complexity(), o.state(), o.itemCode(), o.bizNo(), o.materialCode(),
                o.materialName(), o.toDepartment(), o.applicant(), o.applicantName(), o.requestedBy(), o.purpose(), o.createdAt(), ruleVersion,
                o.answerDueAt(), o.returnDueAt(), o.provisional(), o.acceptedAt(), o.closedAt(), o.closedBy(), o.result(), o.returnReason(),
                o.transferSuggestion(), o.transferredFrom(), o.transferredTo(), o.externalId());
    }

    /**
     * @param o  an order
     * @param at when
     * @return its next version, completed with a PDF result
     */
    public static WorkOrder completed(WorkOrder o, Instant at) {
        return new WorkOrder(o.id(), o.version() + 1, o.kind(), o.origin(), o.complexity(), WorkOrderState.COMPLETED, o.itemCode(), o.bizNo(),
                o.materialCode(), o.materialName(), o.toDepartment(), o.applicant(), o.applicantName(), o.requestedBy(), o.purpose(), o.createdAt(),
                o.ruleVersion(), o.answerDueAt(), o.returnDueAt(), o.provisional(), at, at, "verifier", new DocumentFile(FileType.PDF, PDF, null), null,
                null, "from-1", "to-2", "EXT-1");
    }

    /**
     * @param o       an order
     * @param version its next version number
     * @param due     new answer deadline
     * @return the order with a moved deadline (still open)
     */
    public static WorkOrder moved(WorkOrder o, long version, Instant due) {
        return new WorkOrder(o.id(), version, o.kind(), o.origin(), Complexity.COMPLEX, WorkOrderState.ACCEPTED, o.itemCode(), o.bizNo(),
                o.materialCode(), o.materialName(), o.toDepartment(), o.applicant(), o.applicantName(), o.requestedBy(), o.purpose(), o.createdAt(),
                o.ruleVersion(), due, o.returnDueAt(), true, o.createdAt(), null, null, null, null, null, null, null, null);
    }

    /**
     * @param o an order
     * @return its schedule: two warnings, a breach and an escalation, ids by the engine's rule
     */
    public static List<ScheduledAction> schedule(WorkOrder o) {
        long key = o.answerDueAt().toEpochMilli();
        Instant c = o.createdAt();
        return List.of(new ScheduledAction(o.id() + ":warn-50:" + key, o.id(), "warn-50", c.plus(Duration.ofMinutes(15)), Notification.Kind.WARNING,
                        Notification.Recipient.HANDLER),
                new ScheduledAction(o.id() + ":warn-80:" + key, o.id(), "warn-80", c.plus(Duration.ofMinutes(24)), Notification.Kind.WARNING,
                        Notification.Recipient.HANDLER),
                new ScheduledAction(o.id() + ":breach:" + key, o.id(), "breach", o.answerDueAt(), Notification.Kind.BREACH,
                        Notification.Recipient.HANDLER),
                new ScheduledAction(o.id() + ":escalate-lead:" + key, o.id(), "escalate-lead", o.answerDueAt().plus(Duration.ofMinutes(15)),
                        Notification.Kind.ESCALATION, Notification.Recipient.DEPARTMENT_LEAD));
    }

    /**
     * @param id complaint id
     * @param n  seconds after {@link #T0} it was received
     * @return a new complaint (version 1) of a named complainant about a case
     */
    public static Complaint complaint(String id, int n) {
        return new Complaint(id, 1, ComplaintChannel.WINDOW, ComplaintCategory.ORIGINALS_DEMANDED, "REG-" + n, "B1", "ZWFWJ",
                "窗口仍要求提交营业执照复印件\n第二行 " + n, HolderId.resident(RESIDENT), ComplaintState.RECEIVED, T0.plusSeconds(n), "clerk1", null,
                null, null, null, null, null, null);
    }

    /**
     * @param id complaint id
     * @param n  seconds after {@link #T0} it was received
     * @return a new complaint (version 1) with every optional field empty
     */
    public static Complaint anonymousComplaint(String id, int n) {
        return new Complaint(id, 1, ComplaintChannel.HOTLINE_12345, ComplaintCategory.OTHER, null, null, null, "意见 " + n, null,
                ComplaintState.RECEIVED, T0.plusSeconds(n), "clerk2", null, null, null, null, null, null, null);
    }

    /**
     * @param c a received complaint
     * @return its next version, assigned to ZWFWJ
     */
    public static Complaint assigned(Complaint c) {
        return assignedTo(c, "ZWFWJ");
    }

    /**
     * @param c          a received complaint
     * @param department the department
     * @return its next version, assigned
     */
    public static Complaint assignedTo(Complaint c, String department) {
        return new Complaint(c.id(), c.version() + 1, c.channel(), c.category(), c.externalRef(), c.bizNo(), c.departmentCode(), c.summary(),
                c.complainant(), ComplaintState.ASSIGNED, c.receivedAt(), c.receivedBy(), department, c.receivedAt().plusSeconds(60).plusNanos(3),
                "supervisor1", null, null, null, null);
    }

    /**
     * @param c an assigned complaint
     * @return its next version, resolved as substantiated
     */
    public static Complaint resolved(Complaint c) {
        return new Complaint(c.id(), c.version() + 1, c.channel(), c.category(), c.externalRef(), c.bizNo(), c.departmentCode(), c.summary(),
                c.complainant(), ComplaintState.RESOLVED, c.receivedAt(), c.receivedBy(), c.assignedTo(), c.assignedAt(), c.assignedBy(),
                c.assignedAt().plusSeconds(3600).plusNanos(5), "supervisor2", Boolean.TRUE, "已责令整改并答复");
    }

    /**
     * @param violationId the violation
     * @param n           distinguishes reviews
     * @param confirmed   confirmed, or dismissed on an Art. 12 ground
     * @return a review
     */
    public static ViolationReview review(String violationId, int n, boolean confirmed) {
        return new ViolationReview(violationId, ViolationKind.ORIGINALS_DEMANDED, "clerk" + n, confirmed ? ReviewDecision.CONFIRMED
                : ReviewDecision.DISMISSED, confirmed ? null : LiabilityExemptionGround.SOURCE_DATA_ERROR_CORRECTED, "复核意见 " + n, "supervisor1",
                T0.plusSeconds(n).plusNanos(11));
    }
}
