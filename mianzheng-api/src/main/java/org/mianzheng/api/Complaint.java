package org.mianzheng.api;

import java.time.Instant;

/**
 * A complaint (办不成事反映 or 12345, Art. 21): recorded, linked to a case, assigned, resolved. Immutable: every change
 * is a new version, stored by the {@link org.mianzheng.api.spi.ComplaintStore}.
 *
 * @param id             unique id
 * @param version        optimistic-lock version, from 1
 * @param channel        where it came in
 * @param category       what it is about
 * @param externalRef    12345 ticket or register number, or {@code null}
 * @param bizNo          the linked case, or {@code null}
 * @param departmentCode the department it is about, or {@code null}
 * @param summary        what the complainant says
 * @param complainant    the complainant's id, or {@code null}
 * @param state          state
 * @param receivedAt     when recorded
 * @param receivedBy     who recorded it
 * @param assignedTo     the department handling it, or {@code null}
 * @param assignedAt     when assigned, or {@code null}
 * @param assignedBy     who assigned it, or {@code null}
 * @param resolvedAt     when resolved, or {@code null}
 * @param resolvedBy     who resolved it, or {@code null}
 * @param substantiated  for RESOLVED: whether the complaint was found justified; {@code null} otherwise
 * @param resolution     for RESOLVED: the written answer; {@code null} otherwise
 */
public record Complaint(String id, long version, ComplaintChannel channel, ComplaintCategory category, String externalRef, String bizNo,
                        String departmentCode, String summary, HolderId complainant, ComplaintState state, Instant receivedAt,
                        String receivedBy, String assignedTo, Instant assignedAt, String assignedBy, Instant resolvedAt, String resolvedBy,
                        Boolean substantiated, String resolution) {
    /** Validating constructor. */
    public Complaint {
        id = Codes.require(id, "id");
        if (version < 1) {
            throw new InvalidValueException("version", "starts at 1");
        }
        InvalidValueException.requireNonNull(channel, "channel");
        InvalidValueException.requireNonNull(category, "category");
        externalRef = Codes.optional(externalRef, "externalRef");
        bizNo = Codes.optional(bizNo, "bizNo");
        departmentCode = Codes.optional(departmentCode, "departmentCode");
        summary = text(summary, "summary");
        InvalidValueException.requireNonNull(state, "state");
        InvalidValueException.requireNonNull(receivedAt, "receivedAt");
        receivedBy = Codes.require(receivedBy, "receivedBy");
        assignedTo = Codes.optional(assignedTo, "assignedTo");
        assignedBy = Codes.optional(assignedBy, "assignedBy");
        resolvedBy = Codes.optional(resolvedBy, "resolvedBy");
        if (state != ComplaintState.RECEIVED && (assignedTo == null || assignedAt == null || assignedBy == null)) {
            throw new InvalidValueException("assignedTo", "an assigned or resolved complaint names its department, time and assigner");
        }
        if (state == ComplaintState.RESOLVED) {
            if (resolvedAt == null || resolvedBy == null || substantiated == null) {
                throw new InvalidValueException("resolvedAt", "a resolved complaint has its time, resolver and finding");
            }
            resolution = text(resolution, "resolution");
        } else if (resolvedAt != null || resolvedBy != null || substantiated != null || resolution != null) {
            throw new InvalidValueException("resolution", "only a resolved complaint has a resolution");
        }
    }

    /**
     * @param value free text
     * @param field field name
     * @return the text, stripped; at most {@link ComplaintRequest#MAX_SUMMARY} characters, no control characters
     *         but line breaks
     */
    static String text(String value, String field) {
        String v = InvalidValueException.requireText(value, field);
        if (v.length() > ComplaintRequest.MAX_SUMMARY) {
            throw new InvalidValueException(field, "at most " + ComplaintRequest.MAX_SUMMARY + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidValueException(field, "position " + (i + 1) + " is a control character");
            }
        }
        return v;
    }

    /** @return whether it is resolved */
    public boolean resolved() {
        return state == ComplaintState.RESOLVED;
    }

    /** @return without the complainant's id, the summary or the resolution */
    @Override
    public String toString() {
        return "Complaint[" + id + " v" + version + ", " + channel + ", " + category + ", " + state + ", case " + bizNo + ", department "
                + departmentCode + (complainant == null ? "" : ", " + complainant) + "]";
    }
}
