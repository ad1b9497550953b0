package org.mianzheng.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Handling;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.ReportPeriod;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.Role;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.store.InMemoryAuditStore;
import org.mianzheng.core.store.InMemoryCatalogStore;
import org.mianzheng.core.store.InMemoryOperatorStore;

/**
 * A month of synthetic 免证办 activity for supervision benchmarks: a catalog of 8 departments and 40 items, 48 window
 * clerks at 12 windows, and any number of audit events written straight into an {@link InMemoryAuditStore} with
 * {@link AuditEvent#link} (valid hash chain, no engine round trip). Deterministic for a seed. The mix per case: open,
 * consent, one to three licence retrievals through onewindow then cityhub (cache hits, mismatches, fallbacks),
 * directed requests with realistic answer times (some late, some returned and transferred, a few left open),
 * voluntary paper, and now and then a flagged or refused act and a complaint.
 */
final class SupervisionData {
    static final ReportPeriod MARCH = ReportPeriod.month(java.time.YearMonth.of(2026, 3), Mianzheng.DEFAULT_ZONE);
    static final String[][] DEPARTMENTS = {{"SCJGJ", "乌海市市场监督管理局"}, {"ZJJ", "乌海市住房和城乡建设局"}, {"GAJ", "乌海市公安局"},
            {"ZRZYJ", "乌海市自然资源局"}, {"RSJ", "乌海市人力资源和社会保障局"}, {"MZJ", "乌海市民政局"}, {"WJW", "乌海市卫生健康委员会"},
            {"JTJ", "乌海市交通运输局"}};
    static final String[][] LICENCES = {{"YYZZ", "营业执照", "ORGANISATION"}, {"JMSFZ", "居民身份证", "PERSON"}, {"BDCQZ", "不动产权证书", "PERSON"},
            {"HKB", "居民户口簿", "PERSON"}, {"JHZ", "结婚证", "PERSON"}};
    static final int ITEMS = 40;
    static final int CLERKS = 48;

    final InMemoryAuditStore audit = new InMemoryAuditStore();
    final InMemoryCatalogStore catalog = new InMemoryCatalogStore();
    final InMemoryOperatorStore operators = new InMemoryOperatorStore();
    private final Random rnd;
    private long seq;
    private String prev;
    private long caseNo;
    private long orderNo;
    private long complaintNo;

