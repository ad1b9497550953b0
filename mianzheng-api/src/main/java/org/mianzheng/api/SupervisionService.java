package org.mianzheng.api;

import java.util.List;
import java.util.Optional;

/**
 * Supervision (Art. 11, 12, 18, 19): usage reports, the review of violations, rule-based violation reports, spot
 * checks and the "who accessed my data" report. Every act needs a {@link Role#SUPERVISOR} (except the applicant's own
 * access report, verified by a window clerk) and is audited ({@link AuditType#SUPERVISION},
 * {@link AuditType#VIOLATION_REVIEWED}). Thread-safe.
 */
public interface SupervisionService {

    /**
     * The usage report of a period (通报), streamed from the audit chain page by page.
     *
     * @param period         the period
     * @param departmentCode limit to one department, or {@code null}
     * @param supervisorId   a supervisor
     * @return the report
     */
    UsageReport report(ReportPeriod period, String departmentCode, String supervisorId);

    /**
     * @param supervisorId a supervisor
     * @return recorded violations not yet reviewed, oldest first
     */
    List<Violation> reviewQueue(String supervisorId);

    /**
     * Confirms a violation (问责, Art. 11).
     *
     * @param violationId  the violation
     * @param supervisorId a supervisor other than the operator it was recorded against
     * @param note         the reasoning
     * @return the review
     * @throws SupervisionException  if unknown, reviewed already, or the supervisor's own
     * @throws AccessDeniedException if not a supervisor
     */
    ViolationReview confirm(String violationId, String supervisorId, String note);

    /**
     * Dismisses a violation on an Art. 12 ground (免责).
     *
     * @param violationId  the violation
     * @param supervisorId a supervisor other than the operator it was recorded against
     * @param ground       the ground
     * @param note         the reasoning
     * @return the review
     * @throws SupervisionException  if unknown, reviewed already, or the supervisor's own
     * @throws AccessDeniedException if not a supervisor
     */
    ViolationReview dismiss(String violationId, String supervisorId, LiabilityExemptionGround ground, String note);

    /**
     * @param violationId a violation
     * @return its review, if any
     */
    Optional<ViolationReview> findReview(String violationId);

    /**
     * Reports that originals or copies were demanded of a material the case's plan exempts (Art. 11(5)); checked
     * against the plan as it stood when the case was opened, then flagged for review.
     *
     * @param bizNo          the case
     * @param materialCode   the material
     * @param accusedId      the operator account that demanded it
     * @param supervisorId   the supervisor reporting it
     * @param evidenceRef    reference of the evidence (complaint id, register number), a code
     * @return the recorded violation
     * @throws SupervisionException with {@link SupervisionException.Reason#NOT_EXEMPT} if the plan makes the applicant
     *                              submit the material
     */
    Violation reportOriginalsDemanded(String bizNo, String materialCode, String accusedId, String supervisorId, String evidenceRef);

    /**
     * Reports that a material the item does not require was demanded (Art. 11(2)): checked against the item's
     * materials as the catalog stood when the case was opened, then flagged for review.
     *
     * @param bizNo        the case
     * @param materialName what was demanded, as the applicant names it (at most 100 characters)
     * @param accusedId    the operator account that demanded it
     * @param supervisorId the supervisor reporting it
     * @param evidenceRef  reference of the evidence, a code
     * @return the recorded violation
     * @throws SupervisionException with {@link SupervisionException.Reason#HAS_LEGAL_BASIS} if the item requires a
     *                              material of that code or name
     */
    Violation reportMaterialWithoutLegalBasis(String bizNo, String materialName, String accusedId, String supervisorId, String evidenceRef);

    /**
     * A spot check: a seeded random sample of the cases of a period, each with its full audit trail.
     *
     * @param request      period, department, size and seed
     * @param supervisorId a supervisor
     * @return the sample
     */
    SpotCheck spotCheck(SpotCheckRequest request, String supervisorId);

    /**
     * "Who accessed my data", asked by a supervisor (e.g. answering a complaint).
     *
     * @param holder       the holder
     * @param period       the period, or {@code null} for the whole chain
     * @param supervisorId a supervisor
     * @param purpose      why
     * @return the report; the request is audited with the holder's digest
     */
    AccessReport accessReport(HolderId holder, ReportPeriod period, String supervisorId, String purpose);

    /**
     * "Who accessed my data", asked by the applicant at the window, identity verified by a clerk.
     *
     * @param request the request
     * @return the report over the whole chain; audited with the holder's digest and the verification evidence
     */
    AccessReport accessReport(SelfAccessRequest request);
}
