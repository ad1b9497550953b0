package org.mianzheng.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.api.Role;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.api.spi.LicenseSource;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.internal.ConsentedLookup;
import org.mianzheng.core.retrieval.CachedLicense;
import org.mianzheng.core.retrieval.RetrievalSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Retrieval hot paths against raw baselines in the same run:
 * <ul>
 *   <li>{@code cachedLookup}: the engine's consent check + cache hit ({@code engine}: {@code ConsentedLookup.cached},
 *       i.e. {@code check} then the cache, the two steps the engine's retrieval runs) against a raw Caffeine
 *       {@code getIfPresent} of the same keys ({@code raw}). Goal ≥ 1/2 of raw, 0 B/op.</li>
 *   <li>{@code auditAppend}: recording a retrieval's audit event in the chain — canonical bytes, SHA-256, link,
 *       store ({@code engine}) — against raw SHA-256 of the same event's canonical bytes ({@code raw}). Goal ≥ 1/2 of raw.
 *       The record is that of a repeated cache hit, made as the engine makes it: once per cached licence and check,
 *       {@linkplain org.mianzheng.api.AuditRecord#reusable() reusable} (its hash resumes from the state kept after
 *       its fields).</li>
 *   <li>{@code auditAppendFirst}: for information, the same with a record made and encoded anew on every append (a
 *       first hit, and any one-off event).</li>
 *   <li>{@code auditedRetrieval}: a whole audited retrieval served from the cache — checks, misuse flags, cache
 *       hit, audit event, result ({@code engine}) — beside raw SHA-256 of the same case's cache-hit event bytes, as the
 *       chain wrote them in set-up ({@code raw}). Goal ≥ 1/2 of raw (the "audited retrieval";
 *       {@code auditAppend} is its audit part alone).</li>
 * </ul>
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar RetrievalBenchmark -t 1 -f 3 -prof gc
 * java -jar mianzheng-bench/target/benchmarks.jar RetrievalBenchmark -t 2 -f 3 -prof gc
 * java -jar mianzheng-bench/target/benchmarks.jar "RetrievalBenchmark.auditedRetrieval$" -p cases=16,1024 -f 3
 * </pre>
 * Several forks ({@code -f 3}): on a shared machine one fork's figures can differ from the next by a third.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"}) // a heap that neither grows nor faults pages in mid-run
@State(Scope.Benchmark)
public class RetrievalBenchmark {
    /**
     * Open cases the clerk's retrievals go round (a power of two). Each has its own state, cache entry, cached record
     * and kept hash state, so more cases mean more of them outside the CPU's caches; the raw side hashes each case's
     * own event bytes. {@code -p cases=16} shows the engine with its working set in cache.
     */
    @Param({"1024"})
    public int cases;

    /** {@code engine} or {@code raw}. */
    @Param({"engine", "raw"})
    public String impl;

    Mianzheng mz;
    ConsentedLookup lookup;
    String[] bizNos;
    ConsentedLookup.CacheKey[] keys;
    byte[] eventBytes;
    /** Each case's cache-hit event, as the engine's chain wrote it: the bytes {@code auditedRetrieval}'s raw side hashes. */
    byte[][] hitEventBytes;
    int mask;
    org.mianzheng.api.AuditRecord record;
    org.mianzheng.core.audit.AuditChain chain;
    boolean raw;
    String firstActor;
    String firstBizNo;
    String firstSubject;
    String firstConsent;
    String firstRetrievedAt;

    /**
     * Keeps only the last event: the benchmark appends millions. Guarded by its monitor, as the in-memory store is
     * (a volatile field besides the lock would add a fence the in-memory store does not have).
     */
    static final class LastOnlyStore implements AuditStore {
        private AuditEvent last;

        @Override
        public synchronized void append(List<AuditEvent> events) {
            last = events.get(events.size() - 1);
        }

        @Override
        public synchronized Optional<AuditEvent> last() {
            return Optional.ofNullable(last);
        }

        @Override
        public synchronized List<AuditEvent> read(long fromSequence, int limit) {
            return last == null ? List.of() : List.of(last);
        }
    }

    /**
     * The system clock moved to a Monday morning (office hours, so no off-hours flags), at the system clock's cost:
     * {@code Clock.offset} adds a {@code Duration} to a fresh {@code Instant} on every call, a cost a deployed engine
     * on {@code Clock.system} does not pay.
     */
    static final class ShiftedClock extends Clock {
        private final long shiftMillis;

        ShiftedClock(long shiftMillis) {
            this.shiftMillis = shiftMillis;
        }

        @Override
        public java.time.ZoneId getZone() {
            return Mianzheng.DEFAULT_ZONE;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.offset(Clock.system(zone), java.time.Duration.ofMillis(shiftMillis)); // the same instants, another zone
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + shiftMillis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }
    }

    /** Per-thread cursor and digest. */
    @State(Scope.Thread)
    public static class Cursor {
        int i;
        MessageDigest sha;

