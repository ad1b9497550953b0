package org.mianzheng.api;

import java.time.Instant;

/**
 * A supervisor's review of a recorded {@link Violation}: confirmed, or dismissed on an Art. 12 ground. One review per
 * violation; it is final.
 *
 * @param violationId the violation
 * @param kind        its kind
 * @param operatorId  the operator the violation was recorded against
 * @param decision    confirmed or dismissed
 * @param ground      for {@link ReviewDecision#DISMISSED}: the Art. 12 ground; {@code null} when confirmed
 * @param note        the reviewer's reasoning (kept in the review store; the audit chain holds its SHA-256)
 * @param reviewer    the supervisor
 * @param reviewedAt  when
 */
public record ViolationReview(String violationId, ViolationKind kind, String operatorId, ReviewDecision decision, LiabilityExemptionGround ground,
                              String note, String reviewer, Instant reviewedAt) {
    /** Validating constructor: a dismissal names its ground, a confirmation has none. */
    public ViolationReview {
        violationId = Codes.require(violationId, "violationId");
        InvalidValueException.requireNonNull(kind, "kind");
        operatorId = Codes.require(operatorId, "operatorId");
        InvalidValueException.requireNonNull(decision, "decision");
        if (decision == ReviewDecision.DISMISSED && ground == null) {
            throw new InvalidValueException("ground", "a dismissal rests on one of the grounds of Art. 12");
        }
        if (decision == ReviewDecision.CONFIRMED && ground != null) {
            throw new InvalidValueException("ground", "a confirmed violation has no exemption ground");
        }
        note = Complaint.text(note, "note");
        reviewer = Codes.require(reviewer, "reviewer");
        InvalidValueException.requireNonNull(reviewedAt, "reviewedAt");
    }
}
