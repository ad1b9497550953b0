package org.mianzheng.examples;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.ArchiveAct;
import org.mianzheng.api.ArchiveCopy;
import org.mianzheng.api.AuditVerification;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.Role;
import org.mianzheng.api.Case;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.Plan;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.core.Mianzheng;

/**
 * The project's main job: an end-to-end account of 免证办 on embedded defaults. Exits 0 only if every check passed.
 *
 * <p>Run: {@code java -jar examples/target/mianzheng-examples.jar [--help]}.
 */
public final class Main {
    /** Where the main job writes its reports unless {@code --out} says otherwise. */
    static final java.nio.file.Path DEFAULT_OUT = java.nio.file.Path.of("mianzheng-output");

    private final PrintStream out;
    private final List<String> failures = new ArrayList<>();
    private final List<org.mianzheng.api.Notification> notices = new java.util.concurrent.CopyOnWriteArrayList<>();

    Main(PrintStream out) {
        this.out = out;
    }

    /**
     * @param args command-line flags; {@code --help} lists them
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int port = 0;
        boolean fastRun = false;
        java.nio.file.Path outDir = DEFAULT_OUT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println("usage: java -jar mianzheng-examples.jar [--out DIR] [--port N] [--fast] [--help]");
                out.println("Runs the 免证办 end-to-end demo on embedded defaults (simulators on loopback) and exits 0 only if every check passed.");
                out.println("  --out DIR  where receipts and reports are written (default: mianzheng-output)");
                out.println("  --port N   port of the platform simulators (default: chosen by the OS)");
                out.println("  --fast     receipts at PAdES B-B without the loopback timestamp authority");
                return;
            }
            if (a.equals("--port") && i + 1 < args.length) {
                try {
                    port = Integer.parseInt(args[++i]);
                } catch (NumberFormatException e) {
                    out.println("--port takes a number");
                    System.exit(2);
                }
                continue;
            }
            if (a.equals("--fast")) {
                fastRun = true;
                continue;
            }
            if (a.equals("--out") && i + 1 < args.length) {
                outDir = java.nio.file.Path.of(args[++i]);
                continue;
            }
            out.println("unknown flag: " + a + " (try --help)");
            System.exit(2);
        }
        Main demo = new Main(out);
        demo.fast = fastRun;
        int code = demo.run(demoClock(), port, outDir);
        System.exit(code);
    }

    /** Monday 2026-03-02 10:00 in Wuhai: the demo's clock starts there and then runs in real time. */
    static final java.time.Instant DEMO_START = java.time.ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant();

    static Clock demoClock() {
        Clock system = Clock.system(Mianzheng.DEFAULT_ZONE);
        return Clock.offset(system, java.time.Duration.between(system.instant(), DEMO_START));
    }

    private java.nio.file.Path outDir;