    /**
     * Files the catalog and registers the accounts (through a first engine), then appends {@code events} events.
     *
     * @param events how many audit events to add for March 2026
     * @param seed   the random seed
     */
    SupervisionData(int events, long seed) {
        this.rnd = new Random(seed);
        java.time.Clock feb = java.time.Clock.fixed(ZonedDateTime.of(2026, 2, 27, 9, 0, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant(),
                Mianzheng.DEFAULT_ZONE);
        try (Mianzheng setup = Mianzheng.builder().clock(feb).auditStore(audit).catalogStore(catalog).operatorStore(operators)
                .auditSubjectKey("bench-subject-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build()) {
            setup.catalog().file(new FilingRequest("ZWFWJ", "bench", "初始目录", "第十六条", List.of(new CatalogChange.ReplaceAll(document()))));
            for (int c = 0; c < CLERKS; c++) {
                setup.accounts().register(clerk(c), "窗口" + c, "ZWFWJ", window(c), Set.of(Role.WINDOW_CLERK), "admin", "市行政审批和政务服务局");
            }
            setup.accounts().register("sup", "督查", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "admin", "市行政审批和政务服务局");
            for (String[] d : DEPARTMENTS) {
                setup.accounts().register("v-" + d[0], "核验员", d[0], null, Set.of(Role.DEPARTMENT_VERIFIER), "admin", "市行政审批和政务服务局");
            }
        }
        AuditEvent last = audit.last().orElseThrow();
        seq = last.sequence();
        prev = last.hash();
        generate(events);
    }

    /** @return an engine over the generated stores */
    Mianzheng engine() {
        return engine(audit);
    }

    /**
     * @param auditStore the generated audit store, or a wrapper of it
     * @return an engine over the generated stores
     */
    Mianzheng engine(org.mianzheng.api.spi.AuditStore auditStore) {
        return Mianzheng.builder().clock(java.time.Clock.fixed(MARCH.to().plus(Duration.ofDays(1)), Mianzheng.DEFAULT_ZONE)).auditStore(auditStore)
                .catalogStore(catalog).operatorStore(operators)
                .auditSubjectKey("bench-subject-key-0123456789".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
    }

    static String clerk(int c) {
        return "clerk" + c;
    }

    static String window(int c) {
        return "W" + String.format("%02d", c % 12 + 1);
    }

    static String item(int i) {
        return String.format("11150300IT%04d", i);
    }

    static CatalogDocument document() {
        List<Department> deps = new ArrayList<>();
        deps.add(new Department("ZWFWJ", "乌海市行政审批和政务服务局", AdminLevel.CITY, null, null));
        for (String[] d : DEPARTMENTS) {
            deps.add(new Department(d[0], d[1], AdminLevel.CITY, null, null));
        }
        List<LicenseType> types = new ArrayList<>();
        for (String[] l : LICENCES) {
            types.add(new LicenseType(l[0], l[1], HolderKind.valueOf(l[2])));
        }
        List<ServiceItem> items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            String dep = DEPARTMENTS[i % DEPARTMENTS.length][0];
            List<MaterialRequirement> ms = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                String[] lic = LICENCES[(i + l) % LICENCES.length];
                ms.add(new MaterialRequirement("L" + l, lic[1], MaterialKind.ELECTRONIC_LICENSE, lic[0], new Issuer("GAJ", "公安局", true, true),
                        "《条例》", Exemption.dataCall(), null));
            }
            for (int d = 0; d < 2; d++) {
                String to = DEPARTMENTS[(i + d + 1) % DEPARTMENTS.length][0];
                ms.add(new MaterialRequirement("D" + d, d == 0 ? "证明" + i : "批复" + i, d == 0 ? MaterialKind.CERTIFICATION : MaterialKind.FILE_APPROVAL,
                        null, new Issuer(to, "部门", true, true), "《办法》", new Exemption(RetrievalMode.DIRECTED, List.of()), null));
            }
            ms.add(new MaterialRequirement("S0", "申请表", MaterialKind.CERTIFICATION, null, Issuer.APPLICANT, "《办法》", null, null));
            items.add(new ServiceItem(item(i), "事项" + i, dep, AdminLevel.CITY, i % 5 == 0 ? Handling.COMMITMENT : Handling.IMMEDIATE,
                    ReviewLevel.CITY, ms));
        }
        return new CatalogDocument(deps, types, items);
    }

    // ------------------------------------------------------------------ events

    /** An event not yet in the chain: cases interleave, so events are generated per case, then sorted by time. */
    private record Pending(Instant at, long order, AuditRecord record) {
    }

    private final List<Pending> pending = new ArrayList<>();

    private void append(Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
        pending.add(new Pending(at, pending.size(), new AuditRecord(type, actor, bizNo, subject, detail)));
    }

    private static Map<String, String> d(String... kv) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Working-day starts of March 2026 (weekdays), 08:30 to 17:30 used. */
    private List<Instant> days() {
        List<Instant> l = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2026, 3, 1); day.getMonthValue() == 3; day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5) {
                l.add(ZonedDateTime.of(day, LocalTime.of(8, 30), Mianzheng.DEFAULT_ZONE).toInstant());
            }
        }
        return l;
    }

    private void generate(int events) {
        List<Instant> dayStarts = days();
        long perCase = 10; // about the average number of events per case of this mix
        long cases = Math.max(1, events / perCase);
        long casesPerDay = Math.max(1, cases / dayStarts.size());
        long spacingMs = Duration.ofHours(9).toMillis() / casesPerDay;
        long k = 0;
        while (pending.size() < events) {
            int day = (int) Math.min(dayStarts.size() - 1, k / casesPerDay);
            Instant start = dayStarts.get(day).plusMillis((k % casesPerDay) * spacingMs);
            oneCase(start);
            k++;
        }
        pending.sort(java.util.Comparator.comparing(Pending::at).thenComparingLong(Pending::order));
        List<AuditEvent> batch = new ArrayList<>(10_000);
        for (int x = 0; x < events; x++) {
            Pending p = pending.get(x);
            AuditEvent e = AuditEvent.link(++seq, p.at(), p.record(), prev);
            prev = e.hash();
            batch.add(e);
            if (batch.size() == 10_000) {
                audit.append(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) { // a count that is a multiple of the batch size leaves nothing here
            audit.append(batch);
        }
        pending.clear();
    }

    private String hex(long v) {
        return HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(16).putLong(v).putLong(v * 0x9E3779B97F4A7C15L).array());
    }

    private void oneCase(Instant t0) {
        int c = rnd.nextInt(CLERKS);
        String clerk = clerk(c);
        String window = window(c);
        int i = rnd.nextInt(ITEMS);
        String item = item(i);
        String biz = "HBW-2026-" + (++caseNo);
        String subject = hex(rnd.nextInt(200_000)).substring(0, 32);
        Instant t = t0;
        append(t, AuditType.CASE_OPENED, clerk, biz, subject, d("item", item, "window", window));
        String consent = "k" + caseNo;
        append(t = t.plusSeconds(40), AuditType.CONSENT_GRANTED, clerk, biz, subject, d("consent", consent, "materials", "L0,L1,L2,D0,D1",
                "purpose", "办理" + item, "method", "SIGNATURE_PAD", "window", window));
        int licences = 1 + rnd.nextInt(3);
        for (int l = 0; l < licences; l++) {
            String m = "L" + l;
            double p = rnd.nextDouble();
            String channel = null;
            String outcome;
            String reason = null;
            if (p < 0.80) {
                append(t = t.plusSeconds(2), AuditType.CHANNEL_ATTEMPT, clerk, biz, subject, d("material", m, "channel", "onewindow", "outcome", "FOUND",
                        "elapsedMs", "180", "purpose", "办理" + item));
                channel = "onewindow";
                outcome = rnd.nextDouble() < 0.03 ? "MISMATCH" : "RETRIEVED";
            } else {
                String first = p < 0.90 ? "NOT_FOUND" : p < 0.96 ? "UNAVAILABLE" : "TIMEOUT";
                append(t = t.plusSeconds(3), AuditType.CHANNEL_ATTEMPT, clerk, biz, subject, d("material", m, "channel", "onewindow", "outcome", first,
                        "elapsedMs", "900", "purpose", "办理" + item));
                double q = rnd.nextDouble();
                String second = q < 0.6 ? "FOUND" : q < 0.85 ? "NOT_FOUND" : q < 0.95 ? "REVOKED" : "UNAVAILABLE";
                append(t = t.plusSeconds(2), AuditType.CHANNEL_ATTEMPT, clerk, biz, subject, d("material", m, "channel", "cityhub", "outcome", second,
                        "elapsedMs", "650", "purpose", "办理" + item));
                if (second.equals("FOUND")) {
                    channel = "cityhub";
                    outcome = "RETRIEVED";
                } else {
                    outcome = "MUST_SUBMIT";
                    reason = second.equals("REVOKED") ? "LICENSE_NOT_USABLE" : "NO_CHANNEL_AVAILABLE";
                }
            }
            Map<String, String> rd = d("material", m, "outcome", outcome, "consent", consent);
            if (channel != null) {
                rd.put("channel", channel);
            }
            if (reason != null) {
                rd.put("reason", reason);
                rd.put("article", "Art. 5");
            }
            append(t = t.plusSeconds(1), AuditType.RETRIEVAL, clerk, biz, subject, rd);
            if (channel != null && rnd.nextDouble() < 0.2) {
                append(t = t.plusSeconds(30), AuditType.CACHE_HIT, clerk, biz, subject, d("material", m, "channel", channel, "consent", consent));
            }
        }
        int directed = rnd.nextInt(3);
        for (int x = 0; x < directed; x++) {
            String to = DEPARTMENTS[(i + x + 1) % DEPARTMENTS.length][0];
            order(biz, subject, clerk, "D" + x, to, t = t.plusSeconds(20));
        }
        if (rnd.nextDouble() < 0.05) {
            append(t = t.plusSeconds(60), AuditType.VOLUNTARY_SUBMISSION, clerk, biz, subject, d("material", "L0", "planned", "EXEMPT"));
        }
        if (rnd.nextDouble() < 0.01) {
            boolean refused = rnd.nextBoolean();
            String kind = refused ? "OUT_OF_CONSENT_SCOPE" : "OUTSIDE_OFFICE_HOURS";
            append(t = t.plusSeconds(5), refused ? AuditType.REFUSAL : AuditType.VIOLATION, clerk, biz, null, d("kind", kind, "article",
                    "Art. 11(7)", "refused", Boolean.toString(refused)));
        }
        if (rnd.nextDouble() < 0.004) {
            String id = "cp" + (++complaintNo);
            String dep = DEPARTMENTS[i % DEPARTMENTS.length][0];
            String ch = rnd.nextBoolean() ? "WINDOW" : "HOTLINE_12345";
            String cat = rnd.nextBoolean() ? "ORIGINALS_DEMANDED" : "DELAY";
            append(t = t.plusSeconds(300), AuditType.COMPLAINT, "sup", biz, subject, d("event", "RECEIVED", "complaint", id, "channel", ch,
                    "category", cat, "state", "RECEIVED", "department", dep));
            append(t = t.plusSeconds(600), AuditType.COMPLAINT, "sup", biz, subject, d("event", "ASSIGNED", "complaint", id, "channel", ch,
                    "category", cat, "state", "ASSIGNED", "department", dep, "assignedTo", dep));
            if (rnd.nextDouble() < 0.7) {
                append(t = t.plusSeconds(3_600), AuditType.COMPLAINT, "v-" + dep, biz, subject, d("event", "RESOLVED", "complaint", id, "channel", ch,
                        "category", cat, "state", "RESOLVED", "department", dep, "substantiated", "true"));
            }
        }
    }

    private void order(String biz, String subject, String clerk, String material, String to, Instant created) {
        String id = "wo" + (++orderNo);
        Instant due = created.plus(Duration.ofMinutes(30));
        Map<String, String> cd = d("event", "CREATED", "order", id, "kind", "ISSUE_CERTIFICATION", "origin", "WINDOW", "complexity", "NORMAL",
                "state", "SUBMITTED", "to", to, "material", material, "ruleVersion", "1", "answerDueAt", due.toString(), "returnDueAt",
                created.plus(Duration.ofMinutes(15)).toString());
        append(created, AuditType.WORK_ORDER, clerk, biz, subject, cd);
        double p = rnd.nextDouble();
        if (p < 0.02) {
            return; // left open
        }
        Instant accepted = created.plusSeconds(60 + rnd.nextInt(240));
        append(accepted, AuditType.WORK_ORDER, "v-" + to, biz, subject, d("event", "ACCEPTED", "order", id, "state", "ACCEPTED", "to", to));
        if (p < 0.07) {
            Instant ret = accepted.plusSeconds(60 + rnd.nextInt(1_200));
            append(ret, AuditType.WORK_ORDER, "v-" + to, biz, subject, d("event", "RETURNED", "order", id, "state", "RETURNED", "to", to,
                    "reason", "不属于本单位职责", "transferSuggestion", "GAJ", "compliant", Boolean.toString(!ret.isAfter(created.plus(Duration.ofMinutes(15))))));
            String next = "wo" + (++orderNo);
            Instant t2 = ret.plusSeconds(30);
            append(t2, AuditType.WORK_ORDER, clerk, biz, subject, d("event", "TRANSFERRED", "order", id, "transferredTo", next, "to", "GAJ"));
            Map<String, String> nd = new TreeMap<>(cd);
            nd.put("order", next);
            nd.put("to", "GAJ");
            nd.put("answerDueAt", t2.plus(Duration.ofMinutes(30)).toString());
            nd.put("transferredFrom", id);
            append(t2, AuditType.WORK_ORDER, clerk, biz, subject, nd);
            Instant done = t2.plusSeconds(300 + rnd.nextInt(1_800));
            append(done, AuditType.WORK_ORDER, "v-GAJ", biz, subject, d("event", "COMPLETED", "order", next, "state", "COMPLETED", "to", "GAJ",
                    "compliant", Boolean.toString(!done.isAfter(t2.plus(Duration.ofMinutes(30))))));
            return;
        }
        // answer times: mostly 5-25 min, a tail up to 90 min
        long secs = rnd.nextDouble() < 0.85 ? 300 + rnd.nextInt(1_200) : 1_500 + rnd.nextInt(4_000);
        Instant done = created.plusSeconds(secs);
        append(done, AuditType.WORK_ORDER, "v-" + to, biz, subject, d("event", "COMPLETED", "order", id, "state", "COMPLETED", "to", to,
                "resultType", "PDF", "compliant", Boolean.toString(!done.isAfter(due))));
    }
}
