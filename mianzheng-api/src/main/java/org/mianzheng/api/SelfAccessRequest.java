package org.mianzheng.api;

/**
 * An applicant asks at the window for their own "who accessed my data" report. The clerk verifies the applicant's
 * identity on site, as for a consent, and the evidence is recorded.
 *
 * @param holder         the applicant's id
 * @param clerkId        the {@link Role#WINDOW_CLERK} who verified the applicant
 * @param method         how the identity was verified
 * @param evidenceRef    reference of the evidence (signature, face-match record, form scan)
 * @param evidenceSha256 its SHA-256
 */
public record SelfAccessRequest(HolderId holder, String clerkId, ConsentMethod method, String evidenceRef, String evidenceSha256) {
    /** Validating constructor. */
    public SelfAccessRequest {
        InvalidValueException.requireNonNull(holder, "holder");
        clerkId = Codes.require(clerkId, "clerkId");
        InvalidValueException.requireNonNull(method, "method");
        evidenceRef = Codes.require(evidenceRef, "evidenceRef");
        evidenceSha256 = Digests.requireSha256Hex(evidenceSha256, "evidenceSha256");
    }

    /** @return without the holder's raw id */
    @Override
    public String toString() {
        return "SelfAccessRequest[" + holder + ", clerk " + clerkId + ", " + method + "]";
    }
}