    int run(Clock clock) {
        try {
            return run(clock, 0, java.nio.file.Files.createTempDirectory("mianzheng-demo"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    int run(Clock clock, int port, java.nio.file.Path outputDir) {
        this.outDir = outputDir.toAbsolutePath();
        out.println("== 免证办 mianzheng — end-to-end demo ==");
        java.nio.file.Path db = outDir.resolve("db");
        deleteDemoDatabase(db);
        out.println("(starting the platform simulators on loopback and the H2 store: a second or two)");
        try (DemoPlatforms platforms = new DemoPlatforms(port);
             org.mianzheng.store.jdbc.JdbcStores stores = org.mianzheng.store.jdbc.JdbcStores.h2(db);
             Mianzheng mz = stores.applyTo(Mianzheng.builder()).clock(clock)
                     .licenseSource(platforms.oneWindow())          // 自治区“综合一窗”受理平台 (primary)
                     .licenseSource(platforms.cityHub())            // 全市政务服务信息数据调用核验系统 (supplementary)
                     .directedRequestChannel(platforms.cityHub())   // directed requests go to the departments' desk
                     .certificationSource(new InProcessCertificationSource(Set.of("WFZM")))
                     .notifier(n -> notices.add(n))
                     .build()) {
            out.printf("simulators on loopback: onewindow %s, cityhub %s%n", platforms.simulator().oneWindowUrl(), platforms.simulator().cityHubUrl());
            out.printf("store: H2 file database %s (schema version %d)%n", org.mianzheng.store.jdbc.JdbcStores.h2Url(db), stores.schemaVersion());
            this.platforms = platforms;
            return run(mz);
        }
    }

    private DemoPlatforms platforms;
    private boolean fast;

    /** The demo starts from an empty database on every run: remove the previous run's H2 files. */
    private static void deleteDemoDatabase(java.nio.file.Path db) {
        if (!java.nio.file.Files.isDirectory(db)) {
            return;
        }
        try (var files = java.nio.file.Files.list(db)) {
            for (java.nio.file.Path f : files.toList()) {
                if (f.getFileName().toString().startsWith("mianzheng.")) {
                    java.nio.file.Files.deleteIfExists(f);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot reset the demo database in " + db, e);
        }
    }

    private int run(Mianzheng mz) {

        out.println();
        out.println("-- 1. 免证办目录 exemption catalog (Art. 16) --");
        CatalogFiling filing = mz.catalog().file(SampleCatalog.initialFiling());
        int items = mz.catalog().items(filing.filedAt()).size();
        long materials = mz.catalog().items(filing.filedAt()).stream().mapToLong(i -> i.materials().size()).sum();
        out.printf("filed version %d by %s: %d departments, %d service items, %d materials%n", filing.sequence(),
                filing.departmentCode(), mz.catalog().departments(filing.filedAt()).size(), items, materials);
        check(items >= 20 && materials >= 60, "sample catalog has at least 20 items and 60 materials");

        out.println();
        out.println("-- 2. Plans: what applicants no longer hand in (Art. 2, 3, 5, 16) --");
        for (String item : List.of("11150300SC0002", "11150300MZ0002", "11150300JT0002", "11150300SF0002")) {
            printPlan(mz.catalog().plan(item));
        }
        Plan taxi = mz.catalog().plan("11150300JT0002");
        check(taxi.material("WFZJL").map(m -> m.reason() == MustSubmitReason.PUBLIC_SECURITY).orElse(false),
                "无犯罪记录证明 is excluded under Art. 3 (public security)");
        check(mz.catalog().plan("11150300SF0002").materials().stream()
                .allMatch(m -> m.reason() == MustSubmitReason.REVIEWED_AT_REGION_LEVEL || m.reason() == MustSubmitReason.NOT_GOVERNMENT_ISSUED),
                "an item reviewed at region level keeps every material");

        out.println();
        out.println("-- 3. Accounts (Art. 9) --");
        mz.accounts().register("clerk-li", "李窗口", "ZWFWJ", "window-07", Set.of(Role.WINDOW_CLERK), "bureau-admin", "市行政审批和政务服务局");
        mz.accounts().register("sup-wang", "王督查", "ZWFWJ", null, Set.of(Role.SUPERVISOR), "bureau-admin", "市行政审批和政务服务局");
        mz.accounts().appointLiaison("ZWFWJ", "sup-wang", "bureau-admin");
        out.println("registered window clerk clerk-li (window-07) and supervisor sup-wang, liaison of ZWFWJ; reported to the bureau");

        out.println();
        out.println("-- 4. Window cases: on-site consent, retrieval through both platforms, fallback (Art. 10(一), 5, 15) --");
        var data = platforms.simulator().data();
        var firm = data.first(org.mianzheng.api.LicenseStatus.VALID, org.mianzheng.api.HolderKind.ORGANISATION).holder();
        Holder company = new Holder(firm.kind(), firm.id(), firm.name());
        Case c = mz.cases().open("HBW-2026-000123", "11150300SC0003", company, Map.of("YYZZ", Map.of("name", firm.name())), "window-07", "clerk-li");
        out.printf("case %s opened for item %s (%s), applicant %s%n", c.bizNo(), c.itemCode(), "企业变更登记", company.id());
        Consent consent = mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk-li", Set.of("YYZZ", "FDDBRSFZ"), "办理企业变更登记",
                ConsentMethod.SIGNATURE_PAD, "sigpad-20260302-0007", Digests.sha256Hex("signature image".getBytes(StandardCharsets.UTF_8)), null));
        out.printf("现场授权 consent %s by %s for %s, expires %s%n", consent.id().substring(0, 8), consent.method(),
                new java.util.TreeSet<>(consent.materialCodes()), consent.expiresAt());
        platforms.simulator().faults().inject(org.mianzheng.simulator.Route.ONEWINDOW_AUTH,
                org.mianzheng.simulator.Fault.of(org.mianzheng.simulator.Fault.Kind.SERVER_ERROR));
        out.println("(the regional platform answers HTTP 503 for a while)");
        List<RetrievalResult> results = mz.retrieval().retrieveAll(c.bizNo(), "clerk-li").toCompletableFuture().join();
        platforms.simulator().faults().clear();
        for (RetrievalResult r : results) {
            out.printf("   %-9s %-11s %s attempts %s%n", r.materialCode(), r.outcome(),
                    r.outcome() == RetrievalOutcome.MUST_SUBMIT ? r.reason().chinese() + " (" + r.reason().article() + ")" : "via " + r.channel(),
                    r.attempts().stream().map(a -> a.channel() + ":" + a.outcome()).toList());
        }
        RetrievalResult yyzz = results.stream().filter(r -> r.materialCode().equals("YYZZ")).findFirst().orElseThrow();
        RetrievalResult idCard = results.stream().filter(r -> r.materialCode().equals("FDDBRSFZ")).findFirst().orElseThrow();
        check(yyzz.outcome() == RetrievalOutcome.RETRIEVED && "cityhub".equals(yyzz.channel())
                && yyzz.attempts().get(0).outcome() == org.mianzheng.api.SourceOutcome.UNAVAILABLE,
                "营业执照 fell back from onewindow (503) to cityhub and was retrieved");
        check(idCard.outcome() == RetrievalOutcome.MUST_SUBMIT && idCard.reason() == MustSubmitReason.NO_CHANNEL_AVAILABLE,
                "a licence neither platform holds falls back to MUST_SUBMIT (Art. 5)");
        ArchiveCopy copy = mz.retrieval().archiveCopy(c.bizNo(), "YYZZ", ArchiveAct.DOWNLOAD, "clerk-li", "转交审批部门业务科室存档");
        out.printf("archive copy of YYZZ downloaded (%s, sha256 %s…), audited%n", copy.file().type(), copy.file().sha256().substring(0, 12));
        VoluntarySubmission v = mz.cases().recordVoluntarySubmission(c.bizNo(), "YYZZ", "clerk-li", "申请人主动提交营业执照副本复印件");
        out.printf("applicant handed in %s on paper although it is %s: accepted and recorded (Art. 4)%n", v.materialCode(), v.planned());
        check(v.wasExempt() && mz.cases().voluntarySubmissions(c.bizNo()).size() == 1, "voluntary submission accepted and recorded");

        var person = data.persons().get(0);
        Holder resident = new Holder(person.kind(), person.id(), person.name());
        Case c2 = mz.cases().open("HBW-2026-000124", "11150300MZ0003", resident, Map.of("HKB", Map.of("name", person.name())), "window-07", "clerk-li");
        mz.consents().grant(new ConsentRequest(c2.bizNo(), "clerk-li", Set.of("HKB"), "办理离婚登记", ConsentMethod.FACE_MATCH,
                "face-20260302-0008", Digests.sha256Hex("face match record".getBytes(StandardCharsets.UTF_8)), null));
        RetrievalResult hkb = mz.retrieval().retrieve(c2.bizNo(), "HKB", "clerk-li").toCompletableFuture().join();
        out.printf("case %s: 居民户口簿 %s via %s (%s, %d bytes)%n", c2.bizNo(), hkb.outcome(), hkb.channel(), hkb.license().file().type(),
                hkb.license().file().size());
        check(hkb.outcome() == RetrievalOutcome.RETRIEVED && "onewindow".equals(hkb.channel()), "居民户口簿 retrieved from the regional platform");

        var revoked = data.first(org.mianzheng.api.LicenseStatus.REVOKED, org.mianzheng.api.HolderKind.ORGANISATION).holder();
        Case c3 = mz.cases().open("HBW-2026-000125", "11150300SC0003", new Holder(revoked.kind(), revoked.id(), revoked.name()), Map.of(),
                "window-07", "clerk-li");
        mz.consents().grant(new ConsentRequest(c3.bizNo(), "clerk-li", Set.of("YYZZ"), "办理企业变更登记", ConsentMethod.SIGNATURE_PAD,
                "sigpad-20260302-0010", Digests.sha256Hex("signature image 3".getBytes(StandardCharsets.UTF_8)), null));
        RetrievalResult gone = mz.retrieval().retrieve(c3.bizNo(), "YYZZ", "clerk-li").toCompletableFuture().join();
        out.printf("case %s: 营业执照 %s — %s%n", c3.bizNo(), gone.outcome(), gone.reason().chinese());
        check(gone.reason() == MustSubmitReason.LICENSE_NOT_USABLE, "a revoked licence is not usable");
        try {
            mz.retrieval().retrieve(c3.bizNo(), "FDDBRSFZ", "clerk-li").toCompletableFuture().join();
            check(false, "retrieval outside the consent is refused");
        } catch (java.util.concurrent.CompletionException e) {
            out.println("retrieval of FDDBRSFZ without consent refused: " + e.getCause().getMessage());
            check(e.getCause() instanceof AccessDeniedException, "retrieval outside the consent is refused and recorded as a violation");
        }

        out.println();
        out.println("-- 5. Directed requests under SLA (Art. 10(二)(三)) --");
        // the departments answer at their desk in the city system (simulated): ZRZYJ answers, ZJJ returns what is not its remit
        platforms.simulator().desk().behave("ZRZYJ", org.mianzheng.simulator.DeskBehaviour.answering(java.time.Duration.ZERO, java.time.Duration.ZERO,
                org.mianzheng.api.FileType.PDF));
        platforms.simulator().desk().behave("ZJJ", org.mianzheng.simulator.DeskBehaviour.returning(java.time.Duration.ZERO,
                "住所使用证明由不动产登记部门出具，不属于本单位职责", "ZRZYJ"));
        Case presale = mz.cases().open("HBW-2026-000127", "11150300ZJ0001", Holder.organisation("91150300MA0N1234X6".substring(0, 17)
                + org.mianzheng.api.CheckCharacters.creditCodeCheck("91150300MA0N1234X6".substring(0, 17)), "乌海某房地产开发有限公司"), Map.of(),
                "window-07", "clerk-li");
        mz.consents().grant(new ConsentRequest(presale.bizNo(), "clerk-li", Set.of("TDPF"), "办理商品房预售许可", ConsentMethod.PAPER_FORM,
                "form-0125", Digests.sha256Hex("scanned authorisation".getBytes(StandardCharsets.UTF_8)), null));
        org.mianzheng.api.WorkOrder verify = mz.workOrders().request(presale.bizNo(), "TDPF", "clerk-li", org.mianzheng.api.Complexity.NORMAL);
        out.printf("定向核验 %s → %s, %s/%s (承诺件), answer due %s%n", verify.materialName(), verify.toDepartment(), verify.origin(),
                verify.complexity(), verify.answerDueAt());
        mz.workOrders().runDueActions(); // the engine follows the desk (its own timer does this every 15 s)
        org.mianzheng.api.WorkOrder verified = mz.workOrders().find(verify.id()).orElseThrow();
        out.printf("   answered by %s: %s, compliant %s%n", verified.closedBy(), verified.state(), verified.compliant());
        check(Boolean.TRUE.equals(verified.compliant()), "directed verification answered in time");

        Case shop = mz.cases().open("HBW-2026-000126", "11150300SC0002", resident, Map.of(), "window-07", "clerk-li");
        mz.consents().grant(new ConsentRequest(shop.bizNo(), "clerk-li", Set.of("ZSSYZM"), "办理个体工商户设立登记", ConsentMethod.SIGNATURE_PAD,
                "sigpad-20260302-0009", Digests.sha256Hex("signature image 2".getBytes(StandardCharsets.UTF_8)), null));
        org.mianzheng.api.WorkOrder cert = mz.workOrders().request(shop.bizNo(), "ZSSYZM", "clerk-li", org.mianzheng.api.Complexity.NORMAL);
        out.printf("定向开具 %s → %s, %s/%s, answer due %s, return due %s%n", cert.materialName(), cert.toDepartment(), cert.origin(),
                cert.complexity(), cert.answerDueAt(), cert.returnDueAt());
        mz.workOrders().runDueActions();
        org.mianzheng.api.WorkOrder returned = mz.workOrders().find(cert.id()).orElseThrow();
        out.printf("   returned by %s: %s — suggests %s%n", returned.closedBy(), returned.returnReason(), returned.transferSuggestion());
        org.mianzheng.api.WorkOrder transferred = mz.workOrders().transfer(returned.id(), "clerk-li");
        mz.workOrders().runDueActions();
        List<org.mianzheng.api.WorkOrder> chain = mz.workOrders().chain(transferred.id());
        out.printf("   transferred: chain %s%n", chain.stream().map(o -> o.toDepartment() + ":" + o.state()).toList());
        check(chain.size() == 2 && chain.get(1).state() == org.mianzheng.api.WorkOrderState.COMPLETED
                && Boolean.TRUE.equals(chain.get(0).compliant()), "returned in time, transferred and completed");

        org.mianzheng.api.OnlineOutcome online = mz.workOrders().requestOnline(new org.mianzheng.api.OnlineRequest("WEB-2026-0301", "app-user-88",
                resident, "11150300ZJ0003", "WFZM", "申请公共租赁住房", org.mianzheng.api.Complexity.NORMAL));
        out.printf("online 无房证明: issued at once %s (%s), pushed to the applicant: %s%n", online.issuedImmediately(),
                online.issuedImmediately() ? online.certificate().type() : "-", notices.stream().anyMatch(n -> n.kind()
                        == org.mianzheng.api.Notification.Kind.RESULT_PUSH));
        check(online.issuedImmediately(), "online certification issued at once from connected data and pushed (Art. 10(三)3)");

        out.println();
        out.println("-- 6. Sealed, signed receipts with voucher numbers (Art. 13, 14) --");
        java.nio.file.Path receiptsDir = outDir.resolve("receipts");
        out.println(fast ? "(a fresh demo CA and seal key; signing: a second or two)"
                : "(a fresh demo CA and seal key, a loopback time-stamp authority; signing: a second or two)");
        try (DemoReceipts receipts = new DemoReceipts(mz, mz.clock(), !fast)) {
            java.nio.file.Files.createDirectories(receiptsDir);
            java.nio.file.Files.writeString(receiptsDir.resolve("trust-anchor.pem"), receipts.rootPem());
            org.mianzheng.api.License yyzzLicence = yyzz.license();
            Map<String, String> surface = new java.util.LinkedHashMap<>(yyzzLicence.surface());
            // the receipt prints the number and the (masked) holder already; keep the rest of the surface data
            surface.values().removeIf(val -> val.equals(company.id().value()) || val.equals(yyzzLicence.number()));
            var retrievalReceipt = receipts.issue(org.mianzheng.seal.ReceiptContent.builder()
                    .issuingUnit("乌海市行政审批和政务服务局")
                    .item(c.itemCode(), mz.catalog().plan(c.itemCode(), c.openedAt()).item().name())
                    .bizNo(c.bizNo())
                    .applicant(company)
                    .material(new org.mianzheng.seal.ReceiptContent.LicenseMaterial(yyzzLicence.licenseTypeCode(), "营业执照", yyzzLicence.number(),
                            yyzzLicence.issuerName(), yyzzLicence.validFrom(), yyzzLicence.validUntil(), surface))
                    .sourceChannel(yyzz.channel())
                    .operator("clerk-li", "李窗口")
                    .build());
            var resultReceipt = receipts.issue(org.mianzheng.seal.ReceiptContent.builder()
                    .issuingUnit("乌海市自然资源局")
                    .item(presale.itemCode(), mz.catalog().plan(presale.itemCode(), presale.openedAt()).item().name())
                    .bizNo(presale.bizNo())
                    .applicant(presale.applicant())
                    .resultText("定向核验结果：" + verified.materialName() + "经核验真实有效（结果文件 SHA-256 " + verified.result().sha256().substring(0, 16)
                            + "…）")
                    .sourceChannel("cityhub")
                    .operator("clerk-li", "李窗口")
                    .build());
            int valid = 0;
            for (var r : List.of(retrievalReceipt, resultReceipt)) {
                java.nio.file.Path file = receiptsDir.resolve(r.voucher().format() + ".pdf");
                java.nio.file.Files.write(file, r.pdf());
                var report = receipts.verify(java.nio.file.Files.readAllBytes(file));
                out.printf("   %s  %s  %d bytes  %s: %s%n", r.voucher().format(), r.level(), r.pdf().length, file,
                        report.valid() ? "verified (" + report.checks().size() + " checks passed)" : "FAILED " + report.failures());
                valid += report.valid() ? 1 : 0;
            }
            check(valid == 2, "receipts sealed, signed (PAdES " + (fast ? "B-B" : "B-T") + "), written and verified offline");
        } catch (java.io.IOException e) {
            check(false, "receipts written: " + e.getMessage());
        }

        out.println();
        out.println("-- 7. Audit chain --");
        AuditVerification verification = mz.audit().verify();
        out.printf("%s; head %d%n", verification.detail(), mz.audit().head().sequence());
        check(verification.ok(), "audit chain verifies");
        check(mz.violations().stream().filter(x -> x.refused()).count() == 1, "the refused retrieval is recorded as a violation");
        check(platforms.simulator().desk().created() == 3, "three directed requests reached the departments' desk");

        supervision(mz, c, company);

        out.println();
        if (failures.isEmpty()) {
            out.println("output: " + outDir);
        out.println("ALL CHECKS PASSED");
            return 0;
        }
        out.println("FAILED CHECKS:");
        failures.forEach(f -> out.println("  - " + f));
        return 1;
    }

    /** Section 7: complaints, violation review, service guide, spot check, access report and the usage report, written to {@link #outDir}. */
    private void supervision(Mianzheng mz, Case c, Holder applicant) {
        out.println();
        out.println("-- 8. Supervision: complaints, violations, guides, spot checks, reports (Art. 11, 12, 17, 18, 21) --");
        org.mianzheng.api.Complaint complaint = mz.complaints().record(new org.mianzheng.api.ComplaintRequest(
                org.mianzheng.api.ComplaintChannel.HOTLINE_12345, org.mianzheng.api.ComplaintCategory.ORIGINALS_DEMANDED, "T12345-20260302-0007",
                c.bizNo(), null, "申请人反映窗口要求提供营业执照复印件", applicant.id(), "sup-wang"));
        mz.complaints().assign(complaint.id(), "ZWFWJ", "sup-wang");
        org.mianzheng.api.Violation flagged = mz.supervision().reportOriginalsDemanded(c.bizNo(), "YYZZ", "clerk-li", "sup-wang", complaint.id());
        mz.supervision().confirm(flagged.id(), "sup-wang", "经核实，窗口索要已免提交材料的复印件，已责令改正");
        org.mianzheng.api.Complaint resolved = mz.complaints().resolve(complaint.id(), "sup-wang", true, "情况属实，已责令窗口改正并向申请人致歉");
        out.printf("12345 complaint %s… %s → %s (substantiated %s); violation %s flagged and CONFIRMED%n", complaint.id().substring(0, 8),
                complaint.category(), resolved.state(), resolved.substantiated(), flagged.kind());
        org.mianzheng.api.Violation refusal = mz.supervision().reviewQueue("sup-wang").get(0);
        org.mianzheng.api.ViolationReview dismissed = mz.supervision().dismiss(refusal.id(), "sup-wang",
                org.mianzheng.api.LiabilityExemptionGround.OTHER_LAWFUL_GROUND, "误点调取未授权材料，系统已拒绝，未获取数据");
        out.printf("refused retrieval (%s) DISMISSED on %s (%s)%n", refusal.kind(), dismissed.ground().article(), dismissed.ground().chinese());
        check(mz.supervision().reviewQueue("sup-wang").isEmpty(), "every recorded violation reviewed, each decision audited");

        org.mianzheng.api.ServiceGuide guide = mz.guides().guide("11150300JT0002");
        out.printf("办事指南 %s: %d materials no longer brought, %d still needed%n", guide.itemName(), guide.notNeeded().size(),
                guide.stillNeeded().size());
        guide.stillNeeded().forEach(e -> out.printf("   still needed: %s — %s%n", e.name(), e.explanation()));
        check(!guide.notNeeded().isEmpty() && !guide.stillNeeded().isEmpty() && guide.stillNeeded().stream().allMatch(e -> e.reason() != null),
                "the service guide says what the applicant no longer brings and why the rest is needed (Art. 17)");

        java.time.LocalDate today = mz.clock().instant().atZone(Mianzheng.DEFAULT_ZONE).toLocalDate();
        org.mianzheng.api.ReportPeriod day = org.mianzheng.api.ReportPeriod.days(today, today, Mianzheng.DEFAULT_ZONE);
        org.mianzheng.api.SpotCheck spot = mz.supervision().spotCheck(new org.mianzheng.api.SpotCheckRequest(day, null, 2, 20260302L), "sup-wang");
        out.printf("spot check (seed 20260302): %s of %d cases, trails of %s events%n", spot.bizNos(), spot.population(),
                spot.cases().stream().map(k -> Integer.toString(k.trail().size())).toList());
        org.mianzheng.api.AccessReport access = mz.supervision().accessReport(new org.mianzheng.api.SelfAccessRequest(applicant.id(), "clerk-li",
                ConsentMethod.FACE_MATCH, "face-20260302-0010", Digests.sha256Hex("face match".getBytes(StandardCharsets.UTF_8))));
        out.printf("who accessed my data (%s, asked at the window): %d acts, %d retrievals%n", access.holderMasked(), access.entries().size(),
                access.of(org.mianzheng.api.AuditType.RETRIEVAL).size());

        org.mianzheng.api.UsageReport report = mz.supervision().report(day, null, "sup-wang");
        org.mianzheng.api.UsageFigures t = report.totals();
        out.printf("usage report %s%s: cases %d, retrievals %d, exemption rate %s, directed compliance %s (P50 %d ms), violations %d, "
                + "complaints %d%n", today, report.complete() ? "" : " (provisional: the day is not over)", t.casesOpened(), t.retrievals().total(),
                t.exemption(), t.directed().compliance(), t.directed().responseP50() == null ? 0 : t.directed().responseP50().toMillis(),
                t.violations().total(), t.complaints().received());
        check(t.casesOpened() == 5 && t.directed().created() == 3 && t.complaints().received() == 1 && t.violations().confirmed() == 1,
                "the usage report counts the day's cases, directed requests, complaints and reviews");
        try {
            List<java.nio.file.Path> files = new ArrayList<>(org.mianzheng.core.supervision.SupervisionExports.writeUsageReport(report, outDir,
                    "usage-report-" + today));
            java.nio.file.Path g = outDir.resolve("guide-" + guide.itemCode() + ".html");
            java.nio.file.Files.writeString(g, org.mianzheng.core.supervision.SupervisionExports.guideHtml(guide), StandardCharsets.UTF_8);
            files.add(g);
            java.nio.file.Path gj = outDir.resolve("guide-" + guide.itemCode() + ".json");
            java.nio.file.Files.writeString(gj, org.mianzheng.core.supervision.SupervisionExports.guideJson(guide), StandardCharsets.UTF_8);
            files.add(gj);
            java.nio.file.Path sc = outDir.resolve("spot-check-" + today + ".json");
            java.nio.file.Files.writeString(sc, org.mianzheng.core.supervision.SupervisionExports.spotCheckJson(spot), StandardCharsets.UTF_8);
            files.add(sc);
            java.nio.file.Path ar = outDir.resolve("access-report-applicant.json");
            java.nio.file.Files.writeString(ar, org.mianzheng.core.supervision.SupervisionExports.accessReportJson(access), StandardCharsets.UTF_8);
            files.add(ar);
            boolean clean = true;
            for (java.nio.file.Path p : files) {
                String text = java.nio.file.Files.readString(p, StandardCharsets.UTF_8);
                clean &= !text.contains(applicant.id().value()) && !text.contains(applicant.name());
            }
            check(clean, "no export holds the applicant's identity number or name");
            out.println("wrote " + files.size() + " files to " + outDir.toAbsolutePath().normalize() + ":");
            files.forEach(p -> out.println("   " + p.getFileName()));
            out.println("supervision report: " + files.get(2).toAbsolutePath().normalize());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            check(false, "write the reports to " + outDir + " (" + e.getMessage() + ")");
        }
    }

    private void printPlan(Plan plan) {
        out.printf("%s %s (catalog v%d)%n", plan.itemCode(), plan.item().name(), plan.catalogVersion());
        for (MaterialPlan m : plan.materials()) {
            String what = switch (m.decision()) {
                case EXEMPT -> "免提交 EXEMPT — " + m.mode() + " via " + String.join(" → ", m.channels());
                case DIRECTED -> "定向 DIRECTED — request to " + m.directedTo();
                case MUST_SUBMIT -> "需提交 MUST_SUBMIT — " + m.reason().chinese() + " [" + m.reason() + ", " + m.article() + "]";
            };
            out.printf("   %-8s %-16s %s%n", m.materialCode(), m.material().name(), what);
        }
    }

    private void check(boolean ok, String what) {
        out.println((ok ? "  ✓ " : "  ✗ ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    /** @return decisions counted, for tests */
    static long count(Plan p, MaterialDecision d) {
        return p.with(d).size();
    }
}
