package org.mianzheng.api;

/**
 * A complaint to record (Art. 21).
 *
 * @param channel        where it came in
 * @param category       what it is about
 * @param externalRef    the 12345 ticket number or the window's register number, or {@code null}
 * @param bizNo          the case it is about, or {@code null} (it can be linked later)
 * @param departmentCode the department it is about, or {@code null} (taken from the case's item when linked)
 * @param summary        what the complainant says, at most 2,000 characters; kept in the complaint store only
 * @param complainant    the complainant's id, or {@code null} (anonymous); audited as a keyed digest only
 * @param receivedBy     the operator who records it: a {@link Role#WINDOW_CLERK} or a {@link Role#SUPERVISOR}
 */
public record ComplaintRequest(ComplaintChannel channel, ComplaintCategory category, String externalRef, String bizNo, String departmentCode,
                               String summary, HolderId complainant, String receivedBy) {
    /** Longest summary accepted. */
    public static final int MAX_SUMMARY = 2_000;

    /** Validating constructor: free text a store cannot keep as it is (a NUL, half a surrogate pair) is refused too. */
    public ComplaintRequest {
        InvalidValueException.requireNonNull(channel, "channel");
        InvalidValueException.requireNonNull(category, "category");
        externalRef = Codes.optional(externalRef, "externalRef");
        bizNo = Codes.optional(bizNo, "bizNo");
        departmentCode = Codes.optional(departmentCode, "departmentCode");
        summary = InvalidValueException.requireStorable(Complaint.text(summary, "summary"), "summary"); // new text: a store must keep it
        receivedBy = Codes.require(receivedBy, "receivedBy");
    }

    /** @return without the complainant's id or the summary */
    @Override
    public String toString() {
        return "ComplaintRequest[" + channel + ", " + category + ", case " + bizNo + ", department " + departmentCode + ", by " + receivedBy + "]";
    }
}
