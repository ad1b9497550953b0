package org.mianzheng.core.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.BreachReason;
import org.mianzheng.api.Case;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintFigures;
import org.mianzheng.api.DirectedFigures;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Plan;
import org.mianzheng.api.Ratio;
import org.mianzheng.api.ReportDimension;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.RetrievalFigures;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.UsageFigures;
import org.mianzheng.api.UsageReport;
import org.mianzheng.api.ViolationFigures;
import org.mianzheng.api.ViolationKind;

/**
 * Accumulates the figures of a usage report from the audit events of its period, one event at a time; keeps only
 * per-case, per-order and per-complaint state, never the events (an order or complaint keeps a few fields of each of
 * its changes, so that one taken back by {@code NOT_SAVED} can be undone). Not thread-safe: one builder per report.
 *
 * <p>Definitions (also in {@code docs/supervision.md}): event counts are of events in the period; the exemption
 * rate, directed-request figures and complaint figures are over the cases, orders and complaints that <em>began</em>
 * in the period, in their state as of the period's end.
 */
final class ReportBuilder {
    private static final RetrievalOutcome[] OUTCOMES = RetrievalOutcome.values();
    private static final MustSubmitReason[] REASONS = MustSubmitReason.values();
    private static final SourceOutcome[] SOURCE_OUTCOMES = SourceOutcome.values();
    private static final ViolationKind[] KINDS = ViolationKind.values();
    private static final BreachReason[] BREACHES = BreachReason.values();
    private static final ComplaintChannel[] C_CHANNELS = ComplaintChannel.values();
    private static final ComplaintCategory[] C_CATEGORIES = ComplaintCategory.values();
    private static final ReportDimension[] DIMENSIONS = ReportDimension.values();
    private static final CaseCtx UNKNOWN_CASE = new CaseCtx(null, null, null, null);

    private final ReportPeriod period;
    private final String departmentFilter;
    private final Lookups lookups;
    private final Acc totals = new Acc();
    private final EnumMap<ReportDimension, HashMap<String, Acc>> rows = new EnumMap<>(ReportDimension.class);
    private final HashMap<String, CaseCtx> cases = new HashMap<>();
    /** Openings of a bizNo after its first in the period (another node's, refused by the store): rare. */
    private final HashMap<String, List<CaseCtx>> laterOpenings = new HashMap<>();
    private final HashMap<String, OrderCtx> orders = new HashMap<>();
    private final HashMap<String, ComplaintCtx> complaints = new HashMap<>();
    private final HashMap<String, Operator> operators = new HashMap<>();
    private final Acc[] targets = new Acc[1 + DIMENSIONS.length];
    private AuditEvent lastRead;

    ReportBuilder(ReportPeriod period, String departmentFilter, Lookups lookups) {
        this.period = period;
        this.departmentFilter = departmentFilter;
        this.lookups = lookups;
        for (ReportDimension d : DIMENSIONS) {
            rows.put(d, new HashMap<>());
        }
    }

    // ------------------------------------------------------------------ accumulators

    /** Mutable figures of one row. */
    static final class Acc {
        long casesOpened;
        long retrievals;
        final long[] outcomes = new long[OUTCOMES.length];
        final TreeMap<String, long[]> served = new TreeMap<>();
        long cacheHits;
        final long[] fallback = new long[REASONS.length];
        final TreeMap<String, long[]> attempts = new TreeMap<>();
        long eligible;
        long obtained;
        long voluntary;
        long voluntaryExempt;
        long created;
        long completed;
        long returned;
        long transferred;
        long cancelled;
        long pending;
        long compliant;
        long settled;
        final long[] breaches = new long[BREACHES.length];
        long[] responses = new long[8];
        int responseCount;
        final long[] violations = new long[KINDS.length];
        long refused;
        long flagged;
        long confirmed;
        long dismissed;
        long received;
        long resolved;
        long open;
        final long[] complaintChannels = new long[C_CHANNELS.length];
        final long[] complaintCategories = new long[C_CATEGORIES.length];

        void response(long ms) {
            if (responseCount == responses.length) {
                responses = Arrays.copyOf(responses, responses.length * 2);
            }
            responses[responseCount++] = ms;
        }

