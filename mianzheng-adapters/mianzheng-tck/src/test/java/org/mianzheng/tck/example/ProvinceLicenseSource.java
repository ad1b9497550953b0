package org.mianzheng.tck.example;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;

/** The worked example of docs/adapters.md: an adapter for a platform that no profile can describe. */
final class ProvinceLicenseSource implements LicenseSource {
    private static final Map<String, SourceOutcome> STATUS = Map.of(
            "NONE", SourceOutcome.NOT_FOUND, "CANCELLED", SourceOutcome.REVOKED, "OVERDUE", SourceOutcome.EXPIRED,
            "MISSING_PURPOSE", SourceOutcome.BAD_REQUEST);
    private final ProvincePlatform platform;
    private final Duration timeout;

    ProvinceLicenseSource(ProvincePlatform platform, Duration timeout) {
        this.platform = platform;
        this.timeout = timeout;
    }

    @Override
    public String id() {
        return "ningxia";
    }

    @Override
    public CompletionStage<SourceResult> retrieve(LicenseQuery q) {
        String purpose = q.itemCode() + "/" + q.bizNo() + "/" + q.operatorId() + "/" + q.windowId() + "/" + q.purpose();
        return platform.lookup(q.holder().value(), q.licenseTypeCode(), purpose)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)                  // 1. own timeout
                .thenApply(answer -> map(answer, q))
                .exceptionally(e -> {                                                   // 2. never complete exceptionally
                    Throwable c = e.getCause() != null ? e.getCause() : e;
                    if (c instanceof TimeoutException) {
                        return SourceResult.of(SourceOutcome.TIMEOUT, null, "no answer within " + timeout.toMillis() + " ms");
                    }
                    if (c instanceof MianzhengException) {                              // invalid data from the platform
                        return SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, null, c.getMessage());
                    }
                    return SourceResult.of(SourceOutcome.UNAVAILABLE, null, c.getClass().getSimpleName());
                });
    }

    private static SourceResult map(ProvincePlatform.Answer a, LicenseQuery q) {
        if (!"OK".equals(a.status()) && !STATUS.containsKey(a.status())) {
            return SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, a.status(), "unknown status");   // 3. report unknown codes
        }
        SourceOutcome outcome = "OK".equals(a.status()) ? SourceOutcome.FOUND : STATUS.get(a.status());
        if (a.row() == null) {
            return SourceResult.of(outcome, a.status(), "");
        }
        ProvincePlatform.Row r = a.row();
        License l = new License(null, r.type(), r.number(), HolderId.resident(r.holderId()), r.holderName(), "宁夏回族自治区公安厅",
                null, null, r.validUntil(), outcome == SourceOutcome.FOUND ? LicenseStatus.VALID
                : outcome == SourceOutcome.REVOKED ? LicenseStatus.REVOKED : LicenseStatus.EXPIRED, Map.of(),
                q.withFile() ? file(r.pdf()) : null);
        if (!l.holder().equals(q.holder()) || !l.licenseTypeCode().equals(q.licenseTypeCode())) {  // 4. holder/type check
            return SourceResult.of(SourceOutcome.MALFORMED_RESPONSE, null, "answer for another holder or type");
        }
        return new SourceResult(outcome, l, null, "");
    }

    private static DocumentFile file(byte[] bytes) {
        return DocumentFile.of(bytes, DocumentFile.DEFAULT_MAX_BYTES);   // 5. magic bytes, size; FileContentException → MALFORMED
    }
}
