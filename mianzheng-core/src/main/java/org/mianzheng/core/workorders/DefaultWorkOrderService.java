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
import org.mianzheng.api.spi.WorkOrderStore.ScheduledAction;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.calendar.CalendarRegistry;
import org.mianzheng.core.calendar.Deadline;
import org.mianzheng.core.calendar.WorkingCalendar;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.ConsentedLookup;
import org.mianzheng.core.internal.FailedWrite;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link WorkOrderService}. Deadlines are computed once, when an order is created (or re-classified, or
 * the calendar updated), from the rule table version in force and the receiving department's working calendar, and
 * stored on the order; compliance is read from stored timestamps.
 *
 * <p>Due notifications (warnings, breach notices, escalations) live in the store, not in this process: every order is
 * inserted together with its schedule, and rescheduled atomically when its deadline moves. A sweep
 * ({@link #runDueActions()}) <em>claims</em> due actions with a lease ({@link WorkOrderStore#claimDue}), renews the
 * lease while it sends, records what it sent in the outbox and audits it, so with several engines on one store any
 * node's sweep finds any node's orders and each (order, action) is sent once. A node that dies leaves its claims to
 * the others when the lease ends; late notices are marked late. At start-up, open orders that have no schedule (e.g.
 * written by an older version) are scheduled.
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
    private final Duration resultTimeout;
    private final Map<Integer, SlaRuleSet> ruleSets = new ConcurrentHashMap<>();
    private volatile SlaRuleSet rules;
    private final String nodeId;
    private final Object sweepLock = new Object();
    /** Syncs so far: where the next one starts in the open orders. */
    private final java.util.concurrent.atomic.AtomicInteger syncRound = new java.util.concurrent.atomic.AtomicInteger();
    /** Result pushes whose notifier call failed, sent again by each sweep (in memory: a restart loses them). */
    private final java.util.Queue<Notification> unsentPushes = new java.util.concurrent.ConcurrentLinkedQueue<>();

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
     * @param rules                the rule set in force
     * @param earlierRules         earlier rule sets open orders may name, each of a lower version
     * @param settings             warning and escalation settings
     * @param callTimeout          timeout of remote calls
     * @param resultTimeout        timeout of a directed result's download (a file: longer than a call)
     */
    public DefaultWorkOrderService(Clock clock, WorkOrderStore store, ExemptionCatalog catalog, ConsentedLookup lookup, DefaultAccountService accounts,
                                   AuditChain audit, AuditSubjects subjects, ViolationRecorder violations, CalendarRegistry calendars, Notifier notifier,
                                   DirectedRequestChannel channel, List<CertificationSource> certificationSources, SlaRuleSet rules,
                                   List<SlaRuleSet> earlierRules, SlaSettings settings, Duration callTimeout, Duration resultTimeout) {
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
        this.resultTimeout = resultTimeout;
        this.rules = rules;
        for (SlaRuleSet earlier : earlierRules) { // checked by the builder: each of a lower version, none twice
            ruleSets.put(earlier.version(), earlier);
        }
        ruleSets.put(rules.version(), rules);
        this.nodeId = nodeName();
        rebuild();
    }

    private static String nodeName() {
        String host = System.getenv("HOSTNAME");
        host = host == null || host.isBlank() ? "node" : host.length() > 60 ? host.substring(0, 60) : host;
        return host + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** @return this engine's claimant id in the shared schedule */
    public String nodeId() {
        return nodeId;
    }

    /**
     * Schedules the open orders that have no schedule in the store (orders written by an older version, or inserted
     * by hand); orders created by an engine were scheduled with their insert.
     */
    private void rebuild() {
        int n = 0;
        List<ScheduledAction> pending = new ArrayList<>();
        for (WorkOrder o : Guard.call(storeId, "openUnscheduled", store::openUnscheduled)) {
            pending.addAll(plan(o));
            n++;
            if (pending.size() >= 5_000) {
                List<ScheduledAction> chunk = List.copyOf(pending);
                Guard.run(storeId, "schedule", () -> store.schedule(chunk));
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            Guard.run(storeId, "schedule", () -> store.schedule(pending));
        }
        if (n > 0) {
            LOG.info("work orders: scheduled {} open orders that had no schedule", n);
        }
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
        return submitToChannel(o);
    }

    private static WorkOrderKind kindOf(MaterialPlan mp) {
        return mp.material().kind() == MaterialKind.FILE_APPROVAL ? WorkOrderKind.VERIFY_APPROVAL : WorkOrderKind.ISSUE_CERTIFICATION;
    }

    @Override
    public OnlineOutcome requestOnline(OnlineRequest r) {
        InvalidValueException.requireNonNull(r, "request");
        Instant now = clock.instant();
        Plan plan = catalog.plan(r.itemCode(), now);
        Complexity complexity = plan.item().handling() == Handling.COMMITMENT ? Complexity.COMPLEX : r.complexity(); // 承诺件: always complex
        MaterialPlan mp = plan.material(r.materialCode()).orElseThrow(() -> new WorkOrderException(Reason.NOT_DIRECTED, null,
                "item " + r.itemCode() + " has no material " + r.materialCode()));
        if (mp.material().kind() != MaterialKind.CERTIFICATION) {
            throw new WorkOrderException(Reason.NOT_DIRECTED, null, "online requests are for certifications; " + mp.materialCode() + " is "
                    + mp.material().kind());
        }
        String requester = "online:" + r.onlineAccount();
        String subject = subjects.subject(r.applicant().id());
        if (mp.decision() == MaterialDecision.EXEMPT && mp.mode() == RetrievalMode.DATA_VERIFY) {
            DirectedRequest dr = new DirectedRequest(r.applicationNo(), WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, complexity,
                    mp.material().issuer().departmentCode() != null ? mp.material().issuer().departmentCode() : plan.item().departmentCode(),
                    r.itemCode(), r.applicationNo(), mp.materialCode(), mp.material().name(), r.applicant().id(), r.applicant().name(), r.purpose());
            for (CertificationSource src : certificationSources) {
                DocumentFile file = issueFrom(src, dr);
                if (file != null) {
                    audit.append(AuditType.WORK_ORDER, requester, r.applicationNo(), subject, Map.of("event", "ISSUED_IMMEDIATELY", "source", src.id(),
                            "material", mp.materialCode(), "item", r.itemCode(), "resultSha256", file.sha256(), "origin", "ONLINE"));
                    push("push:" + r.applicationNo() + ":" + mp.materialCode(), null, mp.material().issuer().departmentCode(), now,
                            "您申请的" + mp.material().name() + "已即时开具", Map.of("application", r.applicationNo(), "material", mp.materialCode(),
                                    "resultSha256", file.sha256(), "source", src.id()));
                    return new OnlineOutcome(true, file, null);
                }
            }
            if (mp.material().issuer().departmentCode() == null) {
                throw new WorkOrderException(Reason.NOT_DIRECTED, null, "no connected source answered and the issuer is outside the city");
            }
            WorkOrder o = create(WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, complexity, r.itemCode(), r.applicationNo(), mp,
                    mp.material().issuer().departmentCode(), r.applicant().id(), r.applicant().name(), requester, r.purpose(), null);
            return new OnlineOutcome(false, null, submitToChannel(o));
        }
        if (mp.decision() == MaterialDecision.DIRECTED) {
            WorkOrder o = create(WorkOrderKind.ISSUE_CERTIFICATION, Origin.ONLINE, complexity, r.itemCode(), r.applicationNo(), mp, mp.directedTo(),
                    r.applicant().id(), r.applicant().name(), requester, r.purpose(), null);
            return new OnlineOutcome(false, null, submitToChannel(o));
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
        return createWithId(UUID.randomUUID().toString(), kind, origin, complexity, itemCode, bizNo, mp, toDepartment, applicant, applicantName, requestedBy, purpose, transferredFrom);
    }

    private WorkOrder createWithId(String id, WorkOrderKind kind, Origin origin, Complexity complexity, String itemCode, String bizNo, MaterialPlan mp, String toDepartment,
                             org.mianzheng.api.HolderId applicant, String applicantName, String requestedBy, String purpose, String transferredFrom) {
        if (catalog.department(toDepartment, clock.instant()).isEmpty()) {
            throw new WorkOrderException(Reason.INVALID, null, "no department " + toDepartment + " in the catalog");
        }
        Instant now = clock.instant();
        SlaRuleSet rs = rules;
        Deadlines d = deadlines(rs, origin, complexity, toDepartment, now);
        WorkOrder o = new WorkOrder(id, 1, kind, origin, complexity, WorkOrderState.SUBMITTED, itemCode, bizNo,
                mp.materialCode(), mp.material().name(), toDepartment, applicant, applicantName, requestedBy, purpose, now, rs.version(),
                d.answer.at(), d.ret.at(), d.answer.provisional() || d.ret.provisional(), null, null, null, null, null, null, transferredFrom, null, null);
        Map<String, String> detail = detail(o, "CREATED");
        detail.put("ruleVersion", Integer.toString(rs.version()));
        detail.put("answerDueAt", o.answerDueAt().toString());
        detail.put("returnDueAt", o.returnDueAt().toString());
        if (transferredFrom != null) {
            detail.put("transferredFrom", transferredFrom);
        }
        org.mianzheng.api.AuditEvent created = audit.append(AuditType.WORK_ORDER, requestedBy, bizNo, subjects.subject(applicant), detail);
        List<ScheduledAction> schedule = plan(o);
        try {
            Guard.run(storeId, "insert", () -> store.insert(o, schedule));
        } catch (MianzhengException failed) {
            FailedWrite.settle(failed, o, () -> FailedWrite.outcomeOfInsert(() -> store.find(o.id()), o),
                    () -> audit.appendNotSaved(created, requestedBy, "order", o.id()), "new order " + o.id(), created.sequence());
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

    /**
     * The clerk who requested a window order, or a clerk of the same window (who takes over the window's cases when the
     * requester is off shift or has left); an online order has no clerk, and any window clerk acts for it. Anyone else
     * is refused and recorded ({@code WRONG_ROLE}).
     */
    private Operator requesterOf(WorkOrder o, String operatorId, String act) {
        Operator op = accounts.authorize(operatorId, Role.WINDOW_CLERK, o.bizNo(), act);
        if (o.origin() == Origin.WINDOW && !op.id().equals(o.requestedBy())) {
            String window = accounts.find(o.requestedBy()).map(Operator::windowId).orElse(null); // deregistered accounts are kept
            if (window == null || !window.equals(op.windowId())) {
                throw violations.refuse(ViolationKind.WRONG_ROLE, op.id(), o.bizNo(), "account " + op.id() + " may not " + act + " of "
                        + o.requestedBy() + " (another window)", Map.of("order", o.id(), "act", act));
            }
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
        // a moved deadline moves the schedule with it (new notification ids); a closed order's pending actions are dropped.
        // Made before the act is recorded: it reads the store, and a failed read must leave nothing recorded.
        List<ScheduledAction> reschedule = !next.state().terminal() && !next.answerDueAt().equals(before.answerDueAt()) ? replan(before, next) : null;
        org.mianzheng.api.AuditEvent attempted = audit.append(AuditType.WORK_ORDER, actor, next.bizNo(), subjects.subject(next.applicant()), d);
        boolean ok;
        try {
            ok = Guard.call(storeId, "update", () -> store.update(next, reschedule));
        } catch (MianzhengException failed) {
            return FailedWrite.settle(failed, next, () -> FailedWrite.outcome(() -> store.find(next.id()), next, WorkOrder::version),
                    () -> audit.appendNotSaved(attempted, actor, "order", next.id()), "order " + next.id() + " version " + next.version(),
                    attempted.sequence());
        }
        if (!ok) {
            throw notSaved(attempted, next, actor, "changed by another writer; reload and retry");
        }
        return next;
    }

    /**
     * The act was recorded (fail closed: recorded first) but another writer changed the order first, so the store
     * refused it: a {@code NOT_SAVED} event takes the recorded act back, for the supervision reports and anyone reading
     * the log.
     */
    private WorkOrderException notSaved(org.mianzheng.api.AuditEvent attempted, WorkOrder next, String actor, String message) {
        return FailedWrite.takenBack(new WorkOrderException(Reason.CONCURRENT_UPDATE, next.id(), message),
                () -> audit.appendNotSaved(attempted, actor, "order", next.id()));
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
        InvalidValueException.requireStorable(reason, "reason"); // new text, checked before anything is recorded
        InvalidValueException.requireStorable(transferSuggestion, "transferSuggestion");
        WorkOrder o = require(orderId);
        Operator op = verifierOf(o, operatorId, "return a directed request");
        return returned(o, op.id(), reason, transferSuggestion, false);
    }

    /**
     * @param atDesk whether the desk reports it: the department has returned the order already, so a suggestion that
     *               is not (yet) a department of the catalog is recorded as it is, rather than leaving the order open
     *               and escalating; transferring it waits until the catalog knows that department
     */
    private WorkOrder returned(WorkOrder o, String actor, String reason, String transferSuggestion, boolean atDesk) {
        expect(o, "return", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        if (reason == null || reason.isBlank()) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "a return states its reason (Art. 10: 说明退回理由)");
        }
        if (transferSuggestion == null || transferSuggestion.isBlank()) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "a return suggests where to transfer (Art. 10: 转办建议)");
        }
        String to = Codes.require(transferSuggestion, "transferSuggestion");
        boolean known = catalog.department(to, clock.instant()).isPresent();
        if (to.equals(o.toDepartment()) || (!known && !atDesk)) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "the transfer suggestion must be another department of the catalog");
        }
        if (!known) {
            LOG.warn("order {} was returned at the desk with transfer suggestion {}, which is not a department of the catalog: it cannot be "
                    + "transferred until the catalog has it", o.id(), to);
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
        Operator op = requesterOf(o, operatorId, "transfer a returned request");
        expect(o, "transfer", WorkOrderState.RETURNED);
        Plan plan = catalog.plan(o.itemCode(), o.createdAt());
        MaterialPlan mp = plan.material(o.materialCode()).orElseThrow(() -> new WorkOrderException(Reason.INVALID, o.id(), "material gone"));
        if (catalog.department(o.transferSuggestion(), clock.instant()).isEmpty()) { // before anything is linked or recorded
            throw new WorkOrderException(Reason.INVALID, o.id(), "no department " + o.transferSuggestion() + " in the catalog: the order "
                    + "cannot be transferred there until the catalog has it");
        }
        String linkedId;
        if (o.transferredTo() != null) {
            if (Guard.call(storeId, "find", () -> store.find(o.transferredTo())).isPresent()) {
                throw new WorkOrderException(Reason.ILLEGAL_TRANSITION, o.id(), "already transferred to order " + o.transferredTo());
            }
            linkedId = o.transferredTo(); // linked, but opening the linked order failed: it is opened now, under the id the link names
        } else {
            linkedId = link(o, op.id());
        }
        WorkOrder linked = createWithId(linkedId, o.kind(), o.origin(), o.complexity(), o.itemCode(), o.bizNo(), mp, o.transferSuggestion(),
                o.applicant(), o.applicantName(), o.origin() == Origin.ONLINE ? o.requestedBy() : op.id(), o.purpose(), o.id());
        return submitToChannel(linked);
    }

    /**
     * Links a returned order to the id of the order that will carry it on: first (a compare-and-set on the returned
     * order), so that two concurrent transfers cannot both succeed and the loser leaves no orphan order behind.
     *
     * @return the linked order's id
     */
    private String link(WorkOrder o, String actor) {
        String linkedId = UUID.randomUUID().toString();
        Draft d = new Draft(o);
        d.transferredTo = linkedId;
        WorkOrder closedWithLink = d.next();
        org.mianzheng.api.AuditEvent attempted = audit.append(AuditType.WORK_ORDER, actor, o.bizNo(), subjects.subject(o.applicant()),
                Map.of("event", "TRANSFERRED", "order", o.id(), "transferredTo", linkedId, "to", o.transferSuggestion()));
        boolean linked;
        try {
            linked = Guard.call(storeId, "update", () -> store.update(closedWithLink));
        } catch (MianzhengException failed) {
            FailedWrite.settle(failed, closedWithLink, () -> FailedWrite.outcome(() -> store.find(o.id()), closedWithLink, WorkOrder::version),
                    () -> audit.appendNotSaved(attempted, actor, "order", o.id()), "order " + o.id() + " version " + closedWithLink.version(),
                    attempted.sequence());
            linked = true; // settled: the store holds the link
        }
        if (!linked) {
            throw notSaved(attempted, closedWithLink, actor, "changed by another writer (already transferred?)");
        }
        return linkedId;
    }

    @Override
    public WorkOrder cancel(String orderId, String operatorId, String reason) {
        WorkOrder o = require(orderId);
        Operator op = requesterOf(o, operatorId, "cancel a directed request");
        expect(o, "cancel", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        String why = InvalidValueException.requireStorable(InvalidValueException.requireText(reason, "reason"), "reason");
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
        String why = InvalidValueException.requireStorable(InvalidValueException.requireText(reason, "reason"), "reason");
        Operator op = accounts.find(Codes.require(operatorId, "operatorId")).orElse(null);
        String actor = op != null && op.has(Role.DEPARTMENT_VERIFIER) && op.departmentCode().equals(o.toDepartment())
                ? verifierOf(o, operatorId, "re-classify a directed request").id()
                : requesterOf(o, operatorId, "re-classify a directed request").id();
        expect(o, "re-classify", WorkOrderState.SUBMITTED, WorkOrderState.ACCEPTED);
        if (complexity == o.complexity()) {
            return o;
        }
        if (complexity == Complexity.NORMAL && catalog.plan(o.itemCode(), o.createdAt()).item().handling() == Handling.COMMITMENT) {
            throw new WorkOrderException(Reason.INVALID, o.id(), "item " + o.itemCode() + " is handled as 承诺件: its orders are always COMPLEX");
        }
        SlaRuleSet rs = knownRuleSet(o.ruleVersion());
        if (rs == null) {
            throw new WorkOrderException(Reason.INVALID, o.id(), unknownVersion(o));
        }
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

    /** @return the rule set of that version, or {@code null} if this engine does not know it (see the builder's {@code slaRules}) */
    private SlaRuleSet knownRuleSet(int version) {
        return ruleSets.get(version);
    }

    /** The rule set of an order's version; for a version this engine does not know, the one in force (warnings only). */
    private SlaRuleSet ruleSet(int version) {
        SlaRuleSet rs = ruleSets.get(version);
        return rs != null ? rs : rules;
    }

    private static String unknownVersion(WorkOrder o) {
        return "order " + o.id() + " was created under SLA rule version " + o.ruleVersion() + ", which this engine does not know (tables put in "
                + "force at run time are kept in memory: give them to Mianzheng.builder().slaRules after a restart)";
    }

    @Override
    public synchronized SlaRuleSet configureRules(List<SlaRule> newRules, String operatorId) {
        Operator op = accounts.authorize(operatorId, Role.SUPERVISOR, null, "configure the SLA rules");
        // past every version known here or named by any stored order, open or closed (a table put in force before a
        // restart, not given again): a version number never names two tables
        int highest = Math.max(rules.version(), ruleSets.keySet().stream().mapToInt(Integer::intValue).max().orElse(0));
        highest = Math.max(highest, Guard.call(storeId, "highestRuleVersion", store::highestRuleVersion));
        SlaRuleSet next = new SlaRuleSet(highest + 1, newRules);
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
        CalendarRegistry.Snapshot next = InvalidValueException.requireNonNull(InvalidValueException.requireNonNull(change, "change")
                .apply(calendars.snapshot()), "the calendars the change returns");
        Instant now = clock.instant();
        List<DeadlineShift> out = new ArrayList<>();
        for (WorkOrder o : Guard.call(storeId, "open", store::open)) {
            SlaRuleSet rs = knownRuleSet(o.ruleVersion());
            if (rs == null) {
                LOG.warn("{}: it keeps its deadlines through this calendar update", unknownVersion(o));
                continue;
            }
            Deadlines d = deadlines(rs, o.origin(), o.complexity(), next.calendarFor(o.toDepartment()), o.createdAt());
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
        // recompute every order open now — also those created since the dry run — retrying an order another writer
        // changed meanwhile, and carrying on past one that cannot be updated
        List<DeadlineShift> applied = new ArrayList<>();
        Instant now = clock.instant();
        for (WorkOrder first : Guard.call(storeId, "open", store::open)) {
            WorkOrder o = first;
            for (int attempt = 0; attempt < 3 && o != null && !o.state().terminal() && knownRuleSet(o.ruleVersion()) != null; attempt++) {
                Deadlines d = deadlines(knownRuleSet(o.ruleVersion()), o.origin(), o.complexity(), o.toDepartment(), o.createdAt());
                boolean provisional = d.answer.provisional() || d.ret.provisional();
                if (d.answer.at().equals(o.answerDueAt()) && d.ret.at().equals(o.returnDueAt()) && provisional == o.provisional()) {
                    break;
                }
                Draft dr = new Draft(o);
                dr.answerDueAt = d.answer.at();
                dr.returnDueAt = d.ret.at();
                dr.provisional = provisional;
                try {
                    save(o, dr.next(), op.id(), "DEADLINE_RECOMPUTED", Map.of("answerDueBefore", o.answerDueAt().toString(), "answerDueAt",
                            dr.answerDueAt.toString(), "reason", "calendar update"));
                    applied.add(new DeadlineShift(o.id(), o.answerDueAt(), dr.answerDueAt, now.isAfter(o.answerDueAt()), now.isAfter(dr.answerDueAt),
                            d.answer.provisional()));
                    break;
                } catch (WorkOrderException e) {
                    if (e.reason() != Reason.CONCURRENT_UPDATE) {
                        throw e;
                    }
                    String id = o.id();
                    o = Guard.call(storeId, "find", () -> store.find(id)).orElse(null);
                }
            }
        }
        applied.sort(Comparator.comparing(DeadlineShift::orderId));
        return applied;
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

    /**
     * The schedule of an order whose deadline moved: its actions under the new deadline, less those already due now
     * whose notice went out under the old one (the recipients have it; sending it again, late, would only repeat it).
     * A notice due under the old deadline but not yet sent is kept under the new one.
     */
    private List<ScheduledAction> replan(WorkOrder before, WorkOrder next) {
        Instant now = clock.instant();
        List<ScheduledAction> out = new ArrayList<>();
        for (ScheduledAction a : plan(next)) {
            String earlier = before.id() + ":" + a.action() + ":" + before.answerDueAt().toEpochMilli();
            if (!a.dueAt().isAfter(now) && Guard.call(storeId, "sent", () -> store.sent(earlier))) {
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** @return the order's actions as store rows */
    private List<ScheduledAction> plan(WorkOrder o) {
        List<Action> acts = actions(o);
        List<ScheduledAction> out = new ArrayList<>(acts.size());
        for (Action a : acts) {
            out.add(new ScheduledAction(notificationId(o, a), o.id(), a.key(), a.at(), a.kind(), a.recipient()));
        }
        return out;
    }

    /**
     * Sends the due actions of every node's orders that no live node has claimed: claims them in chunks of
     * {@link SlaSettings#claimBatch()} with a lease of {@link SlaSettings#claimLease()}, renews the lease while sending,
     * records what was sent and audits it. Actions whose notifier call failed are given back at the end of the sweep
     * and retried by the next one.
     *
     * @return the number of notifications sent (and recorded) by this sweep
     */
    @Override
    public int runDueActions() {
        syncChannel();
        synchronized (sweepLock) {
            retryPushes(); // under the sweep's lock: two sweeps at once must not both send a push again
            Instant now = clock.instant();
            int sent = 0;
            List<String> retry = new ArrayList<>();
            try {
                while (true) {
                    List<ScheduledAction> claimed = Guard.call(storeId, "claimDue",
                            () -> store.claimDue(now, nodeId, clock.instant().plus(settings.claimLease()), settings.claimBatch()));
                    if (claimed.isEmpty()) {
                        break;
                    }
                    sent += process(claimed, now, retry);
                    if (claimed.size() < settings.claimBatch()) {
                        break;
                    }
                }
            } finally {
                if (!retry.isEmpty()) {
                    Guard.run(storeId, "release", () -> store.release(nodeId, retry));
                }
            }
            return sent;
        }
    }

    /** Sends one chunk of claimed actions; adds those to retry to {@code retry}. */
    private int process(List<ScheduledAction> claimed, Instant now, List<String> retry) {
        Map<String, WorkOrder> orders = new java.util.HashMap<>();
        List<String> ids = claimed.stream().map(ScheduledAction::orderId).distinct().toList();
        for (WorkOrder o : Guard.call(storeId, "findAll", () -> store.findAll(ids))) {
            orders.put(o.id(), o);
        }
        List<String> stale = new ArrayList<>();
        Map<String, List<Action>> actionsOf = new java.util.HashMap<>();
        List<Notification> delivered = new ArrayList<>();
        Map<String, String> bizNos = new java.util.HashMap<>();
        java.util.Set<String> held = new java.util.HashSet<>(claimed.stream().map(ScheduledAction::notificationId).toList());
        long renewEveryNanos = Math.max(1, settings.claimLease().toNanos() / 3);
        long lastRenew = System.nanoTime();
        List<Notification> unmarked = new ArrayList<>();
        java.util.Set<String> recorded = new java.util.HashSet<>();
        java.util.Set<String> sentFor = new java.util.HashSet<>(); // orders a notice went out for in this sweep
        for (int i = 0; i < claimed.size(); i++) {
            ScheduledAction a = claimed.get(i);
            if (unmarked.size() >= MARK_EVERY || (!unmarked.isEmpty() && System.nanoTime() - lastRenew > renewEveryNanos)) {
                recorded.addAll(markSent(unmarked, now)); // record what went out while our lease still holds it
            }
            if (System.nanoTime() - lastRenew > renewEveryNanos) { // heartbeat: keep what we still hold
                List<String> rest = claimed.subList(i, claimed.size()).stream().map(ScheduledAction::notificationId).toList();
                java.util.Set<String> still = Guard.call(storeId, "renew", () -> store.renew(nodeId, rest, clock.instant().plus(settings.claimLease())));
                held.retainAll(still);
                lastRenew = System.nanoTime();
            }
            if (!held.contains(a.notificationId())) {
                continue; // taken over by another node (our lease ran out): not ours to send
            }
            WorkOrder o = orders.get(a.orderId());
            if (o != null && sentFor.contains(o.id())) {
                // a notice of this order went out in this sweep: it may have been answered meanwhile, so it is read again
                o = Guard.call(storeId, "find", () -> store.find(a.orderId())).orElse(null);
                if (o != null) {
                    orders.put(o.id(), o);
                }
            }
            if (o == null || o.state().terminal() || !a.notificationId().equals(o.id() + ":" + a.action() + ":" + o.answerDueAt().toEpochMilli())) {
                stale.add(a.notificationId()); // closed or its deadline moved since it was claimed
                continue;
            }
            boolean late = Duration.between(a.dueAt(), now).compareTo(settings.lateAfter()) > 0;
            Notification n = new Notification(a.notificationId(), a.kind(), a.recipient(), o.id(), o.toDepartment(), a.dueAt(), now, late,
                    message(o, a, actionsOf.computeIfAbsent(o.id(), k -> actions(orders.get(k)))) + (late ? "（补发）" : ""), Map.of("order", o.id(), "action", a.action(), "answerDueAt", o.answerDueAt().toString()));
            if (!send(n)) {
                retry.add(n.id());
                continue;
            }
            delivered.add(n);
            unmarked.add(n);
            bizNos.put(n.id(), o.bizNo());
            sentFor.add(o.id());
        }
        if (!stale.isEmpty()) {
            Guard.run(storeId, "cancel", () -> store.cancel(stale));
        }
        if (delivered.isEmpty()) {
            return 0;
        }
        recorded.addAll(markSent(unmarked, now));
        List<org.mianzheng.api.AuditRecord> records = new ArrayList<>(recorded.size());
        for (Notification n : delivered) {
            if (recorded.contains(n.id())) {
                records.add(new org.mianzheng.api.AuditRecord(AuditType.SLA_NOTICE, SYSTEM, bizNos.get(n.id()), null, noticeDetail(n)));
            }
        }
        audit.appendAll(records);
        return records.size();
    }

    /** Delivered notifications are recorded in small groups, so that none outlives the lease that protects it. */
    private static final int MARK_EVERY = 16;

    private java.util.Set<String> markSent(List<Notification> unmarked, Instant now) {
        if (unmarked.isEmpty()) {
            return java.util.Set.of();
        }
        List<String> ids = unmarked.stream().map(Notification::id).toList();
        unmarked.clear();
        return Guard.call(storeId, "markSent", () -> store.markSent(ids, now));
    }

    private String message(WorkOrder o, ScheduledAction a, List<Action> acts) {
        for (Action x : acts) {
            if (x.key().equals(a.action())) {
                return x.message();
            }
        }
        // the warning settings changed since the order was scheduled: a plain text for the kind
        String what = o.materialName() + "（办件 " + o.bizNo() + "）";
        return switch (a.kind()) {
            case WARNING -> what + "请于" + local(o.answerDueAt()) + "前办结";
            case BREACH -> what + "已超过办理时限";
            default -> what + "超时未办结，提请督办";
        };
    }

    private static Map<String, String> noticeDetail(Notification n) {
        Map<String, String> d = new LinkedHashMap<>(n.detail());
        d.put("notification", n.id());
        d.put("kind", n.kind().name());
        d.put("recipient", n.recipient().name());
        d.put("late", Boolean.toString(n.late()));
        return d;
    }

    /** Calls the notifier; false if it failed (retried next sweep). */
    private boolean send(Notification n) {
        if (notifier != null) {
            try {
                notifier.send(n);
            } catch (RuntimeException e) {
                LOG.warn("notifier failed for {} ({}); will retry", n.id(), e.getClass().getSimpleName());
                return false;
            }
        }
        return true;
    }

    /** Sends, records in the outbox and audits; false if the notifier failed (retried next sweep). */
    private boolean deliver(Notification n, String bizNo) {
        if (!send(n)) {
            return false;
        }
        if (Guard.call(storeId, "markSent", () -> store.markSent(n.id(), n.sentAt()))) {
            audit.append(AuditType.SLA_NOTICE, SYSTEM, bizNo, null, noticeDetail(n));
        }
        return true;
    }

    private void push(String id, String orderId, String department, Instant now, String message, Map<String, String> detail) {
        if (Guard.call(storeId, "sent", () -> store.sent(id))) {
            return;
        }
        Notification n = new Notification(id, Notification.Kind.RESULT_PUSH, Notification.Recipient.APPLICANT, orderId, department, now, now, false,
                message, detail);
        if (!deliver(n, detail.get("application"))) {
            unsentPushes.add(n); // the notifier failed: every sweep tries again until it is sent
        }
    }

    /** Sends the result pushes the notifier failed to take; the outbox keeps one from going out twice. */
    private void retryPushes() {
        for (java.util.Iterator<Notification> it = unsentPushes.iterator(); it.hasNext(); ) {
            Notification n = it.next();
            try {
                if (Guard.call(storeId, "sent", () -> store.sent(n.id())) || deliver(n, n.detail().get("application"))) {
                    it.remove();
                }
            } catch (MianzhengException e) {
                LOG.warn("result push {} not sent: {}", n.id(), e.getMessage()); // kept for the next sweep
            }
        }
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

    /** @return the order as stored after the channel took it (with its external id), or as given */
    private WorkOrder submitToChannel(WorkOrder o) {
        if (channel == null) {
            return o;
        }
        try {
            return submit(o);
        } catch (Exception e) {
            // not retried here: the next sweep's sync submits it again with the same order id, which the channel's
            // contract makes safe (a desk that holds the order answers with its status instead of creating it again)
            LOG.warn("channel {} did not confirm order {}: {}", channel.id(), o.id(), rootName(e));
            return o;
        }
    }

    /** Submits an order to the desk and records the desk's id; throws what the channel or the store threw. */
    private WorkOrder submit(WorkOrder o) throws Exception {
        DirectedRequest dr = new DirectedRequest(o.id(), o.kind(), o.origin(), o.complexity(), o.toDepartment(), o.itemCode(), o.bizNo(),
                o.materialCode(), o.materialName(), o.applicant(), o.applicantName(), o.purpose());
        DirectedStatus s = channel.submit(dr).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
        WorkOrder current = Guard.call(storeId, "find", () -> store.find(o.id())).orElse(null);
        if (current != null && !current.state().terminal()) {
            Draft d = new Draft(current);
            d.externalId = s.externalId();
            return save(current, d.next(), SYSTEM, "SENT_TO_CHANNEL", Map.of("channel", channel.id(), "externalId", s.externalId()));
        }
        return current != null ? current : o;
    }

    /**
     * Whether a failed channel call means the desk is not answering at all (a timeout, or the channel unavailable), so
     * that the other orders' calls would only wait as long again.
     */
    private static boolean deskDown(Throwable t) {
        Throwable u = t;
        while (u.getCause() != null && (u instanceof java.util.concurrent.ExecutionException || u instanceof java.util.concurrent.CompletionException)) {
            u = u.getCause();
        }
        return u instanceof java.util.concurrent.TimeoutException || (u instanceof ChannelException c
                && (c.outcome() == org.mianzheng.api.SourceOutcome.TIMEOUT || c.outcome() == org.mianzheng.api.SourceOutcome.UNAVAILABLE));
    }

    /** Applies what the remote desk reports for orders it carries. */
    private void syncChannel() {
        if (channel == null) {
            return;
        }
        List<WorkOrder> open = Guard.call(storeId, "open", store::open);
        // each sweep starts one order further on, so one order whose calls always time out cannot keep the rest unasked
        int start = open.isEmpty() ? 0 : Math.floorMod(syncRound.getAndIncrement(), open.size());
        for (int i = 0; i < open.size(); i++) {
            WorkOrder o = open.get((start + i) % open.size());
            String orderId = o.id();
            try {
                if (o.externalId() == null) {
                    // the desk never confirmed it (the submit timed out, or recording its id lost a race): submit
                    // again with the same order id; a desk that holds it answers with its status (DirectedRequestChannel)
                    o = submit(o);
                    if (o.externalId() == null) {
                        continue;
                    }
                }
                String externalId = o.externalId();
                DirectedStatus s = channel.status(externalId).toCompletableFuture().get(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
                WorkOrder current = Guard.call(storeId, "find", () -> store.find(orderId)).orElse(null);
                if (current == null || current.state().terminal() || s.state() == current.state()) {
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
                        DocumentFile f = channel.result(externalId).toCompletableFuture().get(resultTimeout.toMillis(), TimeUnit.MILLISECONDS);
                        completed(current, actor, f);
                    }
                    case RETURNED -> returned(current, actor, InvalidValueException.replaceUnstorable(s.returnReason()), s.transferSuggestion(), true);
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
            } catch (Exception e) {
                if (deskDown(e)) { // one call's timeout per sweep at most: the notices due are not held up behind every order
                    LOG.warn("{} is not answering ({}): {} open orders wait for the next sweep's sync", channel.id(), rootName(e), open.size() - i);
                    return;
                }
                LOG.warn("sync of order {} with {} failed: {}", orderId, channel.id(), e instanceof MianzhengException ? e.getMessage() : rootName(e));
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
        return Guard.call(storeId, "open", store::open);
    }

    /**
     * @param orderId an order
     * @return its pending actions in the store (diagnostics)
     */
    public List<ScheduledAction> scheduledActions(String orderId) {
        return Guard.call(storeId, "scheduled", () -> store.scheduled(orderId));
    }
}