        UsageFigures figures() {
            Map<RetrievalOutcome, Long> byOutcome = enumMap(OUTCOMES, outcomes);
            Map<MustSubmitReason, Long> reasons = enumMap(REASONS, fallback);
            Map<String, Long> servedBy = new TreeMap<>();
            served.forEach((k, v) -> servedBy.put(k, v[0]));
            Map<String, Map<SourceOutcome, Long>> att = new TreeMap<>();
            attempts.forEach((k, v) -> att.put(k, enumMap(SOURCE_OUTCOMES, v)));
            RetrievalFigures rf = new RetrievalFigures(retrievals, byOutcome, servedBy, cacheHits, reasons, att);
            long[] sorted = Arrays.copyOf(responses, responseCount);
            Arrays.sort(sorted);
            DirectedFigures df = new DirectedFigures(created, completed, returned, transferred, cancelled, pending, new Ratio(compliant, settled),
                    percentile(sorted, 50), percentile(sorted, 90), enumMap(BREACHES, breaches));
            ViolationFigures vf = new ViolationFigures(enumMap(KINDS, violations), refused, flagged, confirmed, dismissed);
            ComplaintFigures cf = new ComplaintFigures(received, resolved, open, enumMap(C_CHANNELS, complaintChannels),
                    enumMap(C_CATEGORIES, complaintCategories));
            return new UsageFigures(casesOpened, rf, new Ratio(obtained, eligible), voluntary, voluntaryExempt, df, vf, cf);
        }
    }

    /** Nearest-rank percentile: the value at rank ⌈p/100 × n⌉ of the ascending values; {@code null} when empty. */
    static Duration percentile(long[] sortedMillis, int p) {
        int n = sortedMillis.length;
        if (n == 0) {
            return null;
        }
        int rank = (int) (((long) p * n + 99) / 100);
        return Duration.ofMillis(sortedMillis[Math.max(1, rank) - 1]);
    }

