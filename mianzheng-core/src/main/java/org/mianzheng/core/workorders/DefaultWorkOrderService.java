package org.mianzheng.core.workorders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.ChannelException;
import org.mianzheng.api.ClockKind;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DeadlineShift;
import org.mianzheng.api.DirectedRequest;
import org.mianzheng.api.DirectedStatus;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.FileType;
import org.mianzheng.api.Handling;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Notification;
import org.mianzheng.api.OnlineOutcome;
import org.mianzheng.api.OnlineRequest;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Origin;
import org.mianzheng.api.Plan;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.Role;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.api.SlaRule;
import org.mianzheng.api.SlaRuleSet;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderException;
import org.mianzheng.api.WorkOrderException.Reason;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderService;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.CertificationSource;
import org.mianzheng.api.spi.DirectedRequestChannel;
import org.mianzheng.api.spi.Notifier;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.calendar.CalendarRegistry;
import org.mianzheng.core.calendar.Deadline;
import org.mianzheng.core.calendar.WorkingCalendar;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.ConsentedLookup;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link WorkOrderService}. Deadlines are computed once, when an order is created (or re-classified, or
 * the calendar updated), from the rule table version in force and the receiving department's working calendar, and
 * stored on the order; compliance is read from stored timestamps. Due notifications are kept in a priority queue
 * rebuilt from the store at start-up; what was sent is recorded in the store's outbox, so each (order, action) is
 * sent once, and late ones are marked late.
 */
