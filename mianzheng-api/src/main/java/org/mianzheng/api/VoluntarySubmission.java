package org.mianzheng.api;

import java.time.Instant;

/**
 * A material the applicant handed in on paper although it is exempt, or at least offered to (Art. 4): always
 * accepted and recorded, never refused.
 *
 * @param bizNo        the case
 * @param materialCode the material
 * @param operatorId   who received it
 * @param receivedAt   when
 * @param planned      what the plan had decided for the material
 * @param note         free text (e.g. "原件一份、复印件一份"), possibly empty
 */
public record VoluntarySubmission(String bizNo, String materialCode, String operatorId, Instant receivedAt, MaterialDecision planned,
                                  String note) {
    /** Validating constructor. */
    public VoluntarySubmission {
        bizNo = Codes.require(bizNo, "bizNo");
        materialCode = Codes.require(materialCode, "materialCode");
        operatorId = Codes.require(operatorId, "operatorId");
        InvalidValueException.requireNonNull(receivedAt, "receivedAt");
        InvalidValueException.requireNonNull(planned, "planned");
        note = note == null ? "" : note.strip();
    }

    /** @return whether the applicant could have left it at home (the plan exempted or directed it) */
    public boolean wasExempt() {
        return planned != MaterialDecision.MUST_SUBMIT;
    }
}
