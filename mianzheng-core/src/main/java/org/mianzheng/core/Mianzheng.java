package org.mianzheng.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AccountService;
import org.mianzheng.api.AuditLog;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.CaseService;
import org.mianzheng.api.Codes;
import org.mianzheng.api.ConsentService;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Operator;
import org.mianzheng.api.RetrievalService;
import org.mianzheng.api.Role;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.api.spi.ConsentStore;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.api.spi.ViolationStore;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.audit.AuditSubjects;
import org.mianzheng.core.cases.DefaultCaseService;
import org.mianzheng.core.catalog.DefaultExemptionCatalog;
import org.mianzheng.core.consent.DefaultConsentService;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.ActGuard;
import org.mianzheng.core.internal.ConsentedLookup;
import org.mianzheng.core.retrieval.CachedLicense;
import org.mianzheng.core.retrieval.DefaultRetrievalService;
import org.mianzheng.core.retrieval.RetrievalSettings;
import org.mianzheng.core.store.InMemoryAuditStore;
import org.mianzheng.core.store.InMemoryCaseStore;
import org.mianzheng.core.store.InMemoryCatalogStore;
import org.mianzheng.core.store.InMemoryConsentStore;
import org.mianzheng.core.store.InMemoryOperatorStore;
import org.mianzheng.core.store.InMemoryViolationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for embedders. Build it once with the clock, stores and adapters registered explicitly;
 * reach every capability through it; {@link #close()} it to stop its threads.
 *
 * <pre>{@code
 * Mianzheng mz = Mianzheng.builder()
 *         .clock(Clock.system(Mianzheng.DEFAULT_ZONE))
 *         .licenseSource(oneWindowClient)          // tried first
 *         .licenseSource(cityHubClient)            // then this one
 *         .auditSubjectKey(secretFromYourVault)
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe once built. The engine owns its daemon threads: a timer for the channels' deadlines, a small executor
 * for continuations of remote calls, a thread for the work-order sweep (whose calls to the desk and the notifier may
 * take their time without holding up a deadline) and, on a shared audit store, one following other engines' changes;
 * adapters start no threads of their own.
 */
public final class Mianzheng implements AutoCloseable {
    /** The city's time zone, used by calendars and by default clocks. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(Mianzheng.class);
    private static final byte[] DEMO_SUBJECT_KEY = "mianzheng-demo-subject-key-change-me".getBytes(StandardCharsets.UTF_8);

    private final Clock clock;
    private final DefaultExemptionCatalog catalog;
    private final DefaultCaseService cases;
    private final AuditChain audit;
    private final AuditSubjects subjects;
    private final ViolationRecorder violations;
    private final DefaultAccountService accounts;
    private final DefaultConsentService consents;
    private final ConsentedLookup lookup;
    private final DefaultRetrievalService retrieval;
    private final org.mianzheng.core.calendar.CalendarRegistry calendars;
    private final org.mianzheng.core.workorders.DefaultWorkOrderService workOrders;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService executor;
    /** The work-order sweep's thread, or {@code null} when the sweep is off. */
    private final ScheduledExecutorService sweeper;
    private final org.mianzheng.core.supervision.DefaultSupervisionService supervision;
    private final org.mianzheng.core.supervision.DefaultComplaintService complaints;
    private final org.mianzheng.core.supervision.DefaultServiceGuideService guides;
    private final org.mianzheng.core.internal.ChangeFollower follower;
    private final java.time.Duration followEvery;
    private final ScheduledExecutorService followerThread;
    /** How often an engine on a shared audit store follows it for other engines' changes, unless set. */
    public static final java.time.Duration DEFAULT_FOLLOW_CHANGES = java.time.Duration.ofSeconds(5);
    /**
     * How long the sweep waits by default for a completed directed request's result file: beyond the bundled cityhub
     * client's worst case with its default timeouts and retries ({@code PlatformConfig.worstCaseCall()}, about 80 s), so
     * the client gives its own answer first; a desk that stops answering holds the sweep's notices up once.
     */
    public static final java.time.Duration DEFAULT_DIRECTED_RESULT_TIMEOUT = java.time.Duration.ofSeconds(90);

    private Mianzheng(Builder b) {
        this.clock = b.clock != null ? b.clock : Clock.system(DEFAULT_ZONE);
        this.calendars = b.calendars != null ? b.calendars
                : new org.mianzheng.core.calendar.CalendarRegistry(org.mianzheng.core.calendar.WorkingCalendar.china());
        OpeningHours hours = b.openingHours != null ? b.openingHours : OpeningHours.following(calendars);
        RetrievalSettings settings = b.retrievalSettings != null ? b.retrievalSettings : RetrievalSettings.defaults();
        if (b.auditSubjectKey == null) {
            LOG.warn("no audit subject key configured: using the built-in demo key; set Builder.auditSubjectKey in production");
        }
        this.subjects = new AuditSubjects(b.auditSubjectKey != null ? b.auditSubjectKey : DEMO_SUBJECT_KEY);
        AuditStore auditStore = b.auditStore != null ? b.auditStore : new InMemoryAuditStore();
        this.audit = new AuditChain(clock, auditStore);
        this.violations = new ViolationRecorder(clock, b.violationStore != null ? b.violationStore : new InMemoryViolationStore(), audit);
        this.catalog = new DefaultExemptionCatalog(clock, b.catalogStore != null ? b.catalogStore : new InMemoryCatalogStore());
        this.cases = new DefaultCaseService(clock, catalog, b.caseStore != null ? b.caseStore : new InMemoryCaseStore());
        this.accounts = new DefaultAccountService(clock, b.operatorStore != null ? b.operatorStore : new InMemoryOperatorStore(), catalog, audit,
                violations);
        audit.bindAccounts(accounts);
        ActGuard guard = new ActGuard() {
            @Override
            public void authorize(String operatorId, Role role, String departmentCode, String bizNo, String act) {
                Operator op = accounts.authorize(operatorId, role, bizNo, act);
                if (departmentCode != null && !departmentCode.equals(op.departmentCode())) {
                    throw violations.refuse(ViolationKind.WRONG_ROLE, op.id(), bizNo, "account " + op.id() + " of " + op.departmentCode()
                            + " may not " + act + " for department " + departmentCode, Map.of("act", act, "department", departmentCode));
                }
            }

            @Override
            public org.mianzheng.api.AuditEvent audit(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
                return audit.append(type, actor, bizNo, subject, detail);
            }

            @Override
            public RuntimeException notSaved(org.mianzheng.api.AuditEvent attempted, String actor, String idKey, String id) {
                return audit.appendNotSaved(attempted, actor, idKey, id);
            }
        };
        catalog.bind(guard);
        cases.bind(guard, subjects::subject);
        this.consents = new DefaultConsentService(clock, b.consentStore != null ? b.consentStore : new InMemoryConsentStore(), cases, catalog,
                accounts, audit, subjects, hours);
        java.util.concurrent.atomic.AtomicReference<ConsentedLookup> evictionsTo = new java.util.concurrent.atomic.AtomicReference<>();
        Cache<ConsentedLookup.CacheKey, CachedLicense> cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheMaxEntries())
                .expireAfterWrite(settings.cacheTtl())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .evictionListener((ConsentedLookup.CacheKey k, CachedLicense v, com.github.benmanes.caffeine.cache.RemovalCause cause) -> {
                    ConsentedLookup l = evictionsTo.get();
                    if (l != null) {
                        l.evicted(k, v);
                    }
                })
                .build();
        this.lookup = new ConsentedLookup(clock, accounts, cases, catalog, consents, violations, cache, subjects::subject, settings.cacheTtl());
        evictionsTo.set(lookup);
        consents.onChange(lookup::consentsChanged);
        consents.onRevoke((consent, materials) -> {
            java.util.Set<String> types = new java.util.HashSet<>();
            catalog.plan(consent.itemCode(), cases.cached(consent.bizNo()).openedAt()).materials().forEach(m -> {
                if (materials.contains(m.materialCode()) && m.material().licenseTypeCode() != null) {
                    types.add(m.material().licenseTypeCode());
                }
            });
            lookup.evict(consent.bizNo(), types);
        });
        java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, daemon("mianzheng-timer"));
        timer.setRemoveOnCancelPolicy(true); // a timeout cancelled when its answer came does not keep its query until it would have fired
        this.scheduler = timer;
        this.executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), daemon("mianzheng-worker"));
        this.retrieval = new DefaultRetrievalService(clock, settings, b.sources, lookup, audit, violations, hours, scheduler, executor);
        org.mianzheng.core.workorders.SlaSettings sla = b.slaSettings != null ? b.slaSettings : org.mianzheng.core.workorders.SlaSettings.defaults();
        this.workOrders = new org.mianzheng.core.workorders.DefaultWorkOrderService(clock,
                b.workOrderStore != null ? b.workOrderStore : new org.mianzheng.core.store.InMemoryWorkOrderStore(), catalog, lookup, accounts, audit,
                subjects, violations, calendars, b.notifier, b.directedChannel, b.certificationSources,
                b.slaRules != null ? b.slaRules : org.mianzheng.api.SlaRuleSet.defaults(), b.earlierSlaRules, sla, settings.channelTimeout(),
                b.directedResultTimeout != null ? b.directedResultTimeout : DEFAULT_DIRECTED_RESULT_TIMEOUT);
        this.supervision = new org.mianzheng.core.supervision.DefaultSupervisionService(clock, audit, auditStore, subjects, accounts, catalog, cases,
                consents, workOrders, violations, b.violationReviewStore != null ? b.violationReviewStore
                : new org.mianzheng.core.store.InMemoryViolationReviewStore());
        this.complaints = new org.mianzheng.core.supervision.DefaultComplaintService(clock, b.complaintStore != null ? b.complaintStore
                : new org.mianzheng.core.store.InMemoryComplaintStore(), audit, subjects, accounts, catalog, cases, violations);
        this.guides = new org.mianzheng.core.supervision.DefaultServiceGuideService(clock, catalog);
        this.follower = new org.mianzheng.core.internal.ChangeFollower(auditStore, consents, accounts, audit.startSequence());
        this.followEvery = b.followChanges != null ? b.followChanges
                : auditStore.sharedWithOtherEngines() ? DEFAULT_FOLLOW_CHANGES : java.time.Duration.ZERO;
        if (!followEvery.isZero()) { // its own thread: a slow store must not hold up channel timeouts or the SLA sweep
            long ms = Math.max(1, followEvery.toMillis());
            this.followerThread = Executors.newSingleThreadScheduledExecutor(daemon("mianzheng-follower"));
            followerThread.scheduleWithFixedDelay(() -> periodic("following the audit chain for other engines' changes", follower::poll),
                    ms, ms, TimeUnit.MILLISECONDS);
        } else {
            this.followerThread = null;
        }
        if (!sla.sweepEvery().isZero()) { // its own thread: a sweep waiting on the desk must not hold up the channels' deadlines
            long ms = sla.sweepEvery().toMillis();
            this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("mianzheng-sweep"));
            sweeper.scheduleWithFixedDelay(() -> periodic("work-order sweep", workOrders::runDueActions), ms, ms, TimeUnit.MILLISECONDS);
        } else {
            this.sweeper = null;
        }
    }

    /** Runs one round of a periodic task: a failure is logged and the next round runs; an {@code Error} ends the task, logged. */
    private static void periodic(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", what, e.toString());
        } catch (Error e) {
            LOG.error("{} stopped: {}", what, e.toString());
            throw e;
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the engine clock */
    public Clock clock() {
        return clock;
    }

    /** @return the exemption catalog and plans */
    public ExemptionCatalog catalog() {
        return catalog;
    }

    /** @return cases and voluntary submissions */
    public CaseService cases() {
        return cases;
    }

    /** @return operator accounts and liaisons */
    public AccountService accounts() {
        return accounts;
    }

    /** @return on-site consents */
    public ConsentService consents() {
        return consents;
    }

    /** @return consent-bound retrieval */
    public RetrievalService retrieval() {
        return retrieval;
    }

    /** @return directed requests under SLA */
    public org.mianzheng.api.WorkOrderService workOrders() {
        return workOrders;
    }

    /**
     * Dry run of a calendar update: which open orders would change deadline or breach status.
     *
     * @param change the update, e.g. {@code s -> s.withYears(CalendarJson.parse(path))}
     * @return the orders that would change
     */
    public java.util.List<org.mianzheng.api.DeadlineShift> previewCalendarUpdate(
            java.util.function.UnaryOperator<org.mianzheng.core.calendar.CalendarRegistry.Snapshot> change) {
        return workOrders.previewCalendarUpdate(change);
    }

    /**
     * Applies a calendar update and recomputes the deadlines of open orders; audited.
     *
     * @param change     the update
     * @param operatorId a supervisor
     * @return the orders that changed
     */
    public java.util.List<org.mianzheng.api.DeadlineShift> applyCalendarUpdate(
            java.util.function.UnaryOperator<org.mianzheng.core.calendar.CalendarRegistry.Snapshot> change, String operatorId) {
        return workOrders.applyCalendarUpdate(change, operatorId);
    }

    /** @return the working calendars (default and per department) */
    public org.mianzheng.core.calendar.CalendarRegistry calendars() {
        return calendars;
    }

    /**
     * Records an act done outside the engine in the audit chain — e.g. the seal module's seal uses and issued
     * receipts. Fail closed: throws {@link org.mianzheng.api.AuditException} if it could not be recorded, and the
     * caller must then not complete the act.
     *
     * @param record the act (no identity numbers in the detail; use {@link #auditSubject} for the data subject)
     * @return the event as stored
     */
    public org.mianzheng.api.AuditEvent record(org.mianzheng.api.AuditRecord record) {
        return audit.append(record);
    }

    /** @return usage reports, violation review, spot checks, "who accessed my data" (Art. 11, 12, 18, 19) */
    public org.mianzheng.api.SupervisionService supervision() {
        return supervision;
    }

    /** @return complaints: 办不成事反映 and 12345 (Art. 21) */
    public org.mianzheng.api.ComplaintService complaints() {
        return complaints;
    }

    /** @return applicant-facing service guides derived from the catalog (Art. 17) */
    public org.mianzheng.api.ServiceGuideService guides() {
        return guides;
    }

    /** @return the audit chain */
    public AuditLog audit() {
        return audit;
    }

    /** @return violations recorded by the misuse guard */
    public java.util.List<org.mianzheng.api.Violation> violations() {
        return violations.all();
    }

    /**
     * @param holder a holder id
     * @return its subject digest, as recorded in audit events
     */
    public String auditSubject(org.mianzheng.api.HolderId holder) {
        return subjects.subject(holder);
    }

    /** @return the engine's internals for benchmarks and diagnostics; unsupported */
    public Internals internals() {
        return new Internals();
    }

    /** Unsupported access to internals (benchmarks, diagnostics). */
    public final class Internals {
        private Internals() {
        }

        /** @return the work-order engine */
        public org.mianzheng.core.workorders.DefaultWorkOrderService workOrders() {
            return workOrders;
        }

        /** @return the checked cache path of retrieval */
        public ConsentedLookup lookup() {
            return lookup;
        }

        /** @return the audit chain */
        public AuditChain audit() {
            return audit;
        }

        /** @return the supervision engine (e.g. {@code compute} a report without audit, for benchmarks) */
        public org.mianzheng.core.supervision.DefaultSupervisionService supervision() {
            return supervision;
        }

        /**
         * Reads the audit chain once for other engines' consent and account changes and applies them, as the engine
         * does every {@link Builder#followChanges} interval.
         *
         * @return the changes applied
         * @throws org.mianzheng.api.AdapterException if the audit store cannot be read
         */
        public int followChanges() {
            return follower.poll();
        }

        /** @return the other engines' changes read from the chain that could not be applied yet and will be tried again */
        public int followRetrying() {
            return follower.retrying();
        }

        /** @return how often the engine follows the audit chain for other engines' changes; zero if it does not */
        public java.time.Duration followEvery() {
            return followEvery;
        }

        /**
         * @param channel channel id
         * @return its circuit breaker state
         */
        public String breakerState(String channel) {
            return retrieval.breakerState(channel);
        }
    }

    /** Stops the engine's threads. Retrievals in flight complete exceptionally or not at all. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        executor.shutdownNow();
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (followerThread != null) {
            followerThread.shutdownNow();
        }
    }

    /**
     * Builder with set-once setters: setting a property twice is a programming error and fails. Unset stores
     * default to the in-memory ones; the clock defaults to the system clock in Asia/Shanghai.
     */
    public static final class Builder {
        private Clock clock;
        private CatalogStore catalogStore;
        private CaseStore caseStore;
        private AuditStore auditStore;
        private OperatorStore operatorStore;
        private ConsentStore consentStore;
        private ViolationStore violationStore;
        private RetrievalSettings retrievalSettings;
        private OpeningHours openingHours;
        private byte[] auditSubjectKey;
        private org.mianzheng.api.spi.WorkOrderStore workOrderStore;
        private org.mianzheng.api.spi.Notifier notifier;
        private org.mianzheng.api.spi.DirectedRequestChannel directedChannel;
        private final java.util.List<org.mianzheng.api.spi.CertificationSource> certificationSources = new java.util.ArrayList<>();
        private org.mianzheng.api.SlaRuleSet slaRules;
        private java.util.List<org.mianzheng.api.SlaRuleSet> earlierSlaRules = java.util.List.of();
        private org.mianzheng.core.workorders.SlaSettings slaSettings;
        private java.time.Duration directedResultTimeout;
        private org.mianzheng.core.calendar.CalendarRegistry calendars;
        private org.mianzheng.api.spi.ComplaintStore complaintStore;
        private org.mianzheng.api.spi.ViolationReviewStore violationReviewStore;
        private java.time.Duration followChanges;
        private final Map<String, LicenseSource> sources = new LinkedHashMap<>();

        private Builder() {
        }

        private static <T> T once(T current, T value, String name) {
            InvalidValueException.requireNonNull(value, name);
            if (current != null) {
                throw new InvalidValueException(name, "already set on this builder");
            }
            return value;
        }

        /**
         * @param clock the engine clock (inject a fixed or mutable clock in tests)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * @param store where catalog filings live
         * @return this
         */
        public Builder catalogStore(CatalogStore store) {
            this.catalogStore = once(this.catalogStore, store, "catalogStore");
            return this;
        }

        /**
         * @param store where cases live
         * @return this
         */
        public Builder caseStore(CaseStore store) {
            this.caseStore = once(this.caseStore, store, "caseStore");
            return this;
        }

        /**
         * @param store where the audit chain lives
         * @return this
         */
        public Builder auditStore(AuditStore store) {
            this.auditStore = once(this.auditStore, store, "auditStore");
            return this;
        }

        /**
         * @param store where accounts live
         * @return this
         */
        public Builder operatorStore(OperatorStore store) {
            this.operatorStore = once(this.operatorStore, store, "operatorStore");
            return this;
        }

        /**
         * @param store where consents live
         * @return this
         */
        public Builder consentStore(ConsentStore store) {
            this.consentStore = once(this.consentStore, store, "consentStore");
            return this;
        }

        /**
         * @param store where violations live
         * @return this
         */
        public Builder violationStore(ViolationStore store) {
            this.violationStore = once(this.violationStore, store, "violationStore");
            return this;
        }

        /**
         * Registers a licence source under its {@link LicenseSource#id()}; the catalog's channel order decides the order
         * in which they are tried.
         *
         * @param source the adapter
         * @return this
         */
        public Builder licenseSource(LicenseSource source) {
            InvalidValueException.requireNonNull(source, "licenseSource");
            String id = Codes.require(source.id(), "licenseSource.id");
            if (sources.putIfAbsent(id, source) != null) {
                throw new InvalidValueException("licenseSource", "a source with id " + id + " is registered already");
            }
            return this;
        }

        /**
         * @param settings retrieval and misuse-guard settings
         * @return this
         */
        public Builder retrievalSettings(RetrievalSettings settings) {
            this.retrievalSettings = once(this.retrievalSettings, settings, "retrievalSettings");
            return this;
        }

        /**
         * @param hours office hours (flags retrievals outside them; consents expire at the end of the working day)
         * @return this
         */
        public Builder openingHours(OpeningHours hours) {
            this.openingHours = once(this.openingHours, hours, "openingHours");
            return this;
        }

        /**
         * @param key secret key (≥ 16 bytes) for the audit chain's subject digests; keep it for the life of the log
         * @return this
         */
        public Builder auditSubjectKey(byte[] key) {
            this.auditSubjectKey = once(this.auditSubjectKey, key == null ? null : key.clone(), "auditSubjectKey");
            return this;
        }

        /**
         * @param store where work orders and their notification outbox live
         * @return this
         */
        public Builder workOrderStore(org.mianzheng.api.spi.WorkOrderStore store) {
            this.workOrderStore = once(this.workOrderStore, store, "workOrderStore");
            return this;
        }

        /**
         * @param notifier delivers SLA warnings, escalations, result pushes and calendar alarms
         * @return this
         */
        public Builder notifier(org.mianzheng.api.spi.Notifier notifier) {
            this.notifier = once(this.notifier, notifier, "notifier");
            return this;
        }

        /**
         * @param channel carries directed requests to the departments' desks (e.g. the cityhub client)
         * @return this
         */
        public Builder directedRequestChannel(org.mianzheng.api.spi.DirectedRequestChannel channel) {
            this.directedChannel = once(this.directedChannel, channel, "directedRequestChannel");
            return this;
        }

        /**
         * @param source a connected source that issues certifications at once for online requests (repeatable)
         * @return this
         */
        public Builder certificationSource(org.mianzheng.api.spi.CertificationSource source) {
            certificationSources.add(InvalidValueException.requireNonNull(source, "certificationSource"));
            return this;
        }

        /**
         * @param rules   the SLA rule table in force (default {@link org.mianzheng.api.SlaRuleSet#defaults()})
         * @param earlier earlier tables that open orders may still name by version. Tables put in force at run time
         *                ({@code configureRules}) are kept in memory only: after a restart, give the engine the current
         *                one and the earlier ones here (they are in the audit log, {@code RULES_CONFIGURED}), or orders
         *                under an unknown version cannot be re-classified and keep their deadlines through calendar
         *                updates. Every earlier version must be lower than the current one.
         * @return this
         */
        public Builder slaRules(org.mianzheng.api.SlaRuleSet rules, org.mianzheng.api.SlaRuleSet... earlier) {
            java.util.List<org.mianzheng.api.SlaRuleSet> before = java.util.Arrays.asList(
                    org.mianzheng.api.InvalidValueException.requireNonNull(earlier, "earlier").clone());
            java.util.Set<Integer> versions = new java.util.HashSet<>();
            for (org.mianzheng.api.SlaRuleSet e : before) {
                if (org.mianzheng.api.InvalidValueException.requireNonNull(e, "earlier rule set").version()
                        >= org.mianzheng.api.InvalidValueException.requireNonNull(rules, "slaRules").version()) {
                    throw new org.mianzheng.api.InvalidValueException("slaRules", "earlier rule set version " + e.version()
                            + " is not below the version in force, " + rules.version());
                }
                if (!versions.add(e.version())) {
                    throw new org.mianzheng.api.InvalidValueException("slaRules", "rule set version " + e.version() + " is given twice");
                }
            }
            this.slaRules = once(this.slaRules, rules, "slaRules");
            this.earlierSlaRules = before;
            return this;
        }

        /**
         * How often the engine reads the audit chain for consent and account changes made by other engines on the
         * same stores (a consent granted or revoked, an account deregistered) and applies them to its caches, on a
         * thread of its own. Another engine's revocation or deregistration is then honoured here no later than this
         * interval plus the time to read and apply what came.
         *
         * @param every the interval; {@link java.time.Duration#ZERO} to not follow (default: 5 s if the audit store
         *              is {@linkplain AuditStore#sharedWithOtherEngines() shared with other engines}, else not)
         * @return this
         */
        public Builder followChanges(java.time.Duration every) {
            InvalidValueException.requireNonNull(every, "followChanges");
            if (every.isNegative()) {
                throw new InvalidValueException("followChanges", "must not be negative");
            }
            this.followChanges = once(this.followChanges, every, "followChanges");
            return this;
        }

        /**
         * @param settings warning, escalation and sweep settings
         * @return this
         */
        public Builder slaSettings(org.mianzheng.core.workorders.SlaSettings settings) {
            this.slaSettings = once(this.slaSettings, settings, "slaSettings");
            return this;
        }

        /**
         * @param timeout how long the work-order sweep waits for a completed directed request's result file (default
         *                {@link #DEFAULT_DIRECTED_RESULT_TIMEOUT}); the other directed calls (submit, status, cancel) wait
         *                the retrieval settings' {@code channelTimeout}. A file takes longer than a call: give it at least
         *                the adapter's file timeout times its attempts ({@code PlatformConfig.worstCaseCall()} for the
         *                bundled cityhub client)
         * @return this
         */
        public Builder directedResultTimeout(java.time.Duration timeout) {
            org.mianzheng.api.InvalidValueException.requireNonNull(timeout, "directedResultTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new org.mianzheng.api.InvalidValueException("directedResultTimeout", "must be positive");
            }
            this.directedResultTimeout = once(this.directedResultTimeout, timeout, "directedResultTimeout");
            return this;
        }

        /**
         * @param calendars working calendars per department (default: the bundled Chinese calendar for all)
         * @return this
         */
        public Builder calendars(org.mianzheng.core.calendar.CalendarRegistry calendars) {
            this.calendars = once(this.calendars, calendars, "calendars");
            return this;
        }

        /**
         * @param store where complaints live (Art. 21)
         * @return this
         */
        public Builder complaintStore(org.mianzheng.api.spi.ComplaintStore store) {
            this.complaintStore = once(this.complaintStore, store, "complaintStore");
            return this;
        }

        /**
         * @param store where supervisors' violation reviews live (Art. 11, 12)
         * @return this
         */
        public Builder violationReviewStore(org.mianzheng.api.spi.ViolationReviewStore store) {
            this.violationReviewStore = once(this.violationReviewStore, store, "violationReviewStore");
            return this;
        }

        /**
         * @return the engine; stores are replayed now
         * @throws org.mianzheng.api.StoreException if a store cannot be read
         */
        public Mianzheng build() {
            return new Mianzheng(this);
        }
    }

}
