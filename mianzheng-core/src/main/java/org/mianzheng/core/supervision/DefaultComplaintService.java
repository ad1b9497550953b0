package org.mianzheng.core.supervision;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintRequest;
import org.mianzheng.api.ComplaintService;
import org.mianzheng.api.ComplaintState;
import org.mianzheng.api.Digests;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Role;
import org.mianzheng.api.SupervisionException;
import org.mianzheng.api.SupervisionException.Reason;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.cases.DefaultCaseService;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.FailedWrite;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link ComplaintService}. Each change is audited ({@link AuditType#COMPLAINT}, detail {@code event}
 * RECEIVED, LINKED, ASSIGNED or RESOLVED) before it is stored; free text stays in the store, the chain keeps its
 * SHA-256; the complainant appears in the chain only as a keyed digest.
 */
public final class DefaultComplaintService implements ComplaintService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultComplaintService.class);

    private final Clock clock;
    private final ComplaintStore store;
    private final String storeId;
    private final AuditChain audit;
    private final AuditSubjects subjects;
    private final DefaultAccountService accounts;
    private final ExemptionCatalog catalog;
    private final DefaultCaseService cases;
    private final ViolationRecorder violations;

    /**
     * @param clock      engine clock
     * @param store      complaint storage
     * @param audit      audit chain
     * @param subjects   subject digests
     * @param accounts   accounts
     * @param catalog    catalog (departments)
     * @param cases      cases
     * @param violations violation recorder (refusals)
     */
    public DefaultComplaintService(Clock clock, ComplaintStore store, AuditChain audit, AuditSubjects subjects, DefaultAccountService accounts,
                                   ExemptionCatalog catalog, DefaultCaseService cases, ViolationRecorder violations) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        this.audit = audit;
        this.subjects = subjects;
        this.accounts = accounts;
        this.catalog = catalog;
        this.cases = cases;
        this.violations = violations;
    }

    /** A supervisor acts as one; anyone else must be an active window clerk. */
    private Operator clerkOrSupervisor(String operatorId, String bizNo, String act) {
        String id = Codes.require(operatorId, "operatorId");
        Operator op = accounts.find(id).orElse(null);
        Role role = op != null && op.has(Role.SUPERVISOR) ? Role.SUPERVISOR : Role.WINDOW_CLERK;
        return accounts.authorize(id, role, bizNo, act);
    }

    private Case requireCase(String bizNo) {
        return cases.find(bizNo).orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_REFERENCE, "no case " + bizNo));
    }

    private String requireDepartment(String code) {
        if (catalog.department(code, clock.instant()).isEmpty()) {
            throw new SupervisionException(Reason.UNKNOWN_REFERENCE, "no department " + code + " in the catalog");
        }
        return code;
    }

    private String caseDepartment(Case c) {
        return catalog.plan(c.itemCode(), c.openedAt()).item().departmentCode();
    }

    private static Map<String, String> detail(Complaint c, String event) {
        Map<String, String> d = new TreeMap<>();
        d.put("event", event);
        d.put("complaint", c.id());
        d.put("channel", c.channel().name());
        d.put("category", c.category().name());
        d.put("state", c.state().name());
        if (c.departmentCode() != null) {
            d.put("department", c.departmentCode());
        }
        return d;
    }

    private String subject(Complaint c) {
        return c.complainant() == null ? null : subjects.subject(c.complainant());
    }

    @Override
    public Complaint record(ComplaintRequest r) {
        InvalidValueException.requireNonNull(r, "request");
        Operator op = clerkOrSupervisor(r.receivedBy(), r.bizNo(), "record a complaint");
        String dept = r.departmentCode() == null ? null : requireDepartment(r.departmentCode());
        if (r.bizNo() != null) {
            Case c = requireCase(r.bizNo());
            if (dept == null) {
                dept = caseDepartment(c);
            }
        }
        Complaint c = new Complaint(UUID.randomUUID().toString(), 1, r.channel(), r.category(), r.externalRef(), r.bizNo(), dept, r.summary(),
                r.complainant(), ComplaintState.RECEIVED, clock.instant(), op.id(), null, null, null, null, null, null, null);
        Map<String, String> d = detail(c, "RECEIVED");
        if (c.externalRef() != null) {
            d.put("externalRef", c.externalRef());
        }
        d.put("summarySha256", Digests.sha256Hex(c.summary().getBytes(StandardCharsets.UTF_8)));
        AuditEvent attempted = audit.append(AuditType.COMPLAINT, op.id(), c.bizNo(), subject(c), d);
        boolean inserted;
        try {
            inserted = Guard.call(storeId, "insert", () -> store.insert(c));
        } catch (MianzhengException failed) {
            return FailedWrite.settle(failed, c, () -> FailedWrite.outcomeOfInsert(() -> store.find(c.id()), c),
                    () -> audit.appendNotSaved(attempted, op.id(), "complaint", c.id()), "new complaint " + c.id(), attempted.sequence());
        }
        if (!inserted) {
            throw notSaved(attempted, c, op.id(), "complaint " + c.id() + " exists already");
        }
        LOG.info("complaint {} received via {} ({}), case {}, department {}", c.id(), c.channel(), c.category(), c.bizNo(), c.departmentCode());
        return c;
    }

    private Complaint require(String complaintId) {
        String id = Codes.require(complaintId, "complaintId");
        return Guard.call(storeId, "find", () -> store.find(id)).orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_COMPLAINT,
                "no complaint " + id));
    }

    private Complaint save(Complaint next, String actor, String event, Map<String, String> extra) {
        Map<String, String> d = detail(next, event);
        d.putAll(extra);
        AuditEvent attempted = audit.append(AuditType.COMPLAINT, actor, next.bizNo(), subject(next), d);
        boolean ok;
        try {
            ok = Guard.call(storeId, "update", () -> store.update(next));
        } catch (MianzhengException failed) {
            return FailedWrite.settle(failed, next, () -> FailedWrite.outcome(() -> store.find(next.id()), next, Complaint::version),
                    () -> audit.appendNotSaved(attempted, actor, "complaint", next.id()), "complaint " + next.id() + " version " + next.version(),
                    attempted.sequence());
        }
        if (!ok) {
            throw notSaved(attempted, next, actor, "complaint " + next.id() + " was changed by another writer; reload and retry");
        }
        return next;
    }

    /**
     * The act was recorded first (fail closed) but the store refused it: a {@code NOT_SAVED} event takes the recorded
     * act back, for the supervision reports and anyone reading the log.
     */
    private SupervisionException notSaved(AuditEvent attempted, Complaint c, String actor, String message) {
        return FailedWrite.takenBack(new SupervisionException(Reason.CONCURRENT_UPDATE, message),
                () -> audit.appendNotSaved(attempted, actor, "complaint", c.id()));
    }

    @Override
    public Complaint linkCase(String complaintId, String bizNo, String operatorId) {
        Complaint c = require(complaintId);
        String b = Codes.require(bizNo, "bizNo");
        Operator op = clerkOrSupervisor(operatorId, b, "link a complaint to a case");
        if (c.state() == ComplaintState.RESOLVED || c.bizNo() != null) {
            throw new SupervisionException(Reason.ILLEGAL_TRANSITION, "complaint " + c.id() + " is " + c.state()
                    + (c.bizNo() != null ? " and linked to case " + c.bizNo() + " already" : ""));
        }
        Case k = requireCase(b);
        String dept = c.departmentCode() != null ? c.departmentCode() : caseDepartment(k);
        Complaint next = new Complaint(c.id(), c.version() + 1, c.channel(), c.category(), c.externalRef(), k.bizNo(), dept, c.summary(),
                c.complainant(), c.state(), c.receivedAt(), c.receivedBy(), c.assignedTo(), c.assignedAt(), c.assignedBy(), null, null, null, null);
        return save(next, op.id(), "LINKED", Map.of());
    }

    @Override
    public Complaint assign(String complaintId, String departmentCode, String supervisorId) {
        Complaint c = require(complaintId);
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, c.bizNo(), "assign a complaint");
        String dept = requireDepartment(Codes.require(departmentCode, "departmentCode"));
        if (c.state() == ComplaintState.RESOLVED) {
            throw new SupervisionException(Reason.ILLEGAL_TRANSITION, "complaint " + c.id() + " is resolved already");
        }
        Complaint next = new Complaint(c.id(), c.version() + 1, c.channel(), c.category(), c.externalRef(), c.bizNo(), c.departmentCode(),
                c.summary(), c.complainant(), ComplaintState.ASSIGNED, c.receivedAt(), c.receivedBy(), dept, clock.instant(), sup.id(), null, null,
                null, null);
        return save(next, sup.id(), "ASSIGNED", Map.of("assignedTo", dept));
    }

    @Override
    public Complaint resolve(String complaintId, String operatorId, boolean substantiated, String resolution) {
        InvalidValueException.requireStorable(resolution, "resolution"); // new text, checked before anything is recorded
        Complaint c = require(complaintId);
        String id = Codes.require(operatorId, "operatorId");
        Operator found = accounts.find(id).orElse(null);
        Operator op;
        if (found != null && found.active() && !found.has(Role.SUPERVISOR) && c.assignedTo() != null) {
            if (!found.departmentCode().equals(c.assignedTo())) {
                throw violations.refuse(ViolationKind.WRONG_ROLE, found.id(), c.bizNo(), "account " + found.id() + " of " + found.departmentCode()
                        + " may not resolve a complaint assigned to " + c.assignedTo(), Map.of("act", "resolve a complaint", "complaint", c.id()));
            }
            op = found;
        } else {
            op = accounts.authorize(id, Role.SUPERVISOR, c.bizNo(), "resolve a complaint");
        }
        if (c.state() != ComplaintState.ASSIGNED) {
            throw new SupervisionException(Reason.ILLEGAL_TRANSITION, "complaint " + c.id() + " is " + c.state() + ": only an assigned complaint is resolved");
        }
        Instant now = clock.instant();
        Complaint next = new Complaint(c.id(), c.version() + 1, c.channel(), c.category(), c.externalRef(), c.bizNo(), c.departmentCode(),
                c.summary(), c.complainant(), ComplaintState.RESOLVED, c.receivedAt(), c.receivedBy(), c.assignedTo(), c.assignedAt(), c.assignedBy(),
                now, op.id(), substantiated, resolution);
        return save(next, op.id(), "RESOLVED", Map.of("substantiated", Boolean.toString(substantiated),
                "resolutionSha256", Digests.sha256Hex(next.resolution().getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public Optional<Complaint> find(String complaintId) {
        String id = Codes.require(complaintId, "complaintId");
        return Guard.call(storeId, "find", () -> store.find(id));
    }

    @Override
    public List<Complaint> receivedBetween(Instant from, Instant to) {
        InvalidValueException.requireNonNull(from, "from");
        InvalidValueException.requireNonNull(to, "to");
        return Guard.call(storeId, "receivedBetween", () -> store.receivedBetween(from, to));
    }
}
