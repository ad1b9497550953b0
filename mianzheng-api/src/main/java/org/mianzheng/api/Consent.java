package org.mianzheng.api;

import java.time.Instant;
import java.util.Set;

/**
 * 现场授权: the applicant's consent to retrieve named materials for one case, granted at the window.
 *
 * @param id             unique id
 * @param bizNo          the case
 * @param itemCode       the case's item
 * @param applicant      the applicant's id
 * @param operatorId     the clerk who took it
 * @param windowId       the window
 * @param materialCodes  materials in scope
 * @param purpose        purpose
 * @param method         method
 * @param evidenceRef    evidence reference
 * @param evidenceSha256 evidence digest
 * @param grantedAt      when granted
 * @param expiresAt      when it expires
 * @param revokedAt      when revoked, or {@code null}
 * @param revokedBy      who revoked it, or {@code null}
 */
public record Consent(String id, String bizNo, String itemCode, HolderId applicant, String operatorId, String windowId, Set<String> materialCodes,
                      String purpose, ConsentMethod method, String evidenceRef, String evidenceSha256, Instant grantedAt, Instant expiresAt,
                      Instant revokedAt, String revokedBy) {
    /** Validating constructor. */
    public Consent {
        id = Codes.require(id, "id");
        bizNo = Codes.require(bizNo, "bizNo");
        itemCode = Codes.require(itemCode, "itemCode");
        InvalidValueException.requireNonNull(applicant, "applicant");
        operatorId = Codes.require(operatorId, "operatorId");
        windowId = Codes.require(windowId, "windowId");
        materialCodes = Set.copyOf(InvalidValueException.requireNonNull(materialCodes, "materialCodes"));
        purpose = InvalidValueException.requireText(purpose, "purpose");
        InvalidValueException.requireNonNull(method, "method");
        evidenceRef = InvalidValueException.requireText(evidenceRef, "evidenceRef");
        evidenceSha256 = Digests.requireSha256Hex(evidenceSha256, "evidenceSha256");
        InvalidValueException.requireNonNull(grantedAt, "grantedAt");
        InvalidValueException.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(grantedAt)) {
            throw new InvalidValueException("expiresAt", "must be after grantedAt");
        }
        if ((revokedAt == null) != (revokedBy == null)) {
            throw new InvalidValueException("revokedBy", "revokedAt and revokedBy go together");
        }
    }

    /**
     * @param at an instant
     * @return whether the consent is in force at that instant
     */
    public boolean validAt(Instant at) {
        return revokedAt == null && at.isBefore(expiresAt) && !at.isBefore(grantedAt);
    }

    /**
     * @param at when
     * @param by who
     * @return this consent, revoked
     */
    public Consent revoke(Instant at, String by) {
        return new Consent(id, bizNo, itemCode, applicant, operatorId, windowId, materialCodes, purpose, method, evidenceRef, evidenceSha256,
                grantedAt, expiresAt, at, by);
    }

    /** @return without the applicant's identifier */
    @Override
    public String toString() {
        return "Consent[" + id + ", case " + bizNo + ", " + applicant + ", materials " + materialCodes + ", " + method + ", " + grantedAt
                + " .. " + expiresAt + (revokedAt == null ? "" : ", revoked " + revokedAt) + "]";
    }
}