    private static <E extends Enum<E>> Map<E, Long> enumMap(E[] keys, long[] counts) {
        Map<E, Long> m = new EnumMap<>(keys[0].getDeclaringClass());
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                m.put(keys[i], counts[i]);
            }
        }
        return m;
    }

    /** What reports need of a case: its keys, its plan, which exempt materials were obtained electronically. */
    static final class CaseCtx {
        final String department;
        final String window;
        final String operator;
        final Plan plan;
        boolean cohort;
        long obtained;
        /** The sequence of the {@code CASE_OPENED} it was made of, or 0 if it was read from the case store. */
        long openedSequence;

        CaseCtx(String department, String window, String operator, Plan plan) {
            this.department = department;
            this.window = window;
            this.operator = operator;
            this.plan = plan;
        }

        int index(String materialCode) {
            if (plan == null || materialCode == null) {
                return -1;
            }
            List<MaterialPlan> ms = plan.materials();
            for (int i = 0; i < ms.size() && i < 64; i++) {
                if (ms.get(i).materialCode().equals(materialCode)) {
                    return i;
                }
            }
            return -1;
        }

        String licenseType(String materialCode) {
            int i = index(materialCode);
            return i < 0 ? null : plan.materials().get(i).material().licenseTypeCode();
        }

        void obtain(String materialCode) {
            int i = index(materialCode);
            if (i >= 0) {
                obtained |= 1L << i;
            }
        }
    }

    /** A directed request created in the period, followed to the period's end. */
    static final class OrderCtx {
        final String bizNo;
        final String to;
        final String requestedBy;
        final String material;
        final Instant createdAt;
        final long createdSequence;
        private final Instant firstAnswerDueAt;
        /**
         * Its changes after {@code CREATED} that the figures depend on, in log order, kept so that one taken back by
         * {@code NOT_SAVED} can be undone; exactly as long as it needs to be (most orders have one or two).
         */
        private Step[] steps = NO_STEPS;
        Instant answerDueAt;
        String state = "OPEN";
        Instant closedAt;
        boolean compliant;
        boolean transferred;

        OrderCtx(String bizNo, String to, String requestedBy, String material, Instant createdAt, long createdSequence, Instant answerDueAt) {
            this.bizNo = bizNo;
            this.to = to;
            this.requestedBy = requestedBy;
            this.material = material;
            this.createdAt = createdAt;
            this.createdSequence = createdSequence;
            this.firstAnswerDueAt = answerDueAt;
            this.answerDueAt = answerDueAt;
        }

        /** One change of an order: what the report needs of its event. */
        private record Step(long sequence, String event, Instant at, boolean compliant, Instant answerDueAt) {
        }

        private static final Step[] NO_STEPS = new Step[0];

        void add(AuditEvent e) {
            Map<String, String> d = e.detail();
            String event = d.get("event");
            switch (event) {
                case "COMPLETED", "RETURNED", "CANCELLED", "TRANSFERRED", "RECLASSIFIED", "DEADLINE_RECOMPUTED" -> {
                }
                default -> {
                    return; // accepted, sent…: nothing the figures read
                }
            }
            Instant due = event.equals("RECLASSIFIED") || event.equals("DEADLINE_RECOMPUTED") ? instant(d.get("answerDueAt")) : null;
            Step step = new Step(e.sequence(), event, e.at(), "true".equals(d.get("compliant")), due);
            steps = Arrays.copyOf(steps, steps.length + 1);
            steps[steps.length - 1] = step;
            apply(step);
        }

        private void apply(Step s) {
            switch (s.event()) {
                case "COMPLETED", "RETURNED" -> {
                    state = s.event();
                    closedAt = s.at();
                    compliant = s.compliant();
                }
                case "CANCELLED" -> {
                    state = "CANCELLED";
                    closedAt = s.at();
                }
                case "TRANSFERRED" -> transferred = true;
                case "RECLASSIFIED", "DEADLINE_RECOMPUTED" -> {
                    if (s.answerDueAt() != null) {
                        answerDueAt = s.answerDueAt();
                    }
                }
                default -> {
                }
            }
        }

        /** Undoes the event of that sequence (if it is one of this order's) and applies the others again, in order. */
        void takeBack(long sequence) {
            int at = -1;
            for (int k = 0; k < steps.length; k++) {
                if (steps[k].sequence() == sequence) {
                    at = k;
                }
            }
            if (at >= 0) {
                Step[] left = new Step[steps.length - 1];
                System.arraycopy(steps, 0, left, 0, at);
                System.arraycopy(steps, at + 1, left, at, steps.length - at - 1);
                steps = left;
                answerDueAt = firstAnswerDueAt;
                state = "OPEN";
                closedAt = null;
                compliant = false;
                transferred = false;
                for (Step st : steps) {
                    apply(st);
                }
            }
        }
    }

    /** A complaint received in the period, followed to the period's end. */
    static final class ComplaintCtx {
        final ComplaintChannel channel;
        final ComplaintCategory category;
        final long receivedSequence;
        private final String firstDepartment;
        private final String firstBizNo;
        /** Its changes after {@code RECEIVED}, in log order, kept so that one taken back by {@code NOT_SAVED} can be undone. */
        private final ArrayList<Step> steps = new ArrayList<>(2);
        /** The department it is about, as recorded or taken from the linked case's item. */
        private String recorded;
        /** The department it was last assigned to. */
        private String assignee;
        /** The department it counts under: the recorded one, else the assignee. */
        String department;
        String bizNo;
        boolean resolved;

        ComplaintCtx(ComplaintChannel channel, ComplaintCategory category, long receivedSequence, String department, String bizNo) {
            this.channel = channel;
            this.category = category;
            this.receivedSequence = receivedSequence;
            this.firstDepartment = department;
            this.firstBizNo = bizNo;
            this.recorded = department;
            this.department = department;
            this.bizNo = bizNo;
        }

        /** One change of a complaint: what the report needs of its event. */
        private record Step(long sequence, String event, String bizNo, String department) {
        }

        void add(AuditEvent e) {
            Map<String, String> d = e.detail();
            String event = d.get("event");
            Step step = new Step(e.sequence(), event, e.bizNo(), event.equals("ASSIGNED") ? d.get("assignedTo") : d.get("department"));
            steps.add(step);
            apply(step);
        }

        private void apply(Step s) {
            switch (s.event()) {
                case "LINKED" -> {
                    bizNo = s.bizNo();
                    if (recorded == null) {
                        recorded = s.department(); // the linked case's item's, as the complaint store keeps it
                    }
                }
                case "ASSIGNED" -> assignee = s.department(); // a later assignment replaces an earlier one
                case "RESOLVED" -> resolved = true;
                default -> {
                }
            }
            department = recorded != null ? recorded : assignee;
        }

        /** Undoes the event of that sequence (if it is one of this complaint's) and applies the others again, in order. */
        void takeBack(long sequence) {
            if (steps.removeIf(e -> e.sequence() == sequence)) {
                recorded = firstDepartment;
                assignee = null;
                department = firstDepartment;
                bizNo = firstBizNo;
                resolved = false;
                steps.forEach(this::apply);
            }
        }
    }

    // ------------------------------------------------------------------ lookups

    private CaseCtx caseCtx(String bizNo) {
        if (bizNo == null) {
            return UNKNOWN_CASE;
        }
        CaseCtx c = cases.get(bizNo);
        if (c == null) {
            Case k = lookups.findCase(bizNo);
            c = k == null ? UNKNOWN_CASE : newCase(k.itemCode(), k.windowId(), k.operatorId(), k.openedAt());
            cases.put(bizNo, c);
        }
        return c;
    }

    private CaseCtx newCase(String item, String window, String operator, Instant openedAt) {
        Plan plan = item == null ? null : lookups.plan(item, openedAt);
        return new CaseCtx(plan == null ? null : plan.item().departmentCode(), window, operator, plan);
    }

    private Operator operator(String actor) {
        if (actor == null) {
            return null;
        }
        if (operators.containsKey(actor)) {
            return operators.get(actor);
        }
        Operator op = lookups.operator(actor);
        operators.put(actor, op);
        return op;
    }

    /** Fills {@link #targets} with the rows an event counts in; 0 if the department filter excludes it. */
    private int targets(String department, String window, String operator, String channel, String licenseType) {
        if (departmentFilter != null && !departmentFilter.equals(department)) {
            return 0;
        }
        int n = 0;
        targets[n++] = totals;
        n = row(n, ReportDimension.DEPARTMENT, department);
        n = row(n, ReportDimension.WINDOW, window);
        n = row(n, ReportDimension.OPERATOR, operator == null || operator.startsWith("online:") ? null : operator);
        n = row(n, ReportDimension.CHANNEL, channel);
        n = row(n, ReportDimension.LICENSE_TYPE, licenseType);
        return n;
    }

    private int row(int n, ReportDimension d, String key) {
        if (key == null) {
            return n;
        }
        HashMap<String, Acc> m = rows.get(d);
        Acc a = m.get(key);
        if (a == null) {
            a = new Acc();
            m.put(key, a);
        }
        targets[n] = a;
        return n + 1;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Parses what {@link Instant#toString()} wrote ({@code 2026-03-02T02:30:00Z}, optionally with a fraction) without
     * the general formatter, which dominated report time; anything else goes through {@link Instant#parse}.
     */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T' && text.charAt(13) == ':'
                && text.charAt(16) == ':' && text.charAt(n - 1) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            boolean ok = year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60;
            if (ok && n > 20) {
                if (text.charAt(19) != '.' || n - 21 > 9 || n - 21 < 1) {
                    ok = false;
                } else {
                    int f = digits(text, 20, n - 1);
                    ok = f >= 0;
                    nanos = f;
                    for (int i = n - 21; i < 9; i++) {
                        nanos *= 10;
                    }
                }
            } else if (ok && n != 20) {
                ok = false;
            }
            if (ok && day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
                long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
            }
        }
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    // ------------------------------------------------------------------ events

    /**
     * @param e the next event of the period, in chain order
     */
    void accept(AuditEvent e) {
        lastRead = e;
        Map<String, String> d = e.detail();
        switch (e.type()) {
            case CASE_OPENED -> caseOpened(e, d);
            case RETRIEVAL -> retrieval(e, d);
            case CACHE_HIT -> cacheHit(e, d);
            case CHANNEL_ATTEMPT -> attempt(e, d);
            case VOLUNTARY_SUBMISSION -> voluntary(e, d);
            case WORK_ORDER -> workOrder(e, d);
            case VIOLATION, REFUSAL -> violation(e, d);
            case VIOLATION_REVIEWED -> reviewed(e, d);
            case COMPLAINT -> complaint(e, d);
            default -> {
            }
        }
    }

    private void caseOpened(AuditEvent e, Map<String, String> d) {
        if (e.bizNo() == null) {
            return;
        }
        if ("NOT_SAVED".equals(d.get("event"))) { // another node opened a case with this bizNo first: this opening did not happen
            caseNotOpened(e.bizNo(), sequence(d.get("attemptedSequence")));
            return;
        }
        CaseCtx c = newCase(d.get("item"), d.get("window"), e.actor(), e.at());
        c.cohort = true;
        c.openedSequence = e.sequence();
        CaseCtx first = cases.get(e.bizNo());
        if (first != null && first.cohort) { // a second opening of that bizNo: it counts only if the first is taken back
            laterOpenings.computeIfAbsent(e.bizNo(), k -> new ArrayList<>(1)).add(c);
            return;
        }
        cases.put(e.bizNo(), c);
        countOpened(c, 1);
    }

    private void countOpened(CaseCtx c, int delta) {
        int n = targets(c.department, c.window, c.operator, null, null);
        for (int i = 0; i < n; i++) {
            targets[i].casesOpened += delta;
        }
    }

    /** Undoes an opening the store refused: the next opening of that bizNo, if any, stands instead. */
    private void caseNotOpened(String bizNo, long attempted) {
        List<CaseCtx> later = laterOpenings.get(bizNo);
        if (later != null && later.removeIf(c -> c.openedSequence == attempted)) {
            return;
        }
        CaseCtx c = cases.get(bizNo);
        if (c == null || !c.cohort || c.openedSequence != attempted) {
            return;
        }
        countOpened(c, -1);
        cases.remove(bizNo);
        if (later != null && !later.isEmpty()) {
            CaseCtx next = later.remove(0);
            cases.put(bizNo, next);
            countOpened(next, 1);
        }
    }

    private void retrieval(AuditEvent e, Map<String, String> d) {
        CaseCtx c = caseCtx(e.bizNo());
        String material = d.get("material");
        RetrievalOutcome o = parse(RetrievalOutcome.class, d.get("outcome"));
        String channel = d.get("channel");
        MustSubmitReason reason = parse(MustSubmitReason.class, d.get("reason"));
        int n = targets(c.department, c.window, e.actor(), channel, c.licenseType(material));
        for (int i = 0; i < n; i++) {
            Acc a = targets[i];
            a.retrievals++;
            if (o != null) {
                a.outcomes[o.ordinal()]++;
            }
            if (channel != null) {
                a.served.computeIfAbsent(channel, k -> new long[1])[0]++;
            }
            if (o == RetrievalOutcome.MUST_SUBMIT && reason != null) {
                a.fallback[reason.ordinal()]++;
            }
        }
        if (o == RetrievalOutcome.RETRIEVED || o == RetrievalOutcome.MISMATCH) {
            c.obtain(material);
        }
    }

    private void cacheHit(AuditEvent e, Map<String, String> d) {
        CaseCtx c = caseCtx(e.bizNo());
        String material = d.get("material");
        int n = targets(c.department, c.window, e.actor(), d.get("channel"), c.licenseType(material));
        for (int i = 0; i < n; i++) {
            targets[i].cacheHits++;
        }
        c.obtain(material);
    }

    private void attempt(AuditEvent e, Map<String, String> d) {
        CaseCtx c = caseCtx(e.bizNo());
        String channel = d.get("channel");
        SourceOutcome o = parse(SourceOutcome.class, d.get("outcome"));
        if (channel == null || o == null) {
            return;
        }
        int n = targets(c.department, c.window, e.actor(), channel, c.licenseType(d.get("material")));
        for (int i = 0; i < n; i++) {
            targets[i].attempts.computeIfAbsent(channel, k -> new long[SOURCE_OUTCOMES.length])[o.ordinal()]++;
        }
    }

    private void voluntary(AuditEvent e, Map<String, String> d) {
        CaseCtx c = caseCtx(e.bizNo());
        String material = d.get("material");
        MaterialDecision planned = parse(MaterialDecision.class, d.get("planned"));
        int n = targets(c.department, c.window, e.actor(), null, c.licenseType(material));
        for (int i = 0; i < n; i++) {
            targets[i].voluntary++;
            if (planned != null && planned != MaterialDecision.MUST_SUBMIT) {
                targets[i].voluntaryExempt++;
            }
        }
    }

    private void workOrder(AuditEvent e, Map<String, String> d) {
        String event = d.get("event");
        String id = d.get("order");
        if (event == null || id == null) {
            return;
        }
        if (event.equals("CREATED")) {
            String to = d.get("to");
            Instant due = instant(d.get("answerDueAt"));
            if (to != null && due != null) {
                orders.put(id, new OrderCtx(e.bizNo(), to, e.actor(), d.get("material"), e.at(), e.sequence(), due));
            }
            return;
        }
        OrderCtx o = orders.get(id);
        if (o == null) {
            return; // created before the period: not in this report's cohort
        }
        if (event.equals("NOT_SAVED")) {
            takeBack(orders, id, o.createdSequence, o::takeBack, d);
            return;
        }
        o.add(e);
    }

    /**
     * The store refused the act recorded as {@code attemptedSequence}: it did not happen. The record it began with
     * leaves the cohort; a later change is undone.
     */
    private static void takeBack(Map<String, ?> cohort, String id, long firstSequence, java.util.function.LongConsumer undo, Map<String, String> d) {
        long attempted = sequence(d.get("attemptedSequence"));
        if (attempted == firstSequence) {
            cohort.remove(id);
        } else {
            undo.accept(attempted);
        }
    }

    /** @return the sequence number written in an audit detail, or -1 if it is not one */
    private static long sequence(String text) {
        if (text == null || text.isEmpty() || text.length() > 19) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void violation(AuditEvent e, Map<String, String> d) {
        ViolationKind kind = parse(ViolationKind.class, d.get("kind"));
        if (kind == null) {
            return;
        }
        Operator op = operator(e.actor());
        String window = op != null && op.windowId() != null ? op.windowId() : caseCtx(e.bizNo()).window;
        int n = targets(op == null ? null : op.departmentCode(), window, e.actor(), null, null);
        boolean refused = e.type() == org.mianzheng.api.AuditType.REFUSAL;
        for (int i = 0; i < n; i++) {
            targets[i].violations[kind.ordinal()]++;
            if (refused) {
                targets[i].refused++;
            } else {
                targets[i].flagged++;
            }
        }
    }

    private void reviewed(AuditEvent e, Map<String, String> d) {
        String accused = d.get("operator");
        String decision = d.get("decision");
        Operator op = operator(accused);
        // in the row its violation counts in: the operator's window, else the case's (the review event names the case)
        String window = op != null && op.windowId() != null ? op.windowId() : caseCtx(e.bizNo()).window;
        int n = targets(op == null ? null : op.departmentCode(), window, accused, null, null);
        for (int i = 0; i < n; i++) {
            if ("CONFIRMED".equals(decision)) {
                targets[i].confirmed++;
            } else if ("DISMISSED".equals(decision)) {
                targets[i].dismissed++;
            }
        }
    }

    private void complaint(AuditEvent e, Map<String, String> d) {
        String id = d.get("complaint");
        String event = d.get("event");
        if (id == null || event == null) {
            return;
        }
        if (event.equals("RECEIVED")) {
            ComplaintChannel ch = parse(ComplaintChannel.class, d.get("channel"));
            ComplaintCategory cat = parse(ComplaintCategory.class, d.get("category"));
            if (ch != null && cat != null) {
                complaints.put(id, new ComplaintCtx(ch, cat, e.sequence(), d.get("department"), e.bizNo()));
            }
            return;
        }
        ComplaintCtx c = complaints.get(id);
        if (c == null) {
            return;
        }
        if (event.equals("NOT_SAVED")) {
            takeBack(complaints, id, c.receivedSequence, c::takeBack, d);
            return;
        }
        c.add(e);
    }

    // ------------------------------------------------------------------ result

    /** @return the last event accepted, or {@code null} */
    AuditEvent lastRead() {
        return lastRead;
    }

    /**
     * Settles the cohorts as of the period's end and builds the report.
     *
     * @param complete       whether the period has ended
     * @param through        the last audit event read
     * @param catalogVersion the catalog version at the period's end
     * @param labeler        the readable name of a key of a dimension, or {@code null} if it has none
     * @return the report
     */
    UsageReport finish(boolean complete, AuditHead through, long catalogVersion,
                       java.util.function.BiFunction<ReportDimension, String, String> labeler) {
        Instant end = period.to();
        for (OrderCtx o : orders.values()) {
            CaseCtx c = o.bizNo == null ? UNKNOWN_CASE : caseCtx(o.bizNo);
            if (o.state.equals("COMPLETED") && c.cohort) {
                c.obtain(o.material);
            }
            int n = targets(o.to, c.window, o.requestedBy, null, null);
            for (int i = 0; i < n; i++) {
                Acc a = targets[i];
                a.created++;
                switch (o.state) {
                    case "COMPLETED", "RETURNED" -> {
                        boolean completed = o.state.equals("COMPLETED");
                        if (completed) {
                            a.completed++;
                        } else {
                            a.returned++;
                        }
                        a.settled++;
                        a.response(Duration.between(o.createdAt, o.closedAt).toMillis());
                        if (o.compliant) {
                            a.compliant++;
                        } else {
                            a.breaches[(completed ? BreachReason.ANSWERED_LATE : BreachReason.RETURNED_LATE).ordinal()]++;
                        }
                    }
                    case "CANCELLED" -> a.cancelled++;
                    default -> {
                        if (end.isAfter(o.answerDueAt)) {
                            a.settled++;
                            a.breaches[BreachReason.OVERDUE_OPEN.ordinal()]++;
                        } else {
                            a.pending++;
                        }
                    }
                }
                if (o.transferred) {
                    a.transferred++;
                }
            }
        }
        for (CaseCtx c : cases.values()) {
            if (!c.cohort || c.plan == null) {
                continue;
            }
            List<MaterialPlan> ms = c.plan.materials();
            for (int m = 0; m < ms.size() && m < 64; m++) {
                MaterialPlan mp = ms.get(m);
                if (mp.decision() == MaterialDecision.MUST_SUBMIT) {
                    continue;
                }
                boolean got = (c.obtained & (1L << m)) != 0;
                int n = targets(c.department, c.window, c.operator, null, mp.material().licenseTypeCode());
                for (int i = 0; i < n; i++) {
                    targets[i].eligible++;
                    if (got) {
                        targets[i].obtained++;
                    }
                }
            }
        }
        for (ComplaintCtx k : complaints.values()) {
            String window = k.bizNo == null ? null : caseCtx(k.bizNo).window;
            int n = targets(k.department, window, null, null, null);
            for (int i = 0; i < n; i++) {
                Acc a = targets[i];
                a.received++;
                a.complaintChannels[k.channel.ordinal()]++;
                a.complaintCategories[k.category.ordinal()]++;
                if (k.resolved) {
                    a.resolved++;
                } else {
                    a.open++;
                }
            }
        }
        Map<ReportDimension, Map<String, UsageFigures>> breakdown = new EnumMap<>(ReportDimension.class);
        Map<ReportDimension, Map<String, String>> labels = new EnumMap<>(ReportDimension.class);
        for (ReportDimension dim : DIMENSIONS) {
            Map<String, UsageFigures> m = new TreeMap<>();
            Map<String, String> l = new TreeMap<>();
            rows.get(dim).forEach((k, a) -> {
                m.put(k, a.figures());
                String name = labeler.apply(dim, k);
                if (name != null) {
                    l.put(k, name);
                }
            });
            breakdown.put(dim, m);
            labels.put(dim, l);
        }
        return new UsageReport(period, departmentFilter, complete, through, catalogVersion, totals.figures(), breakdown, labels);
    }
}