        @Setup
        public void setUp() throws Exception {
            sha = MessageDigest.getInstance("SHA-256");
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        raw = "raw".equals(impl);
        if (cases < 2 || Integer.bitCount(cases) != 1) {
            throw new IllegalArgumentException("cases must be a power of two, at least 2: " + cases);
        }
        mask = cases - 1;
        bizNos = new String[cases];
        keys = new ConsentedLookup.CacheKey[cases];
        hitEventBytes = new byte[cases][];
        Instant monday = ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant();
        Clock clock = new ShiftedClock(monday.toEpochMilli() - System.currentTimeMillis());
        LicenseSource source = new LicenseSource() {
            @Override
            public String id() {
                return "onewindow";
            }

            @Override
            public CompletableFuture<SourceResult> retrieve(org.mianzheng.api.LicenseQuery q) {
                return CompletableFuture.completedFuture(SourceResult.found(new License(null, q.licenseTypeCode(), "N1", q.holder(), q.holderName(),
                        "乌海市公安局", null, null, null, LicenseStatus.VALID, Map.of("地址", "乌海"), null)));
            }
        };
        LastOnlyStore store = new LastOnlyStore();
        mz = Mianzheng.builder().clock(clock).licenseSource(source).auditStore(store)
                .retrievalSettings(RetrievalSettings.defaults().withGuard(1_000_000, java.time.Duration.ofHours(1), false, false)
                        .withCache(java.time.Duration.ofHours(12), 100_000))
                .build();
        mz.catalog().file(new FilingRequest("D0", "bench", "bench", "bench", List.of(new CatalogChange.ReplaceAll(PlanLookupBenchmark.document()))));
        mz.accounts().register("clerk", "窗口", "D0", "W1", Set.of(Role.WINDOW_CLERK), "admin", "bureau");
        lookup = mz.internals().lookup();
        for (int i = 0; i < cases; i++) {
            String first17 = String.format("1503021990%07d", i);
            Holder h = Holder.person(first17 + CheckCharacters.residentIdentityCheck(first17), "申请人" + i);
            String biz = "B" + i;
            mz.cases().open(biz, PlanLookupBenchmark.itemCode(i % PlanLookupBenchmark.ITEMS), h, Map.of(), "W1", "clerk");
            mz.consents().grant(new ConsentRequest(biz, "clerk", Set.of("M0"), "办理事项", ConsentMethod.SIGNATURE_PAD, "ev" + i,
                    "0".repeat(64), Instant.now(clock).plusSeconds(36_000)));
            RetrievalResult r = mz.retrieval().retrieve(biz, "M0", "clerk").toCompletableFuture().join();
            if (r.license() == null) {
                throw new IllegalStateException("setup retrieval failed: " + r);
            }
            bizNos[i] = new String(biz.toCharArray());
            keys[i] = lookup.check(biz, "M0", "clerk", "bench").key();
        }
        for (int i = 0; i < cases; i++) { // a cache hit per case, and the bytes of its event
            RetrievalResult r = mz.retrieval().retrieve(bizNos[i], "M0", "clerk").toCompletableFuture().join();
            AuditEvent e = store.last().orElseThrow();
            if (!r.fromCache() || e.type() != AuditType.CACHE_HIT || !e.bizNo().equals(bizNos[i])) {
                throw new IllegalStateException("setup: expected a cache hit of " + bizNos[i] + ", got " + e);
            }
            hitEventBytes[i] = e.canonicalBytes();
        }
        AuditEvent sample = mz.internals().audit().append(AuditType.CACHE_HIT, "clerk", "B1", mz.auditSubject(
                mz.cases().find("B1").orElseThrow().applicant().id()), Map.of("material", "M0", "channel", "onewindow", "consent",
                "00000000-0000-0000-0000-000000000000", "retrievedAt", Instant.now(clock).toString()));
        eventBytes = sample.canonicalBytes();
        // the record of a repeated cache hit, made as the engine makes it (once per cached licence and check)
        record = new org.mianzheng.api.AuditRecord(sample.type(), sample.actor(), sample.bizNo(), sample.subject(), Map.of("material", "M0",
                "channel", "onewindow", "consent", sample.detail().get("consent"), "retrievedAt", sample.detail().get("retrievedAt"))).reusable();
        firstActor = sample.actor();
        firstBizNo = sample.bizNo();
        firstSubject = sample.subject();
        firstConsent = sample.detail().get("consent");
        firstRetrievedAt = sample.detail().get("retrievedAt");
        chain = mz.internals().audit();
        if (eventBytes.length < 200) {
            throw new IllegalStateException("unexpectedly small event: " + new String(eventBytes, StandardCharsets.UTF_8));
        }
    }

    @TearDown
    public void tearDown() {
        mz.close();
    }

    private int next(Cursor c) {
        int i = c.i;
        c.i = (i + 1) & mask;
        return i;
    }

    @Benchmark
    public CachedLicense cachedLookup(Cursor c) {
        int i = next(c);
        return raw ? lookup.cache().getIfPresent(keys[i]) : lookup.cached(bizNos[i], "M0", "clerk");
    }

    @Benchmark
    public Object auditAppend(Cursor c) {
        return raw ? c.sha.digest(eventBytes) : chain.append(record);
    }

    @Benchmark
    public Object auditAppendFirst(Cursor c) {
        if (raw) {
            return c.sha.digest(eventBytes);
        }
        // the first hit of a licence: its record is made and encoded anew
        return chain.append(new org.mianzheng.api.AuditRecord(AuditType.CACHE_HIT, firstActor, firstBizNo, firstSubject, Map.of("material", "M0",
                "channel", "onewindow", "consent", firstConsent, "retrievedAt", firstRetrievedAt)));
    }

    @Benchmark
    public Object auditedRetrieval(Cursor c) {
        int i = next(c);
        if (raw) {
            return c.sha.digest(hitEventBytes[i]);
        }
        return mz.retrieval().retrieve(bizNos[i], "M0", "clerk").toCompletableFuture().join();
    }
}