public final class DefaultWorkOrderService implements WorkOrderService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultWorkOrderService.class);
    private static final String SYSTEM = "system";

    private final Clock clock;
    private final WorkOrderStore store;
    private final String storeId;
    private final ExemptionCatalog catalog;
    private final ConsentedLookup lookup;
    private final DefaultAccountService accounts;
    private final AuditChain audit;
    private final AuditSubjects subjects;
    private final ViolationRecorder violations;
    private final CalendarRegistry calendars;
    private final Notifier notifier;
    private final DirectedRequestChannel channel;
    private final List<CertificationSource> certificationSources;
    private final SlaSettings settings;
    private final Duration callTimeout;
    private final Map<Integer, SlaRuleSet> ruleSets = new ConcurrentHashMap<>();
    private volatile SlaRuleSet rules;
    private final Map<String, WorkOrder> open = new ConcurrentHashMap<>();
    private final PriorityQueue<Due> queue = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final Object sweepLock = new Object();

    /** One scheduled action of an order; stale when the order's deadline moved ({@code key} differs). */
    private record Due(Instant at, String orderId, int index, Instant key) {
    }

    /** One warning, breach notice or escalation of an order. */
    private record Action(String key, Instant at, Notification.Kind kind, Notification.Recipient recipient, String message) {
    }

    /**
     * @param clock                engine clock
     * @param store                order storage and outbox
     * @param catalog              catalog
     * @param lookup               the consent-checked case lookup
     * @param accounts             accounts
     * @param audit                audit chain
     * @param subjects             subject digests
     * @param violations           violation recorder
     * @param calendars            working calendars per department
     * @param notifier             notifier, or {@code null} (notifications are then only audited)
     * @param channel              a directed-request channel carrying orders to departments' desks, or {@code null}
     * @param certificationSources connected certification sources for online requests
     * @param rules                the initial rule set
     * @param settings             warning and escalation settings
     * @param callTimeout          timeout of remote calls
     */
    public DefaultWorkOrderService(Clock clock, WorkOrderStore store, ExemptionCatalog catalog, ConsentedLookup lookup, DefaultAccountService accounts,
                                   AuditChain audit, AuditSubjects subjects, ViolationRecorder violations, CalendarRegistry calendars, Notifier notifier,
                                   DirectedRequestChannel channel, List<CertificationSource> certificationSources, SlaRuleSet rules,
                                   SlaSettings settings, Duration callTimeout) {
        this.clock = clock;
        this.store = store;
        this.storeId = store.getClass().getName();
        this.catalog = catalog;
        this.lookup = lookup;
        this.accounts = accounts;
        this.audit = audit;
        this.subjects = subjects;
        this.violations = violations;
        this.calendars = calendars;
        this.notifier = notifier;
        this.channel = channel;
        this.certificationSources = List.copyOf(certificationSources);
        this.settings = settings;
        this.callTimeout = callTimeout;
        this.rules = rules;
        ruleSets.put(rules.version(), rules);
        rebuild();
    }

    /** Rebuilds the due-action queue from the store (at start-up, and after a restart). */
    private void rebuild() {
        synchronized (sweepLock) {
            open.clear();
            queue.clear();
            for (WorkOrder o : Guard.call(storeId, "open", store::open)) {
                open.put(o.id(), o);
                schedule(o, 0);
            }
        }
        LOG.info("work orders: {} open orders scheduled", open.size());
    }

    // ------------------------------------------------------------------ creation

    @Override
    public WorkOrder request(String bizNo, String materialCode, String operatorId, Complexity complexity) {
        InvalidValueException.requireNonNull(complexity, "complexity");
        ConsentedLookup.Checked ck = lookup.check(bizNo, materialCode, operatorId, "send a directed request");
        MaterialPlan mp = ck.material();
        if (mp.decision() != MaterialDecision.DIRECTED) {
            throw new WorkOrderException(Reason.NOT_DIRECTED, null, "material " + mp.materialCode() + " of case " + ck.theCase().bizNo() + " is "
                    + mp.decision() + ", not DIRECTED");
        }
        ServiceItem item = catalog.plan(ck.theCase().itemCode(), ck.theCase().openedAt()).item();
        Complexity effective = item.handling() == Handling.COMMITMENT ? Complexity.COMPLEX : complexity;
        WorkOrder o = create(kindOf(mp), Origin.WINDOW, effective, item.code(), ck.theCase().bizNo(), mp, mp.directedTo(), ck.theCase().applicant().id(),
                ck.theCase().applicant().name(), ck.operator().id(), ck.consent().purpose(), null);
        submitToChannel(o);
        return open.getOrDefault(o.id(), o);
    }

    private static WorkOrderKind kindOf(MaterialPlan mp) {
        return mp.material().kind() == MaterialKind.FILE_APPROVAL ? WorkOrderKind.VERIFY_APPROVAL : WorkOrderKind.ISSUE_CERTIFICATION;
    }

    @Override
    public OnlineOutcome requestOnline(OnlineRequest r) {
        Instant now = clock.instant();
        Plan plan = catalog.plan(r.itemCode(), now);
        MaterialPlan mp = plan.material(r.materialCode()).orElseThrow(() -> new WorkOrderException(Reason.NOT_DIRECTED, null,
                "item " + r.itemCode() + " has no material " + r.materialCode()));
        if (mp.material().kind() != MaterialKind.CERTIFICATION) {
            throw new WorkOrderException(Reason.NOT_DIRECTED, null, "online requests are for certifications; " + mp.materialCode() + " is "
                    + mp.material().kind());
        }
        String requester = "online:" + r.onlineAccount();
        String subject = subjects.subject(r.applicant().id());
        if (mp.decision() == MaterialDecision.EXEMPT && mp.mode() == RetrievalMode.DATA_VERIFY) {
            DirectedRequest dr = new DirectedRequest(r.applicationNo(), WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, r.complexity(),
                    mp.material().issuer().departmentCode() != null ? mp.material().issuer().departmentCode() : plan.item().departmentCode(),
                    r.itemCode(), r.applicationNo(), mp.materialCode(), mp.material().name(), r.applicant().id(), r.applicant().name(), r.purpose());
            for (CertificationSource src : certificationSources) {
                DocumentFile file = issueFrom(src, dr);
                if (file != null) {
                    audit.append(AuditType.WORK_ORDER, requester, r.applicationNo(), subject, Map.of("event", "ISSUED_IMMEDIATELY", "source", src.id(),
                            "material", mp.materialCode(), "item", r.itemCode(), "resultSha256", file.sha256(), "origin", "ONLINE"));
                    push("push:" + r.applicationNo(), null, mp.material().issuer().departmentCode(), now,
                            "您申请的" + mp.material().name() + "已即时开具", Map.of("application", r.applicationNo(), "material", mp.materialCode(),
                                    "resultSha256", file.sha256(), "source", src.id()));
                    return new OnlineOutcome(true, file, null);
                }
            }
            if (mp.material().issuer().departmentCode() == null) {
                throw new WorkOrderException(Reason.NOT_DIRECTED, null, "no connected source answered and the issuer is outside the city");
            }
            WorkOrder o = create(WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, r.complexity(), r.itemCode(), r.applicationNo(), mp,
                    mp.material().issuer().departmentCode(), r.applicant().id(), r.applicant().name(), requester, r.purpose(), null);
            submitToChannel(o);
            return new OnlineOutcome(false, null, open.getOrDefault(o.id(), o));
        }
        if (mp.decision() == MaterialDecision.DIRECTED) {
            WorkOrder o = create(WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, r.complexity(), r.itemCode(), r.applicationNo(), mp, mp.directedTo(),
                    r.applicant().id(), r.applicant().name(), requester, r.purpose(), null);
            submitToChannel(o);
            return new OnlineOutcome(false, null, open.getOrDefault(o.id(), o));
        }
        throw new WorkOrderException(Reason.NOT_DIRECTED, null, "material " + mp.materialCode() + " must be submitted: "
                + (mp.reason() == null ? mp.decision() : mp.reason().chinese() + " (" + mp.reason().article() + ")"));
    }

    private DocumentFile issueFrom(CertificationSource src, DirectedRequest dr) {
        try {
            var stage = src.issue(dr);
            if (stage == null) {
                return null;
            }
            return stage.toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (Exception e) {
            LOG.warn("certification source {} failed: {}", src.id(), e.getClass().getSimpleName());
            return null;
        }
    }

    private WorkOrder create(WorkOrderKind kind, Origin origin, Complexity complexity, String itemCode, String bizNo, MaterialPlan mp, String toDepartment,
                             org.mianzheng.api.HolderId applicant, String applicantName, String requestedBy, String purpose, String transferredFrom) {
        if (catalog.department(toDepartment, clock.instant()).isEmpty()) {
            throw new WorkOrderException(Reason.INVALID, null, "no department " + toDepartment + " in the catalog");
        }
        Instant now = clock.instant();
        SlaRuleSet rs = rules;
        Deadlines d = deadlines(rs, origin, complexity, toDepartment, now);
        WorkOrder o = new WorkOrder(UUID.randomUUID().toString(), 1, kind, origin, complexity, WorkOrderState.SUBMITTED, itemCode, bizNo,
                mp.materialCode(), mp.material().name(), toDepartment, applicant, applicantName, requestedBy, purpose, now, rs.version(),
                d.answer.at(), d.ret.at(), d.answer.provisional() || d.ret.provisional(), null, null, null, null, null, null, transferredFrom, null, null);
        Map<String, String> detail = detail(o, "CREATED");
        detail.put("ruleVersion", Integer.toString(rs.version()));
        detail.put("answerDueAt", o.answerDueAt().toString());
        detail.put("returnDueAt", o.returnDueAt().toString());
        if (transferredFrom != null) {
            detail.put("transferredFrom", transferredFrom);
        }
        audit.append(AuditType.WORK_ORDER, requestedBy, bizNo, subjects.subject(applicant), detail);
        Guard.run(storeId, "insert", () -> store.insert(o));
        synchronized (sweepLock) {
            open.put(o.id(), o);
            schedule(o, 0);
        }
        if (o.provisional()) {
            coverageAlarm(o);
        }
        LOG.info("work order {} ({}, {}/{}) to {} for case {}, answer due {}", o.id(), kind, origin, complexity, toDepartment, bizNo, o.answerDueAt());
        return o;
    }

    /** Both deadlines of an order. */
    private record Deadlines(Deadline answer, Deadline ret) {
    }

    private Deadlines deadlines(SlaRuleSet rs, Origin origin, Complexity complexity, String department, Instant start) {
        return deadlines(rs, origin, complexity, calendars.calendarFor(department), start);
    }

    private static Deadlines deadlines(SlaRuleSet rs, Origin origin, Complexity complexity, WorkingCalendar cal, Instant start) {
        SlaRule rule = rs.rule(origin, complexity);
        return new Deadlines(due(cal, start, rule.answerGoal(), rule.answerClock()), due(cal, start, rule.returnGoal(), rule.returnClock()));
    }

    private static Deadline due(WorkingCalendar cal, Instant start, Duration goal, ClockKind kind) {
        return kind == ClockKind.WORKING ? cal.deadline(start, goal) : new Deadline(start.plus(goal), false);
    }

    private Map<String, String> detail(WorkOrder o, String event) {
        Map<String, String> d = new TreeMap<>();
        d.put("event", event);
        d.put("order", o.id());
        d.put("kind", o.kind().name());
        d.put("origin", o.origin().name());
        d.put("complexity", o.complexity().name());
        d.put("state", o.state().name());
        d.put("to", o.toDepartment());
        d.put("material", o.materialCode());
        return d;
    }

    // ------------------------------------------------------------------ transitions

    private WorkOrder require(String orderId) {
        String id = Codes.require(orderId, "orderId");
        return Guard.call(storeId, "find", () -> store.find(id)).orElseThrow(() -> new WorkOrderException(Reason.UNKNOWN_ORDER, id, "no such order"));
    }

    private Operator verifierOf(WorkOrder o, String operatorId, String act) {
        Operator op = accounts.authorize(operatorId, Role.DEPARTMENT_VERIFIER, o.bizNo(), act);
        if (!op.departmentCode().equals(o.toDepartment())) {
            throw violations.refuse(ViolationKind.WRONG_ROLE, op.id(), o.bizNo(), "account " + op.id() + " of " + op.departmentCode()
                    + " may not " + act + " for " + o.toDepartment(), Map.of("order", o.id(), "act", act));
        }
        return op;
    }

    private static void expect(WorkOrder o, String act, WorkOrderState... allowed) {
        for (WorkOrderState s : allowed) {
            if (o.state() == s) {
                return;
            }
        }
        throw new WorkOrderException(Reason.ILLEGAL_TRANSITION, o.id(), "cannot " + act + " an order in state " + o.state());
    }

    private WorkOrder save(WorkOrder before, WorkOrder next, String actor, String event, Map<String, String> extra) {
        Map<String, String> d = detail(next, event);
        d.putAll(extra);
        audit.append(AuditType.WORK_ORDER, actor, next.bizNo(), subjects.subject(next.applicant()), d);
        boolean ok = Guard.call(storeId, "update", () -> store.update(next));
        if (!ok) {
            throw new WorkOrderException(Reason.CONCURRENT_UPDATE, next.id(), "changed by another writer; reload and retry");
        }
        synchronized (sweepLock) {
            if (next.state().terminal()) {
                open.remove(next.id());
            } else {
                open.put(next.id(), next);
                if (!next.answerDueAt().equals(before.answerDueAt())) {
                    schedule(next, 0);
                }
            }
        }
        return next;
    }

    @Override
    public WorkOrder accept(String orderId, String operatorId) {
        WorkOrder o = require(orderId);
        Operator op = verifierOf(o, operatorId, "accept a directed request");
        return accepted(o, op.id());
    }

    private WorkOrder accepted(WorkOrder o, String actor) {
        expect(o, "accept", WorkOrderState.SUBMITTED);
        Draft d = new Draft(o);
        d.state = WorkOrderState.ACCEPTED;
        d.acceptedAt = clock.instant();
        return save(o, d.next(), actor, "ACCEPTED", Map.of());
    }

    @Override
    public WorkOrder complete(String orderId, String operatorId, byte[] result) {
        WorkOrder o = require(orderId);
        Operator op = verifierOf(o, operatorId, "complete a directed request");
        DocumentFile file = DocumentFile.of(result, DocumentFile.DEFAULT_MAX_BYTES);
        return completed(o, op.id(), file);
    }

    private WorkOrder completed(WorkOrder o, String actor, DocumentFile file) {
        expect(o, "complete", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        if (file.type() == FileType.OFD) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "a result is a PDF or an image (PNG, JPEG)");
        }
        Draft d = new Draft(o);
        d.state = WorkOrderState.COMPLETED;
        Instant now = clock.instant();
        if (d.acceptedAt == null) {
            d.acceptedAt = now;
        }
        d.closedAt = now;
        d.closedBy = actor;
        d.result = file;
        WorkOrder done = save(o, d.next(), actor, "COMPLETED", Map.of("resultSha256", file.sha256(), "resultType", file.type().name(),
                "compliant", Boolean.toString(!now.isAfter(o.answerDueAt()))));
        if (done.origin() == Origin.ONLINE) {
            push("push:" + done.id(), done.id(), done.toDepartment(), now, "您申请的" + done.materialName() + "已开具",
                    Map.of("order", done.id(), "resultSha256", file.sha256()));
        }
        return done;
    }

    @Override
    public WorkOrder returnOrder(String orderId, String operatorId, String reason, String transferSuggestion) {
        WorkOrder o = require(orderId);
        Operator op = verifierOf(o, operatorId, "return a directed request");
        return returned(o, op.id(), reason, transferSuggestion);
    }

    private WorkOrder returned(WorkOrder o, String actor, String reason, String transferSuggestion) {
        expect(o, "return", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        if (reason == null || reason.isBlank()) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "a return states its reason (Art. 10: 说明退回理由)");
        }
        if (transferSuggestion == null || transferSuggestion.isBlank()) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "a return suggests where to transfer (Art. 10: 转办建议)");
        }
        String to = Codes.require(transferSuggestion, "transferSuggestion");
        if (catalog.department(to, clock.instant()).isEmpty() || to.equals(o.toDepartment())) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "the transfer suggestion must be another department of the catalog");
        }
        Draft d = new Draft(o);
        d.state = WorkOrderState.RETURNED;
        Instant now = clock.instant();
        d.closedAt = now;
        d.closedBy = actor;
        d.returnReason = reason.strip();
        d.transferSuggestion = to;
        return save(o, d.next(), actor, "RETURNED", Map.of("reason", d.returnReason, "transferSuggestion", to,
                "compliant", Boolean.toString(!now.isAfter(o.returnDueAt()))));
    }

    @Override
    public WorkOrder transfer(String returnedOrderId, String operatorId) {
        WorkOrder o = require(returnedOrderId);
        Operator op = accounts.authorize(operatorId, Role.WINDOW_CLERK, o.bizNo(), "transfer a returned request");
        expect(o, "transfer", WorkOrderState.RETURNED);
        if (o.transferredTo() != null) {
            throw new WorkOrderException(Reason.ILLEGAL_TRANSITION, o.id(), "already transferred to order " + o.transferredTo());
        }
        Plan plan = catalog.plan(o.itemCode(), o.createdAt());
        MaterialPlan mp = plan.material(o.materialCode()).orElseThrow(() -> new WorkOrderException(Reason.INVALID, o.id(), "material gone"));
        WorkOrder linked = create(o.kind(), o.origin(), o.complexity(), o.itemCode(), o.bizNo(), mp, o.transferSuggestion(), o.applicant(),
                o.applicantName(), o.origin() == Origin.ONLINE ? o.requestedBy() : op.id(), o.purpose(), o.id());
        Draft d = new Draft(o);
        d.transferredTo = linked.id();
        WorkOrder closedWithLink = d.next();
        audit.append(AuditType.WORK_ORDER, op.id(), o.bizNo(), subjects.subject(o.applicant()), Map.of("event", "TRANSFERRED", "order", o.id(),
                "transferredTo", linked.id(), "to", linked.toDepartment()));
        if (!Guard.call(storeId, "update", () -> store.update(closedWithLink))) {
            throw new WorkOrderException(Reason.CONCURRENT_UPDATE, o.id(), "changed by another writer");
        }
        submitToChannel(linked);
        return open.getOrDefault(linked.id(), linked);
    }

    @Override
    public WorkOrder cancel(String orderId, String operatorId, String reason) {
        WorkOrder o = require(orderId);
        Operator op = accounts.authorize(operatorId, Role.WINDOW_CLERK, o.bizNo(), "cancel a directed request");
        expect(o, "cancel", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        String why = InvalidValueException.requireText(reason, "reason");
        Draft d = new Draft(o);
        d.state = WorkOrderState.CANCELLED;
        d.closedAt = clock.instant();
        d.closedBy = op.id();
        WorkOrder c = save(o, d.next(), op.id(), "CANCELLED", Map.of("reason", why));
        if (channel != null && o.externalId() != null) {
            try {
                channel.cancel(o.externalId(), why).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("channel {} did not confirm the cancellation of order {}: {}", channel.id(), o.id(), e.getClass().getSimpleName());
            }
        }
        return c;
    }

    @Override
    public WorkOrder reclassify(String orderId, String operatorId, Complexity complexity, String reason) {
        WorkOrder o = require(orderId);
        InvalidValueException.requireNonNull(complexity, "complexity");
        String why = InvalidValueException.requireText(reason, "reason");
        Operator op = accounts.find(Codes.require(operatorId, "operatorId")).orElse(null);
        String actor = op != null && op.has(Role.DEPARTMENT_VERIFIER) && op.departmentCode().equals(o.toDepartment())
                ? verifierOf(o, operatorId, "re-classify a directed request").id()
                : accounts.authorize(operatorId, Role.WINDOW_CLERK, o.bizNo(), "re-classify a directed request").id();
        expect(o, "re-classify", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        if (complexity == o.complexity()) {
            return o;
        }
        SlaRuleSet rs = ruleSet(o.ruleVersion());
        Deadlines d = deadlines(rs, o.origin(), complexity, o.toDepartment(), o.createdAt()); // from the original start
        Draft dr = new Draft(o);
        dr.complexity = complexity;
        dr.answerDueAt = d.answer.at();
        dr.returnDueAt = d.ret.at();
        dr.provisional = d.answer.provisional() || d.ret.provisional();
        return save(o, dr.next(), actor, "RECLASSIFIED", Map.of("from", o.complexity().name(), "reason", why,
                "answerDueBefore", o.answerDueAt().toString(), "answerDueAt", dr.answerDueAt.toString()));
    }

    @Override
    public Optional<WorkOrder> find(String orderId) {
        return Guard.call(storeId, "find", () -> store.find(Codes.require(orderId, "orderId")));
    }

    @Override
    public List<WorkOrder> chain(String orderId) {
        WorkOrder o = require(orderId);
        while (o.transferredFrom() != null) {
            o = require(o.transferredFrom());
        }
        List<WorkOrder> out = new ArrayList<>();
        out.add(o);
        while (o.transferredTo() != null) {
            o = require(o.transferredTo());
            out.add(o);
        }
        return out;
    }

    // ------------------------------------------------------------------ rules

    @Override
    public SlaRuleSet rules() {
        return rules;
    }

    private SlaRuleSet ruleSet(int version) {
        SlaRuleSet rs = ruleSets.get(version);
        return rs != null ? rs : rules; // a version from before a restart: the rules in force (documented)
    }

    @Override
    public synchronized SlaRuleSet configureRules(List<SlaRule> newRules, String operatorId) {
        Operator op = accounts.authorize(operatorId, Role.SUPERVISOR, null, "configure the SLA rules");
        SlaRuleSet next = new SlaRuleSet(rules.version() + 1, newRules);
        Map<String, String> d = new TreeMap<>();
        d.put("event", "RULES_CONFIGURED");
        d.put("version", Integer.toString(next.version()));
        for (SlaRule r : next.rules()) {
            d.put(r.origin() + "/" + r.complexity(), r.answerGoal() + " " + r.answerClock() + ", return " + r.returnGoal() + " " + r.returnClock());
        }
        audit.append(AuditType.WORK_ORDER, op.id(), null, null, d);
        ruleSets.put(next.version(), next);
        rules = next;
        return next;
    }

    // ------------------------------------------------------------------ calendar updates

    /**
     * Dry run of a calendar update: which open orders would change deadline or breach status.
     *
     * @param change the update of the calendar snapshot
     * @return the orders that would change
     */
    public List<DeadlineShift> previewCalendarUpdate(UnaryOperator<CalendarRegistry.Snapshot> change) {
        CalendarRegistry.Snapshot next = change.apply(calendars.snapshot());
        Instant now = clock.instant();
        List<DeadlineShift> out = new ArrayList<>();
        for (WorkOrder o : List.copyOf(open.values())) {
            Deadlines d = deadlines(ruleSet(o.ruleVersion()), o.origin(), o.complexity(), next.calendarFor(o.toDepartment()), o.createdAt());
            boolean before = now.isAfter(o.answerDueAt());
            boolean after = now.isAfter(d.answer.at());
            if (!d.answer.at().equals(o.answerDueAt()) || before != after || d.answer.provisional() != o.provisional()) {
                out.add(new DeadlineShift(o.id(), o.answerDueAt(), d.answer.at(), before, after, d.answer.provisional()));
            }
        }
        out.sort(Comparator.comparing(DeadlineShift::orderId));
        return out;
    }

    /**
     * Applies a calendar update: swaps the calendars and recomputes the deadlines of open orders; audited.
     *
     * @param change     the update
     * @param operatorId a {@link Role#SUPERVISOR}
     * @return the orders that changed
     */
    public List<DeadlineShift> applyCalendarUpdate(UnaryOperator<CalendarRegistry.Snapshot> change, String operatorId) {
        Operator op = accounts.authorize(operatorId, Role.SUPERVISOR, null, "update the working calendar");
        List<DeadlineShift> shifts = previewCalendarUpdate(change);
        audit.append(AuditType.CALENDAR_UPDATED, op.id(), null, null, Map.of("ordersChanged", Integer.toString(shifts.size())));
        calendars.update(change);
        for (DeadlineShift s : shifts) {
            WorkOrder o = open.get(s.orderId());
            if (o == null) {
                continue;
            }
            Deadlines d = deadlines(ruleSet(o.ruleVersion()), o.origin(), o.complexity(), o.toDepartment(), o.createdAt());
            Draft dr = new Draft(o);
            dr.answerDueAt = d.answer.at();
            dr.returnDueAt = d.ret.at();
            dr.provisional = d.answer.provisional() || d.ret.provisional();
            save(o, dr.next(), op.id(), "DEADLINE_RECOMPUTED", Map.of("answerDueBefore", o.answerDueAt().toString(), "answerDueAt",
                    dr.answerDueAt.toString(), "reason", "calendar update"));
        }
        return shifts;
    }

    // ------------------------------------------------------------------ notifications

    private List<Action> actions(WorkOrder o) {
        SlaRule rule = ruleSet(o.ruleVersion()).rule(o.origin(), o.complexity());
        Duration goal = rule.answerGoal();
        WorkingCalendar cal = calendars.calendarFor(o.toDepartment());
        boolean working = rule.answerClock() == ClockKind.WORKING;
        List<Action> out = new ArrayList<>();
        String what = o.materialName() + "（" + (o.kind() == WorkOrderKind.VERIFY_APPROVAL ? "定向核验" : "定向开具") + "，办件 " + o.bizNo() + "）";
        for (double f : settings.warnAtFractions()) {
            Instant at = working ? cal.add(o.createdAt(), scale(goal, f)) : o.createdAt().plus(scale(goal, f));
            out.add(new Action("warn-" + Math.round(f * 100), at, Notification.Kind.WARNING, Notification.Recipient.HANDLER,
                    what + "已用时限" + Math.round(f * 100) + "%，请于" + local(o.answerDueAt()) + "前办结"));
        }
        if (!settings.warnBefore().isZero()) {
            Instant at = o.answerDueAt().minus(settings.warnBefore());
            if (at.isAfter(o.createdAt())) {
                out.add(new Action("warn-before", at, Notification.Kind.WARNING, Notification.Recipient.HANDLER,
                        what + "将于" + settings.warnBefore().toMinutes() + "分钟后超时"));
            }
        }
        out.add(new Action("breach", o.answerDueAt(), Notification.Kind.BREACH, Notification.Recipient.HANDLER, what + "已超过办理时限"));
        Duration lead = scale(goal, settings.escalateLeadAfter());
        Duration office = scale(goal, settings.escalateOfficeAfter());
        out.add(new Action("escalate-lead", working ? cal.add(o.answerDueAt(), lead) : o.answerDueAt().plus(lead), Notification.Kind.ESCALATION,
                Notification.Recipient.DEPARTMENT_LEAD, what + "超时未办结，提请部门负责人督办"));
        out.add(new Action("escalate-office", working ? cal.add(o.answerDueAt(), office) : o.answerDueAt().plus(office), Notification.Kind.ESCALATION,
                Notification.Recipient.SUPERVISING_OFFICE, what + "超时未办结，报市行政审批和政务服务局督办"));
        out.sort(Comparator.comparing(Action::at));
        return out;
    }

    private static Duration scale(Duration d, double f) {
        return Duration.ofMillis(Math.round(d.toMillis() * f));
    }

    private String local(Instant t) {
        ZoneId z = calendars.snapshot().defaultCalendar().zone();
        return t.atZone(z).toLocalDateTime().toString().replace('T', ' ');
    }

    private static String notificationId(WorkOrder o, Action a) {
        return o.id() + ":" + a.key() + ":" + o.answerDueAt().toEpochMilli();
    }

    /** Puts the order's first action at or after index {@code from} that is not yet sent on the queue. Caller holds sweepLock. */
    private void schedule(WorkOrder o, int from) {
        if (o.state().terminal()) {
            return;
        }
        List<Action> acts = actions(o);
        for (int i = from; i < acts.size(); i++) {
            String id = notificationId(o, acts.get(i));
            if (!Guard.call(storeId, "sent", () -> store.sent(id))) {
                queue.add(new Due(acts.get(i).at(), o.id(), i, o.answerDueAt()));
                return;
            }
        }
    }

    @Override
    public int runDueActions() {
        syncChannel();
        synchronized (sweepLock) {
            Instant now = clock.instant();
            int sent = 0;
            List<Due> retry = new ArrayList<>();
            while (!queue.isEmpty() && !queue.peek().at().isAfter(now)) {
                Due due = queue.poll();
                WorkOrder o = open.get(due.orderId());
                if (o == null || !o.answerDueAt().equals(due.key())) {
                    continue; // closed, or its deadline moved (a fresh entry was queued)
                }
                List<Action> acts = actions(o);
                Action a = acts.get(due.index());
                String id = notificationId(o, a);
                if (!Guard.call(storeId, "sent", () -> store.sent(id))) {
                    boolean late = Duration.between(a.at(), now).compareTo(settings.lateAfter()) > 0;
                    Notification n = new Notification(id, a.kind(), a.recipient(), o.id(), o.toDepartment(), a.at(), now, late,
                            a.message() + (late ? "（补发）" : ""), Map.of("order", o.id(), "action", a.key(), "answerDueAt", o.answerDueAt().toString()));
                    if (!deliver(n, o.bizNo())) {
                        retry.add(due);
                        continue;
                    }
                    sent++;
                }
                if (due.index() + 1 < acts.size()) {
                    queue.add(new Due(acts.get(due.index() + 1).at(), o.id(), due.index() + 1, o.answerDueAt()));
                }
            }
            queue.addAll(retry);
            return sent;
        }
    }

    /** Sends, records in the outbox and audits; false if the notifier failed (retried next sweep). */
    private boolean deliver(Notification n, String bizNo) {
        if (notifier != null) {
            try {
                notifier.send(n);
            } catch (RuntimeException e) {
                LOG.warn("notifier failed for {} ({}); will retry", n.id(), e.getClass().getSimpleName());
                return false;
            }
        }
        if (Guard.call(storeId, "markSent", () -> store.markSent(n.id(), n.sentAt()))) {
            Map<String, String> d = new LinkedHashMap<>(n.detail());
            d.put("notification", n.id());
            d.put("kind", n.kind().name());
            d.put("recipient", n.recipient().name());
            d.put("late", Boolean.toString(n.late()));
            audit.append(AuditType.SLA_NOTICE, SYSTEM, bizNo, null, d);
        }
        return true;
    }

    private void push(String id, String orderId, String department, Instant now, String message, Map<String, String> detail) {
        if (Guard.call(storeId, "sent", () -> store.sent(id))) {
            return;
        }
        deliver(new Notification(id, Notification.Kind.RESULT_PUSH, Notification.Recipient.APPLICANT, orderId, department, now, now, false, message,
                detail), detail.getOrDefault("application", null));
    }

    private void coverageAlarm(WorkOrder o) {
        int year = o.answerDueAt().atZone(calendars.calendarFor(o.toDepartment()).zone()).getYear();
        String id = "coverage:" + year; // one alarm per missing year, whichever department first needs it
        if (Guard.call(storeId, "sent", () -> store.sent(id))) {
            return;
        }
        Instant now = clock.instant();
        deliver(new Notification(id, Notification.Kind.COVERAGE_ALARM, Notification.Recipient.OPERATIONS, o.id(), o.toDepartment(), now, now, false,
                "工作日历未覆盖" + year + "年：办理时限按普通工作日暂定计算（首个受影响部门" + o.toDepartment() + "），请导入" + year + "年节假日安排",
                Map.of("year", Integer.toString(year), "department", o.toDepartment())), null);
    }

    // ------------------------------------------------------------------ channel mirror

    private void submitToChannel(WorkOrder o) {
        if (channel == null) {
            return;
        }
        DirectedRequest dr = new DirectedRequest(o.id(), o.kind(), o.origin(), o.complexity(), o.toDepartment(), o.itemCode(), o.bizNo(),
                o.materialCode(), o.materialName(), o.applicant(), o.applicantName(), o.purpose());
        try {
            DirectedStatus s = channel.submit(dr).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
            WorkOrder current = open.get(o.id());
            if (current != null) {
                Draft d = new Draft(current);
                d.externalId = s.externalId();
                save(current, d.next(), SYSTEM, "SENT_TO_CHANNEL", Map.of("channel", channel.id(), "externalId", s.externalId()));
            }
        } catch (Exception e) {
            // not retried blindly: the next sync asks the desk by order id first (see DirectedRequestChannel)
            LOG.warn("channel {} did not confirm order {}: {}", channel.id(), o.id(), rootName(e));
        }
    }

    /** Applies what the remote desk reports for orders it carries. */
    private void syncChannel() {
        if (channel == null) {
            return;
        }
        for (WorkOrder o : List.copyOf(open.values())) {
            if (o.externalId() == null) {
                continue;
            }
            try {
                DirectedStatus s = channel.status(o.externalId()).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                WorkOrder current = open.get(o.id());
                if (current == null || s.state() == current.state()) {
                    continue;
                }
                String actor = "channel:" + channel.id();
                switch (s.state()) {
                    case ACCEPTED -> {
                        if (current.state() == WorkOrderState.SUBMITTED) {
                            accepted(current, actor);
                        }
                    }
                    case COMPLETED -> {
                        DocumentFile f = channel.result(o.externalId()).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                        completed(current, actor, f);
                    }
                    case RETURNED -> returned(current, actor, s.returnReason(), s.transferSuggestion());
                    case CANCELLED -> {
                        Draft d = new Draft(current);
                        d.state = WorkOrderState.CANCELLED;
                        d.closedAt = clock.instant();
                        d.closedBy = actor;
                        save(current, d.next(), actor, "CANCELLED", Map.of("reason", "cancelled at the desk"));
                    }
                    default -> {
                    }
                }
            } catch (MianzhengException e) {
                LOG.warn("sync of order {} with {} failed: {}", o.id(), channel.id(), e.getMessage());
            } catch (Exception e) {
                LOG.warn("sync of order {} with {} failed: {}", o.id(), channel.id(), rootName(e));
            }
        }
    }

    private static String rootName(Throwable t) {
        Throwable u = t;
        while (u.getCause() != null && (u instanceof java.util.concurrent.ExecutionException || u instanceof java.util.concurrent.CompletionException)) {
            u = u.getCause();
        }
        return u instanceof ChannelException ? u.getMessage() : u.getClass().getSimpleName();
    }

    /** @return the open orders (for reports and benchmarks) */
    public List<WorkOrder> openOrders() {
        return List.copyOf(open.values());
    }

    /** @return the number of queued due actions (diagnostics) */
    public int queuedActions() {
        synchronized (sweepLock) {
            return queue.size();
        }
    }
}
