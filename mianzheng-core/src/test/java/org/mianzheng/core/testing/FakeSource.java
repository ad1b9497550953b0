package org.mianzheng.core.testing;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;

/** A programmable in-process licence source. */
public final class FakeSource implements LicenseSource {
    public static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String id;
    private volatile Function<LicenseQuery, CompletionStage<SourceResult>> behaviour;
    public final AtomicInteger calls = new AtomicInteger();
    public final CopyOnWriteArrayList<LicenseQuery> queries = new CopyOnWriteArrayList<>();
    public final Map<String, CompletableFuture<SourceResult>> hanging = new ConcurrentHashMap<>();

    public FakeSource(String id) {
        this.id = id;
        this.behaviour = q -> CompletableFuture.completedFuture(SourceResult.found(license(q.holder(), q.holderName(), q.licenseTypeCode(),
                LicenseStatus.VALID)));
    }

    public static License license(HolderId holder, String name, String type, LicenseStatus status) {
        return new License(null, type, "NO-" + type, holder, name, "乌海市公安局", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 1),
                LocalDate.of(2040, 1, 1), status, Map.of("地址", "内蒙古自治区乌海市海勃湾区"), new DocumentFile(org.mianzheng.api.FileType.PDF, PDF, null));
    }

    public FakeSource behave(Function<LicenseQuery, CompletionStage<SourceResult>> b) {
        this.behaviour = b;
        return this;
    }

    public FakeSource answer(SourceOutcome outcome) {
        return behave(q -> CompletableFuture.completedFuture(SourceResult.of(outcome, "X" + outcome.ordinal(), "simulated " + outcome)));
    }

    public FakeSource answerLicense(Function<LicenseQuery, License> l) {
        return behave(q -> CompletableFuture.completedFuture(new SourceResult(SourceOutcome.FOUND, l.apply(q), null, "")));
    }

    public FakeSource hang() {
        return behave(q -> hanging.computeIfAbsent(q.requestId(), k -> new CompletableFuture<>()));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletionStage<SourceResult> retrieve(LicenseQuery query) {
        calls.incrementAndGet();
        queries.add(query);
        return behaviour.apply(query);
    }
}
