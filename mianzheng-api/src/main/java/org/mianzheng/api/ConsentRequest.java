package org.mianzheng.api;

import java.time.Instant;
import java.util.Set;

/**
 * What the clerk records when the applicant authorises retrieval on site (Art. 10).
 *
 * @param bizNo          the case
 * @param operatorId     the clerk taking the consent
 * @param materialCodes  the materials in scope (of the case's item), not empty
 * @param purpose        purpose, e.g. 办理个体工商户设立登记
 * @param method         how the applicant authorised
 * @param evidenceRef    where the evidence is kept (signature image id, SMS log id, scan id)
 * @param evidenceSha256 SHA-256 of the evidence, 64 hex characters
 * @param expiresAt      expiry, or {@code null} for the default (end of that working day)
 */
public record ConsentRequest(String bizNo, String operatorId, Set<String> materialCodes, String purpose, ConsentMethod method,
                             String evidenceRef, String evidenceSha256, Instant expiresAt) {
    /** Validating constructor: free text a store cannot keep as it is (a NUL, half a surrogate pair) is refused too. */
    public ConsentRequest {
        bizNo = Codes.require(bizNo, "bizNo");
        operatorId = Codes.require(operatorId, "operatorId");
        InvalidValueException.requireNonNull(materialCodes, "materialCodes");
        if (materialCodes.isEmpty()) {
            throw new InvalidValueException("materialCodes", "a consent covers at least one material");
        }
        materialCodes = Set.copyOf(materialCodes.stream().map(m -> Codes.require(m, "materialCodes")).toList());
        purpose = InvalidValueException.requireStorable(InvalidValueException.requireText(purpose, "purpose"), "purpose"); // new text: a store must keep it
        InvalidValueException.requireNonNull(method, "method");
        evidenceRef = InvalidValueException.requireStorable(InvalidValueException.requireText(evidenceRef, "evidenceRef"), "evidenceRef");
        evidenceSha256 = Digests.requireSha256Hex(evidenceSha256, "evidenceSha256");
    }
}
