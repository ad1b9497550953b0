package org.mianzheng.examples;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.api.spi.LicenseSource;

/**
 * A licence source that answers from memory: the smallest possible adapter, for demos and tests. Licences are
 * registered per holder and licence type; a type can be marked unavailable to show a fallback.
 */
public final class InProcessSource implements LicenseSource {
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final Map<String, License> licences = new ConcurrentHashMap<>();
    private final Set<String> unavailableTypes = ConcurrentHashMap.newKeySet();

    /** @param id channel id */
    public InProcessSource(String id) {
        this.id = id;
    }

    /**
     * Registers a valid licence with a small PDF file.
     *
     * @param holder     holder id
     * @param holderName holder name
     * @param typeCode   licence type code
     * @param number     licence number
     * @param issuer     issuer name
     * @return this
     */
    public InProcessSource add(HolderId holder, String holderName, String typeCode, String number, String issuer) {
        return add(new License(null, typeCode, number, holder, holderName, issuer, LocalDate.of(2021, 5, 6), LocalDate.of(2021, 5, 6), null,
                LicenseStatus.VALID, Map.of("登记机关", issuer), new DocumentFile(FileType.PDF, PDF, null)));
    }

    /**
     * @param licence a licence
     * @return this
     */
    public InProcessSource add(License licence) {
        licences.put(licence.holder().value() + "/" + licence.licenseTypeCode(), licence);
        return this;
    }

    /**
     * @param typeCode a licence type this channel answers {@code UNAVAILABLE} for
     * @return this
     */
    public InProcessSource unavailable(String typeCode) {
        unavailableTypes.add(typeCode);
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public CompletionStage<SourceResult> retrieve(LicenseQuery q) {
        if (unavailableTypes.contains(q.licenseTypeCode())) {
            return CompletableFuture.completedFuture(SourceResult.of(SourceOutcome.UNAVAILABLE, "503", "channel unavailable for this type"));
        }
        License l = licences.get(q.holder().value() + "/" + q.licenseTypeCode());
        if (l == null) {
            return CompletableFuture.completedFuture(SourceResult.of(SourceOutcome.NOT_FOUND, "10", "no match"));
        }
        if (!q.withFile() && l.file() != null) {
            l = new License(l.identifier(), l.licenseTypeCode(), l.number(), l.holder(), l.holderName(), l.issuerName(), l.issuedOn(),
                    l.validFrom(), l.validUntil(), l.status(), l.surface(), null); // surface data only, as asked
        }
        return CompletableFuture.completedFuture(l.status() == LicenseStatus.VALID ? SourceResult.found(l)
                : new SourceResult(SourceOutcome.valueOf(l.status().name()), l, null, "licence is " + l.status()));
    }
}
