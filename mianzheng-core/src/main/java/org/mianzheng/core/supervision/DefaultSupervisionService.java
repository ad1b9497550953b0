package org.mianzheng.core.supervision;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.mianzheng.api.AccessEntry;
import org.mianzheng.api.AccessReport;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentService;
import org.mianzheng.api.Department;
import org.mianzheng.api.Digests;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Plan;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.ReviewDecision;
import org.mianzheng.api.Role;
import org.mianzheng.api.SelfAccessRequest;
import org.mianzheng.api.SpotCheck;
import org.mianzheng.api.SpotCheckCase;
import org.mianzheng.api.SpotCheckRequest;
import org.mianzheng.api.SupervisionException;
import org.mianzheng.api.SupervisionException.Reason;
import org.mianzheng.api.SupervisionService;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.ViolationReview;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderService;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.api.spi.ViolationReviewStore;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.cases.DefaultCaseService;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link SupervisionService}. Reports, spot checks and access reports stream the audit chain from its
 * store page by page, up to the head as it was when the act began (so the act's own audit event, appended before the
 * result is returned, is never part of it).
 */
public final class DefaultSupervisionService implements SupervisionService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultSupervisionService.class);
    private static final int MAX_MATERIAL_NAME = 100;

    private final Clock clock;
    private final AuditChain audit;
    private final AuditCursor cursor;
    private final AuditSubjects subjects;
    private final DefaultAccountService accounts;
    private final ExemptionCatalog catalog;
    private final DefaultCaseService cases;
    private final ConsentService consents;
    private final WorkOrderService workOrders;
    private final ViolationRecorder violations;
    private final ViolationReviewStore reviews;
    private final String reviewStoreId;
    private final Lookups lookups;
    private final Object reviewLock = new Object();

    /**
     * @param clock      engine clock
     * @param audit      the audit chain (appends, head)
     * @param auditStore the chain's store (streamed page by page)
     * @param subjects   subject digests
     * @param accounts   accounts
     * @param catalog    catalog
     * @param cases      cases
     * @param consents   consents (purposes of retrievals)
     * @param workOrders work orders (purposes of directed requests)
     * @param violations the violation recorder
     * @param reviews    violation review storage
     */
    public DefaultSupervisionService(Clock clock, AuditChain audit, AuditStore auditStore, AuditSubjects subjects, DefaultAccountService accounts,
                                     ExemptionCatalog catalog, DefaultCaseService cases, ConsentService consents, WorkOrderService workOrders,
                                     ViolationRecorder violations, ViolationReviewStore reviews) {
        this.clock = clock;
        this.audit = audit;
        this.cursor = new AuditCursor(auditStore);
        this.subjects = subjects;
        this.accounts = accounts;
        this.catalog = catalog;
        this.cases = cases;
        this.consents = consents;
        this.workOrders = workOrders;
        this.violations = violations;
        this.reviews = reviews;
        this.reviewStoreId = reviews.getClass().getName();
        this.lookups = new Lookups() {
            @Override
            public Case findCase(String bizNo) {
                return isCode(bizNo) ? cases.find(bizNo).orElse(null) : null;
            }

            @Override
            public Plan plan(String itemCode, Instant asOf) {
                try {
                    return catalog.plan(itemCode, asOf);
                } catch (CatalogException e) {
                    return null;
                }
            }

            @Override
            public Operator operator(String actor) {
                return isCode(actor) ? accounts.find(actor).orElse(null) : null;
            }
        };
    }

    /** Whether a string is a valid code, without throwing. */
    static boolean isCode(String s) {
        if (s == null || s.isEmpty() || s.length() > Codes.MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ reports

    @Override
    public UsageReport report(ReportPeriod period, String departmentCode, String supervisorId) {
        InvalidValueException.requireNonNull(period, "period");
        String dept = Codes.optional(departmentCode, "departmentCode");
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, null, "make a usage report");
        UsageReport r = compute(period, dept, audit.head().sequence());
        Map<String, String> d = new TreeMap<>();
        d.put("act", "USAGE_REPORT");
        d.put("from", period.from().toString());
        d.put("to", period.to().toString());
        if (dept != null) {
            d.put("department", dept);
        }
        d.put("through", Long.toString(r.auditThrough().sequence()));
        d.put("jsonSha256", Digests.sha256Hex(SupervisionExports.usageReportJson(r).getBytes(StandardCharsets.UTF_8)));
        audit.append(AuditType.SUPERVISION, sup.id(), null, null, d);
        return r;
    }

    /**
     * Computes a report without authorisation or audit (benchmarks and diagnostics; unsupported).
     *
     * @param period         the period
     * @param departmentCode a department or {@code null}
     * @param lastSequence   read the chain up to this sequence at most
     * @return the report
     */
    public UsageReport compute(ReportPeriod period, String departmentCode, long lastSequence) {
        Instant now = clock.instant();
        ReportBuilder b = new ReportBuilder(period, departmentCode, lookups);
        long start = cursor.firstAtOrAfter(period.from(), lastSequence);
        cursor.forEach(start, lastSequence, e -> {
            if (!e.at().isBefore(period.to())) {
                return false;
            }
            if (!e.at().isBefore(period.from())) {
                b.accept(e);
            }
            return true;
        });
        AuditHead through;
        if (b.lastRead() != null) {
            through = new AuditHead(b.lastRead().sequence(), b.lastRead().hash());
        } else {
            long endSeq = cursor.firstAtOrAfter(period.to(), lastSequence) - 1;
            AuditEvent e = endSeq < 1 ? null : cursor.at(endSeq);
            through = e == null ? new AuditHead(0, AuditEvent.GENESIS) : new AuditHead(e.sequence(), e.hash());
        }
        long version = 0;
        for (CatalogFiling f : catalog.history()) {
            if (f.filedAt().isBefore(period.to())) {
                version = Math.max(version, f.sequence());
            }
        }
        Instant labelsAsOf = period.to().minusNanos(1);
        return b.finish(!period.to().isAfter(now), through, version, (dim, key) -> {
            if (dim == ReportDimension.DEPARTMENT) {
                return catalog.department(key, labelsAsOf).map(Department::name).orElse(null);
            }
            if (dim == ReportDimension.LICENSE_TYPE) {
                return catalog.licenseType(key, labelsAsOf).map(LicenseType::name).orElse(null);
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ violation review

    @Override
    public List<Violation> reviewQueue(String supervisorId) {
        accounts.authorize(supervisorId, Role.SUPERVISOR, null, "list violations to review");
        Set<String> done = new HashSet<>();
        for (ViolationReview r : Guard.call(reviewStoreId, "all", reviews::all)) {
            done.add(r.violationId());
        }
        return violations.all().stream().filter(v -> !done.contains(v.id())).sorted(Comparator.comparing(Violation::at)).toList();
    }

    @Override
    public ViolationReview confirm(String violationId, String supervisorId, String note) {
        return review(violationId, supervisorId, ReviewDecision.CONFIRMED, null, note);
    }

    @Override
    public ViolationReview dismiss(String violationId, String supervisorId, LiabilityExemptionGround ground, String note) {
        InvalidValueException.requireNonNull(ground, "ground");
        return review(violationId, supervisorId, ReviewDecision.DISMISSED, ground, note);
    }

    private ViolationReview review(String violationId, String supervisorId, ReviewDecision decision, LiabilityExemptionGround ground, String note) {
        String id = Codes.require(violationId, "violationId");
        InvalidValueException.requireStorable(InvalidValueException.requireText(note, "note"), "note");
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, null, "review a violation");
        Violation v = violations.all().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_VIOLATION, "no violation " + id));
        if (v.operatorId().equals(sup.id())) {
            throw new SupervisionException(Reason.OWN_VIOLATION, "violation " + id + " was recorded against " + sup.id()
                    + ", who may not review it");
        }
        synchronized (reviewLock) {
            if (Guard.call(reviewStoreId, "find", () -> reviews.find(id)).isPresent()) {
                throw new SupervisionException(Reason.ALREADY_REVIEWED, "violation " + id + " was reviewed already");
            }
            ViolationReview r = new ViolationReview(v.id(), v.kind(), v.operatorId(), decision, ground, note, sup.id(), clock.instant());
            Map<String, String> d = new TreeMap<>();
            d.put("violation", v.id());
            d.put("kind", v.kind().name());
            d.put("article", v.kind().article());
            d.put("operator", v.operatorId());
            d.put("decision", decision.name());
            if (ground != null) {
                d.put("ground", ground.name());
                d.put("groundArticle", ground.article());
            }
            d.put("noteSha256", Digests.sha256Hex(r.note().getBytes(StandardCharsets.UTF_8)));
            audit.append(AuditType.VIOLATION_REVIEWED, sup.id(), v.bizNo(), null, d);
            if (!Guard.call(reviewStoreId, "add", () -> reviews.add(r))) {
                throw new SupervisionException(Reason.ALREADY_REVIEWED, "violation " + id + " was reviewed by another node first");
            }
            LOG.info("violation {} ({}) of {} {} by {}{}", v.id(), v.kind(), v.operatorId(), decision, sup.id(),
                    ground == null ? "" : " on " + ground.article());
            return r;
        }
    }

    @Override
    public Optional<ViolationReview> findReview(String violationId) {
        String id = Codes.require(violationId, "violationId");
        return Guard.call(reviewStoreId, "find", () -> reviews.find(id));
    }

    private Case requireCase(String bizNo) {
        String b = Codes.require(bizNo, "bizNo");
        return cases.find(b).orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_REFERENCE, "no case " + b));
    }

    private Operator requireAccount(String operatorId) {
        String id = Codes.require(operatorId, "operatorId");
        return accounts.find(id).orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_REFERENCE, "no account " + id));
    }

    @Override
    public Violation reportOriginalsDemanded(String bizNo, String materialCode, String accusedId, String supervisorId, String evidenceRef) {
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, Codes.require(bizNo, "bizNo"), "report a violation");
        Case c = requireCase(bizNo);
        String code = Codes.require(materialCode, "materialCode");
        String evidence = Codes.require(evidenceRef, "evidenceRef");
        Plan plan = catalog.plan(c.itemCode(), c.openedAt());
        MaterialPlan mp = plan.material(code).orElseThrow(() -> new SupervisionException(Reason.UNKNOWN_REFERENCE, "item " + c.itemCode()
                + " has no material " + code));
        if (mp.decision() == MaterialDecision.MUST_SUBMIT) {
            throw new SupervisionException(Reason.NOT_EXEMPT, "material " + code + " of case " + c.bizNo() + " must be submitted ("
                    + mp.reason() + ", " + mp.article() + "): demanding it is no violation");
        }
        Operator accused = requireAccount(accusedId);
        boolean voluntary = cases.voluntarySubmissions(c.bizNo()).stream().anyMatch(s -> s.materialCode().equals(code));
        Map<String, String> d = new LinkedHashMap<>();
        d.put("material", code);
        d.put("decision", mp.decision().name());
        d.put("mode", mp.mode().name());
        d.put("catalogVersion", Long.toString(plan.catalogVersion()));
        d.put("reportedBy", sup.id());
        d.put("evidenceRef", evidence);
        d.put("voluntarySubmissionRecorded", Boolean.toString(voluntary));
        return violations.record(ViolationKind.ORIGINALS_DEMANDED, accused.id(), c.bizNo(), false, d);
    }

    @Override
    public Violation reportMaterialWithoutLegalBasis(String bizNo, String materialName, String accusedId, String supervisorId, String evidenceRef) {
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, Codes.require(bizNo, "bizNo"), "report a violation");
        Case c = requireCase(bizNo);
        String name = InvalidValueException.requireText(materialName, "materialName");
        if (name.length() > MAX_MATERIAL_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("materialName", "at most " + MAX_MATERIAL_NAME + " characters, no control characters");
        }
        String evidence = Codes.require(evidenceRef, "evidenceRef");
        Plan plan = catalog.plan(c.itemCode(), c.openedAt());
        String key = normalise(name);
        for (MaterialPlan mp : plan.materials()) {
            if (normalise(mp.materialCode()).equals(key) || normalise(mp.material().name()).equals(key)) {
                throw new SupervisionException(Reason.HAS_LEGAL_BASIS, "item " + c.itemCode() + " requires material " + mp.materialCode()
                        + " on the basis of " + mp.material().legalBasis());
            }
        }
        Operator accused = requireAccount(accusedId);
        Map<String, String> d = new LinkedHashMap<>();
        d.put("demandedMaterial", name);
        d.put("item", c.itemCode());
        d.put("catalogVersion", Long.toString(plan.catalogVersion()));
        d.put("reportedBy", sup.id());
        d.put("evidenceRef", evidence);
        return violations.record(ViolationKind.MATERIAL_WITHOUT_LEGAL_BASIS, accused.id(), c.bizNo(), false, d);
    }

    /** NFKC, no white space, lower case: how material names are compared. */
    static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT);
    }

    // ------------------------------------------------------------------ spot checks

    /** A case of a spot check's population. */
    private record Opened(String bizNo, String itemCode, String department, String window, String operator, Instant at, long sequence) {
    }

    @Override
    public SpotCheck spotCheck(SpotCheckRequest request, String supervisorId) {
        InvalidValueException.requireNonNull(request, "request");
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, null, "run a spot check");
        ReportPeriod p = request.period();
        long last = audit.head().sequence();
        long start = cursor.firstAtOrAfter(p.from(), last);
        // each bizNo's openings in log order; one the store refused (another node's came first) is taken back
        Map<String, List<Opened>> openings = new HashMap<>();
        cursor.forEach(start, last, e -> {
            if (!e.at().isBefore(p.to())) {
                return false;
            }
            if (e.type() == AuditType.CASE_OPENED && e.bizNo() != null && !e.at().isBefore(p.from())) {
                if ("NOT_SAVED".equals(e.detail().get("event"))) {
                    String attempted = e.detail().get("attemptedSequence");
                    List<Opened> l = openings.get(e.bizNo());
                    if (l != null) {
                        l.removeIf(o -> Long.toString(o.sequence()).equals(attempted));
                    }
                    return true;
                }
                String item = e.detail().get("item");
                Plan plan = item == null ? null : lookups.plan(item, e.at());
                String dept = plan == null ? "" : plan.item().departmentCode();
                openings.computeIfAbsent(e.bizNo(), k -> new ArrayList<>(1)).add(new Opened(e.bizNo(), item, dept,
                        e.detail().getOrDefault("window", ""), e.actor(), e.at(), e.sequence()));
            }
            return true;
        });
        List<Opened> population = new ArrayList<>();
        for (List<Opened> l : openings.values()) {
            if (!l.isEmpty() && (request.departmentCode() == null || request.departmentCode().equals(l.get(0).department()))) {
                population.add(l.get(0)); // the opening that stands
            }
        }
        population.sort(Comparator.comparing(Opened::bizNo));
        int k = Math.min(request.sampleSize(), population.size());
        int[] idx = sample(population.size(), k, request.seed());
        Map<String, Opened> chosen = new TreeMap<>();
        for (int i : idx) {
            chosen.put(population.get(i).bizNo(), population.get(i));
        }
        Map<String, List<AuditEvent>> trails = new HashMap<>();
        chosen.keySet().forEach(b -> trails.put(b, new ArrayList<>()));
        AuditEvent[] lastSeen = new AuditEvent[1];
        if (!chosen.isEmpty()) {
            cursor.forEach(start, last, e -> {
                lastSeen[0] = e;
                List<AuditEvent> t = e.bizNo() == null ? null : trails.get(e.bizNo());
                if (t != null) {
                    t.add(e);
                }
                return true;
            });
        }
        List<SpotCheckCase> out = new ArrayList<>();
        for (Opened o : chosen.values()) {
            out.add(new SpotCheckCase(o.bizNo(), o.itemCode(), o.department(), o.window(), o.operator(), o.at(), trails.get(o.bizNo())));
        }
        AuditHead through = lastSeen[0] == null ? headOf(last) : new AuditHead(lastSeen[0].sequence(), lastSeen[0].hash());
        Map<String, String> d = new TreeMap<>();
        d.put("act", "SPOT_CHECK");
        d.put("from", p.from().toString());
        d.put("to", p.to().toString());
        if (request.departmentCode() != null) {
            d.put("department", request.departmentCode());
        }
        d.put("seed", Long.toString(request.seed()));
        d.put("sampleSize", Integer.toString(request.sampleSize()));
        d.put("population", Integer.toString(population.size()));
        String sample = String.join(",", chosen.keySet());
        d.put("sampleSha256", Digests.sha256Hex(sample.getBytes(StandardCharsets.UTF_8)));
        if (sample.length() <= 4_000) {
            d.put("sample", sample);
        }
        audit.append(AuditType.SUPERVISION, sup.id(), null, null, d);
        return new SpotCheck(request, population.size(), out, through, sup.id());
    }

    private AuditHead headOf(long sequence) {
        AuditEvent e = sequence < 1 ? null : cursor.at(sequence);
        return e == null ? new AuditHead(0, AuditEvent.GENESIS) : new AuditHead(e.sequence(), e.hash());
    }

    /**
     * Draws {@code k} of {@code n} positions: a partial Fisher–Yates shuffle driven by {@link java.util.Random} with
     * the seed (its algorithm is specified by the JDK, so any JDK draws the same), then sorted.
     */
    static int[] sample(int n, int k, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, k);
        Arrays.sort(out);
        return out;
    }

    // ------------------------------------------------------------------ who accessed my data

    @Override
    public AccessReport accessReport(HolderId holder, ReportPeriod period, String supervisorId, String purpose) {
        InvalidValueException.requireNonNull(holder, "holder");
        String why = InvalidValueException.requireText(purpose, "purpose");
        Operator sup = accounts.authorize(supervisorId, Role.SUPERVISOR, null, "report who accessed a holder's data");
        Map<String, String> d = new TreeMap<>();
        d.put("act", "ACCESS_REPORT");
        d.put("purpose", why);
        if (period != null) {
            d.put("from", period.from().toString());
            d.put("to", period.to().toString());
        }
        return access(holder, period, sup.id(), false, d);
    }

    @Override
    public AccessReport accessReport(SelfAccessRequest request) {
        InvalidValueException.requireNonNull(request, "request");
        Operator clerk = accounts.authorize(request.clerkId(), Role.WINDOW_CLERK, null, "give an applicant their access report");
        Map<String, String> d = new TreeMap<>();
        d.put("act", "ACCESS_REPORT_SELF");
        d.put("method", request.method().name());
        d.put("evidenceRef", request.evidenceRef());
        d.put("evidenceSha256", request.evidenceSha256());
        if (clerk.windowId() != null) {
            d.put("window", clerk.windowId());
        }
        return access(request.holder(), null, clerk.id(), true, d);
    }

    private AccessReport access(HolderId holder, ReportPeriod period, String requestedBy, boolean self, Map<String, String> detail) {
        String subject = subjects.subject(holder);
        long last = audit.head().sequence();
        Set<String> holderCases = new HashSet<>();
        List<AuditEvent> hits = new ArrayList<>();
        AuditEvent[] lastSeen = new AuditEvent[1];
        cursor.forEach(1, last, e -> {
            lastSeen[0] = e;
            boolean mine = subject.equals(e.subject());
            if (mine && e.bizNo() != null) {
                holderCases.add(e.bizNo());
            }
            boolean onMyCase = !mine && (e.type() == AuditType.REFUSAL || e.type() == AuditType.VIOLATION) && e.bizNo() != null
                    && holderCases.contains(e.bizNo());
            if ((mine || onMyCase) && (period == null || period.contains(e.at()))) {
                hits.add(e);
            }
            return true;
        });
        Map<String, Operator> ops = new HashMap<>();
        Map<String, Case> caseMemo = new HashMap<>();
        List<AccessEntry> entries = new ArrayList<>(hits.size());
        for (AuditEvent e : hits) {
            entries.add(entry(e, ops, caseMemo));
        }
        AuditHead through = lastSeen[0] == null ? new AuditHead(0, AuditEvent.GENESIS) : new AuditHead(lastSeen[0].sequence(), lastSeen[0].hash());
        detail.put("through", Long.toString(through.sequence()));
        detail.put("entries", Integer.toString(entries.size()));
        AuditEvent own = audit.append(AuditType.SUPERVISION, requestedBy, null, subject, detail);
        return new AccessReport(holder.masked(), subject, period, entries, through, requestedBy, self, own.at());
    }

    private AccessEntry entry(AuditEvent e, Map<String, Operator> ops, Map<String, Case> caseMemo) {
        Map<String, String> d = e.detail();
        Operator op = ops.computeIfAbsent(e.actor(), a -> lookups.operator(a));
        Case c = e.bizNo() == null ? null : caseMemo.computeIfAbsent(e.bizNo(), b -> lookups.findCase(b));
        String act = d.containsKey("event") ? e.type() + ":" + d.get("event") : d.containsKey("act") ? e.type() + ":" + d.get("act") : e.type().name();
        String purpose = d.get("purpose");
        if (purpose == null && isCode(d.get("consent"))) {
            purpose = safe(() -> consents.find(d.get("consent")).map(Consent::purpose).orElse(null));
        }
        if (purpose == null && e.type() == AuditType.WORK_ORDER && isCode(d.get("order"))) {
            purpose = safe(() -> workOrders.find(d.get("order")).map(WorkOrder::purpose).orElse(null));
        }
        String channel = d.containsKey("channel") ? d.get("channel") : d.get("source");
        String outcome = d.containsKey("outcome") ? d.get("outcome") : d.get("state");
        String item = c != null ? c.itemCode() : d.get("item");
        return new AccessEntry(e.sequence(), e.at(), e.type(), act, e.actor(), op == null ? null : op.name(), op == null ? null : op.departmentCode(),
                e.bizNo(), item, d.get("material"), purpose, channel, outcome);
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (MianzhengException e) {
            return null;
        }
    }
}
