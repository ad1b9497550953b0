package org.mianzheng.core.retrieval;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.ArchiveAct;
import org.mianzheng.api.ArchiveCopy;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Case;
import org.mianzheng.api.ChannelAttempt;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MaterialPlan;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.MustSubmitReason;
import org.mianzheng.api.RetrievalException;
import org.mianzheng.api.RetrievalOutcome;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.RetrievalService;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.core.OpeningHours;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.guard.ViolationRecorder;
import org.mianzheng.core.internal.ConsentedLookup;
import org.mianzheng.core.internal.ConsentedLookup.Checked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's {@link RetrievalService}: checks (account, case, material, consent) → misuse flags → cache → the
 * channels in the plan's order, each behind its own circuit breaker and timeout, all within one overall deadline;
 * no retry of a channel (adapters may retry idempotent queries within their time). When no channel can serve, the
 * material falls back to {@code MUST_SUBMIT} with the reason (Art. 5). Every step is an audit event; if the final
 * event cannot be recorded, the result is withheld (fail closed).
 */
public final class DefaultRetrievalService implements RetrievalService {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultRetrievalService.class);

    private final Clock clock;
    private final ZoneId zone;
    private final RetrievalSettings settings;
    private final Map<String, LicenseSource> sources;
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
    private final ConsentedLookup lookup;
    private final AuditChain audit;
    private final ViolationRecorder violations;
    private final OpeningHours openingHours;
    private final BulkTracker bulk;
    private final ScheduledExecutorService scheduler;
    private final Executor executor;

    /**
     * @param clock       engine clock
     * @param settings    settings
     * @param sources     licence sources by channel id
     * @param lookup      the checked cache path
     * @param audit       audit chain
     * @param violations  violation recorder
     * @param openingHours office hours
     * @param scheduler   the engine's timer
     * @param executor    the engine's executor for continuations
     */
    public DefaultRetrievalService(Clock clock, RetrievalSettings settings, Map<String, LicenseSource> sources, ConsentedLookup lookup,
                                   AuditChain audit, ViolationRecorder violations, OpeningHours openingHours,
                                   ScheduledExecutorService scheduler, Executor executor) {
        this.clock = clock;
        this.zone = clock.getZone();
        this.settings = settings;
        this.sources = Map.copyOf(sources);
        this.lookup = lookup;
        this.audit = audit;
        this.violations = violations;
        this.openingHours = openingHours;
        this.bulk = new BulkTracker(settings.bulkWindow().toMillis());
        this.scheduler = scheduler;
        this.executor = executor;
        CircuitBreakerConfig cfg = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breakerFailureRatePct())
                .minimumNumberOfCalls(settings.breakerMinimumCalls())
                .slidingWindowSize(Math.max(settings.breakerMinimumCalls(), 20))
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(ChannelFault.class)
                .build();
        for (String id : sources.keySet()) {
            breakers.put(id, CircuitBreaker.of("mianzheng-" + id, cfg));
        }
    }

    /** Marker recorded against a channel's breaker for an unhealthy answer. */
    static final class ChannelFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChannelFault(SourceOutcome o) {
            super(o.name(), null, false, false);
        }
    }

    /**
     * @param channel a channel id
     * @return its circuit breaker state, e.g. {@code CLOSED}, {@code OPEN}
     */
    public String breakerState(String channel) {
        CircuitBreaker cb = breakers.get(channel);
        return cb == null ? "NONE" : cb.getState().name();
    }

    @Override
    public CompletionStage<RetrievalResult> retrieve(String bizNo, String materialCode, String operatorId) {
        try {
            return start(bizNo, materialCode, operatorId);
        } catch (MianzhengException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<List<RetrievalResult>> retrieveAll(String bizNo, String operatorId) {
        List<CompletableFuture<RetrievalResult>> all = new ArrayList<>();
        try {
            lookup.authorize(operatorId, bizNo, "retrieve"); // an unknown or deregistered account learns nothing of the case
            List<MaterialPlan> licences = lookup.plan(bizNo).materials().stream().filter(ConsentedLookup::retrievable).toList();
            for (MaterialPlan mp : licences) {
                if (lookup.covered(bizNo, mp.materialCode())) {
                    all.add(start(bizNo, mp.materialCode(), operatorId));
                }
            }
            if (all.isEmpty() && !licences.isEmpty()) {
                // nothing covered: the check records the refusal and throws
                lookup.check(bizNo, licences.get(0).materialCode(), operatorId, "retrieve");
            }
        } catch (MianzhengException e) {
            // fail once the materials started before it have settled: none is left running unseen, and each is
            // recorded and cached by the time the caller hears of the failure (with the failure itself, as retrieve fails)
            CompletableFuture<List<RetrievalResult>> failed = new CompletableFuture<>();
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).whenComplete((v, other) -> failed.completeExceptionally(e));
            return failed;
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<RetrievalResult> start(String bizNo, String materialCode, String operatorId) {
        Instant at = clock.instant(); // one reading for the checks, the flags, the cache and a hit's audit event
        long now = at.toEpochMilli();
        CachedLicense.Hit repeated = lookup.repeatedHit(bizNo, materialCode, operatorId, now);
        if (repeated != null) { // what check and hit below would establish, reached in one step
            return served(repeated, repeated.check(), at, now);
        }
        Checked ck = lookup.check(bizNo, materialCode, operatorId, "retrieve", now);
        if (!ck.retrievable()) {
            MaterialPlan mp = ck.material();
            throw new RetrievalException("material " + mp.materialCode() + " of case " + ck.theCase().bizNo() + " is " + mp.decision()
                    + (mp.decision() == MaterialDecision.EXEMPT ? " by " + mp.mode() + " of a " + mp.material().kind() : "")
                    + ": only exempt electronic licences are retrieved here");
        }
        String subject = ck.subject();
        CachedLicense hit = lookup.hit(ck, now);
        CachedLicense.Hit memo = hit == null ? null : hit.hit(ck, subject);
        BulkTracker.Holder holder = flags(ck, ck.operator().id(), subject, at, memo == null ? null : memo.holder);
        if (hit != null) {
            if (memo == null) { // the first hit under this check: later ones record the same act again, with the same result
                AuditRecord record = new AuditRecord(AuditType.CACHE_HIT, ck.operator().id(), ck.theCase().bizNo(), subject, Map.of("material",
                        ck.material().materialCode(), "channel", hit.channel(), "consent", ck.consent().id(), "retrievedAt", hit.retrievedAtText())).reusable();
                memo = hit.rememberHit(ck, subject, record, result(ck, hit.license(), hit.channel(), hit.retrievedAt(), true, List.of()));
            }
            lookup.rememberHit(memo);
            if (memo.holder != holder) {
                memo.holder = holder; // the next hit counts its holder without the tracker's lookup
            }
            return recorded(memo, ck, at, now);
        }
        Attempt run = new Attempt(ck, subject, System.nanoTime() + settings.overallDeadline().toNanos());
        try {
            executor.execute(() -> next(run, 0));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return CompletableFuture.failedFuture(new RetrievalException("the engine is closed: material " + ck.material().materialCode()
                    + " of case " + ck.theCase().bizNo() + " was not retrieved"));
        }
        return run.promise;
    }

    /**
     * A repeated hit: the flags, then its record and result again. What it needs of its check (the clerk, the account
     * version, the case state) is copied in the hit, so the check itself is read only when a flag is raised.
     */
    private CompletableFuture<RetrievalResult> served(CachedLicense.Hit memo, Checked ck, Instant at, long now) {
        BulkTracker.Holder holder = flags(ck, memo.operatorId(), memo.subject(), at, memo.holder);
        if (memo.holder != holder) {
            memo.holder = holder;
        }
        return recorded(memo, ck, at, now);
    }

    /** Records a hit and returns its result, once its check is seen to still hold after the record. */
    private CompletableFuture<RetrievalResult> recorded(CachedLicense.Hit memo, Checked ck, Instant at, long now) {
        audit.append(memo.record(), at);
        if (!lookup.stillHolds(memo)) { // a consent changed or an account was deregistered since the check: look again
            lookup.check(ck.theCase().bizNo(), ck.material().materialCode(), ck.operator().id(), "retrieve", now);
        }
        return CompletableFuture.completedFuture(memo.result());
    }

    /**
     * Counts the holder for the clerk and raises the misuse flags.
     *
     * @param ck    the check (its case is read only when a flag is raised)
     * @param op    its clerk's id
     * @param known the tracker's entry for this clerk and holder, kept from an earlier hit, or {@code null}
     * @return the entry touched, to keep for the next hit
     */
    private BulkTracker.Holder flags(Checked ck, String op, String subject, Instant now, BulkTracker.Holder known) {
        long millis = now.toEpochMilli();
        BulkTracker.Holder holder = known;
        int distinct = holder == null ? -1 : bulk.touch(holder, millis);
        while (distinct < 0) { // none kept, or it left the window
            holder = bulk.holder(op, subject);
            distinct = bulk.touch(holder, millis);
        }
        if (distinct > settings.bulkHolderLimit()) {
            String biz = ck.theCase().bizNo();
            Map<String, String> d = Map.of("distinctHolders", Integer.toString(distinct), "limit", Integer.toString(settings.bulkHolderLimit()),
                    "window", settings.bulkWindow().toString());
            if (settings.refuseBulk()) {
                throw violations.refuse(ViolationKind.BULK_HARVESTING, op, biz, "operator touched " + distinct + " distinct holders within "
                        + settings.bulkWindow(), d);
            }
            violations.record(ViolationKind.BULK_HARVESTING, op, biz, false, d);
        }
        if (!openingHours.isWorkingTime(now)) {
            String biz = ck.theCase().bizNo(); // read here only: a repeated hit does not need the case
            Map<String, String> d = Map.of("at", now.toString());
            if (settings.refuseOutsideOfficeHours()) {
                throw violations.refuse(ViolationKind.OUTSIDE_OFFICE_HOURS, op, biz, "retrieval outside office hours", d);
            }
            violations.record(ViolationKind.OUTSIDE_OFFICE_HOURS, op, biz, false, d);
        }
        return holder;
    }

    /** State of one retrieval across its channel attempts. */
    private static final class Attempt {
        final Checked ck;
        final String subject;
        final long deadlineNanos;
        final List<ChannelAttempt> attempts = new ArrayList<>();
        final CompletableFuture<RetrievalResult> promise = new CompletableFuture<>();
        boolean unusable;

        Attempt(Checked ck, String subject, long deadlineNanos) {
            this.ck = ck;
            this.subject = subject;
            this.deadlineNanos = deadlineNanos;
        }
    }

    private void next(Attempt run, int index) {
        try {
            List<String> channels = run.ck.material().channels();
            if (index >= channels.size()) {
                finish(run, null, null, run.unusable ? MustSubmitReason.LICENSE_NOT_USABLE : MustSubmitReason.NO_CHANNEL_AVAILABLE);
                return;
            }
            String channel = channels.get(index);
            LicenseSource source = sources.get(channel);
            long remaining = run.deadlineNanos - System.nanoTime();
            if (source == null) {
                record(run, channel, SourceResult.of(SourceOutcome.UNAVAILABLE, null, "no adapter registered for channel " + channel), 0);
                next(run, index + 1);
                return;
            }
            if (remaining <= 0) {
                record(run, channel, SourceResult.of(SourceOutcome.TIMEOUT, null, "overall deadline of " + settings.overallDeadline() + " passed"), 0);
                finish(run, null, null, MustSubmitReason.NO_CHANNEL_AVAILABLE);
                return;
            }
            CircuitBreaker cb = breakers.get(channel);
            if (!cb.tryAcquirePermission()) {
                record(run, channel, SourceResult.of(SourceOutcome.UNAVAILABLE, null, "circuit breaker open"), 0);
                next(run, index + 1);
                return;
            }
            LicenseQuery q;
            try {
                q = query(run, channel);
            } catch (RuntimeException e) {
                cb.releasePermission();
                throw e;
            }
            long channelTimeout = settings.channelTimeout().toNanos();
            long timeout = Math.min(channelTimeout, remaining);
            // a slot the overall deadline cut short is not the channel's fault: its timeout then does not count against it
            boolean cutByDeadline = timeout < channelTimeout;
            SourceResult timedOut = SourceResult.of(SourceOutcome.TIMEOUT, null, "no answer within " + Duration.ofNanos(timeout).toMillis() + " ms"
                    + (cutByDeadline ? " (what was left of the overall deadline of " + settings.overallDeadline() + ")" : ""));
            long t0 = System.nanoTime();
            CompletableFuture<SourceResult> race = new CompletableFuture<>();
            java.util.concurrent.atomic.AtomicReference<CompletableFuture<SourceResult>> theCall = new java.util.concurrent.atomic.AtomicReference<>();
            ScheduledFuture<?> timer;
            try { // before the call: an adapter that blocks inside retrieve() is timed out all the same
                timer = scheduler.schedule(() -> {
                    if (race.complete(timedOut)) {
                        CompletableFuture<SourceResult> c = theCall.get();
                        if (c != null) {
                            c.cancel(true);
                        }
                    }
                }, timeout, TimeUnit.NANOSECONDS);
            } catch (RuntimeException e) {
                cb.releasePermission(); // handle() will not run: give the breaker its permission back
                throw e;
            }
            // the attempt goes on from whichever comes first, the answer or the timeout, also while the adapter is still in
            // retrieve() (attached before the call, so a timeout then is handled on another worker)
            race.thenAcceptAsync(res -> {
                timer.cancel(false);
                handle(run, index, channel, q, res, System.nanoTime() - t0, cb, cutByDeadline && res == timedOut);
            }, executor).exceptionally(ex -> {
                if (unwrap(ex) instanceof java.util.concurrent.RejectedExecutionException) {
                    cb.releasePermission(); // the engine is closing: handle() never ran
                }
                run.promise.completeExceptionally(unwrap(ex));
                return null;
            });
            CompletableFuture<SourceResult> call;
            try {
                CompletionStage<SourceResult> stage = source.retrieve(q);
                call = stage == null ? CompletableFuture.completedFuture(null) : stage.toCompletableFuture();
            } catch (Throwable e) { // an Error or an undeclared checked exception too: the attempt is answered, never left hanging
                call = CompletableFuture.failedFuture(e);
            }
            theCall.set(call);
            if (race.isDone()) { // timed out while the adapter was still in retrieve()
                call.cancel(true);
            }
            call.whenComplete((r, ex) -> {
                SourceResult res;
                if (ex != null) {
                    res = SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, null, "adapter " + channel + " failed: " + rootName(ex));
                } else if (r == null) {
                    res = SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, null, "adapter " + channel + " returned null");
                } else {
                    res = r;
                }
                race.complete(res);
            });
        } catch (Throwable e) { // whatever went wrong, the caller gets an answer
            run.promise.completeExceptionally(e);
        }
    }

    /**
     * @param deadlineCut whether {@code res} is the engine's timeout of a slot the overall deadline had cut short: the
     *                    channel's breaker then counts neither a failure nor a success
     */
    private void handle(Attempt run, int index, String channel, LicenseQuery q, SourceResult res, long elapsedNanos, CircuitBreaker cb,
                        boolean deadlineCut) {
        SourceResult checked = validate(q, res);
        if (deadlineCut) {
            cb.releasePermission();
        } else if (checked.outcome().channelFault()) {
            cb.onError(elapsedNanos, TimeUnit.NANOSECONDS, new ChannelFault(checked.outcome()));
        } else {
            cb.onSuccess(elapsedNanos, TimeUnit.NANOSECONDS);
        }
        record(run, channel, checked, elapsedNanos);
        switch (checked.outcome()) {
            case FOUND -> {
                License l = checked.license();
                if (l.usableOn(clock.instant().atZone(zone).toLocalDate())) {
                    finish(run, l, channel, null); // caches the licence once its RETRIEVAL event is recorded
                } else {
                    run.unusable = true;
                    finish(run, null, null, MustSubmitReason.LICENSE_NOT_USABLE);
                }
            }
            case REVOKED, EXPIRED, RESTRICTED -> {
                run.unusable = true;
                finish(run, null, null, MustSubmitReason.LICENSE_NOT_USABLE);
            }
            default -> next(run, index + 1);
        }
    }

    private static SourceResult validate(LicenseQuery q, SourceResult r) {
        License l = r.license();
        if (l != null && (!l.holder().equals(q.holder()) || !l.licenseTypeCode().equals(q.licenseTypeCode()))) {
            return SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, r.platformCode(), "answer is for another holder or licence type");
        }
        return r;
    }

    private LicenseQuery query(Attempt run, String channel) {
        Checked ck = run.ck;
        Case c = ck.theCase();
        return new LicenseQuery(UUID.randomUUID().toString(), c.applicant().id(), c.applicant().name(), ck.material().material().licenseTypeCode(),
                c.itemCode(), c.bizNo(), ck.operator().id(), ck.consent().windowId(), ck.consent().purpose(), true);
    }

    /** 15- or 18-character resident identity numbers and 18-character credit codes inside free text. */
    private static final java.util.regex.Pattern IDENTITY_LIKE = java.util.regex.Pattern.compile(
            "(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Za-z])");

    /** Adapters promise detail without personal data; the engine does not rely on it before logging or auditing. */
    static String maskIdentityLike(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // an adapter's text is recorded as it came, but for identity numbers and what a store cannot keep (NUL, half pairs)
        return org.mianzheng.api.InvalidValueException.replaceUnstorable(
                IDENTITY_LIKE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(org.mianzheng.api.Masking.mask(m.group()))));
    }

    private void record(Attempt run, String channel, SourceResult raw, long elapsedNanos) {
        SourceResult r = new SourceResult(raw.outcome(), raw.license(), maskIdentityLike(raw.platformCode()), maskIdentityLike(raw.detail()));
        ChannelAttempt a = new ChannelAttempt(channel, r.outcome(), r.platformCode(), r.detail(), Duration.ofNanos(elapsedNanos));
        run.attempts.add(a);
        Map<String, String> d = new TreeMap<>();
        d.put("material", run.ck.material().materialCode());
        d.put("channel", channel);
        d.put("outcome", r.outcome().name());
        d.put("elapsedMs", Long.toString(TimeUnit.NANOSECONDS.toMillis(elapsedNanos)));
        d.put("purpose", run.ck.consent().purpose());
        if (r.platformCode() != null) {
            d.put("platformCode", r.platformCode());
        }
        if (!r.detail().isEmpty()) {
            d.put("detail", r.detail());
        }
        audit.append(AuditType.CHANNEL_ATTEMPT, run.ck.operator().id(), run.ck.theCase().bizNo(), run.subject, d);
        if (r.outcome().channelFault()) {
            LOG.warn("case {}: channel {} answered {} ({})", run.ck.theCase().bizNo(), channel, r.outcome(), r.detail());
        }
    }

    private void finish(Attempt run, License license, String channel, MustSubmitReason reason) {
        Checked ck = run.ck;
        if (license != null) {
            // the data goes out only under a consent still in force, to a clerk still authorised: a revocation, an expiry
            // or a deregistration while the channels answered refuses it as a retrieval started now would be (recorded)
            ck = lookup.check(ck.theCase().bizNo(), ck.material().materialCode(), ck.operator().id(), "retrieve");
        }
        RetrievalResult result = license == null
                ? new RetrievalResult(ck.theCase().bizNo(), ck.material().materialCode(), RetrievalOutcome.MUST_SUBMIT, null, null, null, false,
                List.of(), reason, run.attempts)
                : result(ck, license, channel, clock.instant(), false, run.attempts);
        Map<String, String> d = new TreeMap<>();
        d.put("material", ck.material().materialCode());
        d.put("outcome", result.outcome().name());
        d.put("consent", ck.consent().id());
        if (channel != null) {
            d.put("channel", channel);
        }
        if (reason != null) {
            d.put("reason", reason.name());
            d.put("article", reason.article());
        }
        if (!result.mismatchedFields().isEmpty()) {
            d.put("mismatchedFields", String.join(",", result.mismatchedFields()));
        }
        if (license != null && license.file() != null) {
            d.put("fileSha256", license.file().sha256());
        }
        audit.append(AuditType.RETRIEVAL, ck.operator().id(), ck.theCase().bizNo(), run.subject, d);
        if (license != null) {
            CachedLicense cached = ck.key() == null ? null : new CachedLicense(license, channel, result.retrievedAt(), usableUntil(license));
            if (cached != null) {
                lookup.store(ck.key(), cached);
            }
            // a revocation or deregistration recorded after the event above was in force before this read: if one came
            // since the check, look again, and withhold (and uncache) what is no longer allowed
            if (!lookup.stillHolds(ck)) {
                try {
                    lookup.check(ck.theCase().bizNo(), ck.material().materialCode(), ck.operator().id(), "retrieve");
                } catch (MianzhengException refused) {
                    lookup.withdraw(ck.key(), cached);
                    throw refused;
                }
            }
        }
        run.promise.complete(result);
    }

    /** @return the epoch millis at which the licence stops being usable: the start of the day after its last valid day */
    private long usableUntil(License l) {
        if (l.validUntil() == null) {
            return Long.MAX_VALUE;
        }
        try {
            return l.validUntil().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (java.time.DateTimeException | ArithmeticException farOff) {
            return Long.MAX_VALUE; // valid beyond what an instant holds
        }
    }

    private RetrievalResult result(Checked ck, License l, String channel, Instant at, boolean fromCache, List<ChannelAttempt> attempts) {
        List<String> mismatched = DeclaredData.mismatches(ck.theCase().declaredFor(ck.material().materialCode()), l);
        RetrievalOutcome o = mismatched.isEmpty() ? RetrievalOutcome.RETRIEVED : RetrievalOutcome.MISMATCH;
        return new RetrievalResult(ck.theCase().bizNo(), ck.material().materialCode(), o, l, channel, at, fromCache, mismatched, null, attempts);
    }

    @Override
    public ArchiveCopy archiveCopy(String bizNo, String materialCode, ArchiveAct act, String operatorId, String purpose) {
        InvalidValueException.requireNonNull(act, "act");
        String why = InvalidValueException.requireText(purpose, "purpose");
        Instant now = clock.instant();
        Checked ck = lookup.check(bizNo, materialCode, operatorId, act == ArchiveAct.PRINT ? "print a copy" : "download a copy", now.toEpochMilli());
        CachedLicense hit = lookup.hit(ck, now.toEpochMilli());
        if (hit == null || hit.license().file() == null) {
            throw new RetrievalException("no retrieved file of material " + ck.material().materialCode() + " for case " + ck.theCase().bizNo()
                    + " (retrieve it first; retrieved files are kept for " + settings.cacheTtl() + ")");
        }
        flags(ck, ck.operator().id(), ck.subject(), now, null); // the holder counts, and the hour is checked, as for a retrieval
        audit.append(act == ArchiveAct.PRINT ? AuditType.ARCHIVE_PRINT : AuditType.ARCHIVE_DOWNLOAD, ck.operator().id(), ck.theCase().bizNo(),
                ck.subject(), Map.of("material", ck.material().materialCode(), "purpose", why,
                        "fileSha256", hit.license().file().sha256(), "consent", ck.consent().id()));
        if (!lookup.stillHolds(ck)) { // as for a retrieval: a revocation or deregistration since the check withholds the copy
            lookup.check(ck.theCase().bizNo(), ck.material().materialCode(), ck.operator().id(), act == ArchiveAct.PRINT ? "print a copy"
                    : "download a copy", now.toEpochMilli());
        }
        return new ArchiveCopy(ck.theCase().bizNo(), ck.material().materialCode(), act, ck.operator().id(), why, now, hit.license().file());
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String rootName(Throwable t) {
        Throwable u = unwrap(t);
        return u.getClass().getSimpleName();
    }
}
