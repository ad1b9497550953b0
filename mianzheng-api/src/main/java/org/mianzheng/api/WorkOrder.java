package org.mianzheng.api;

import java.time.Instant;

/**
 * 定向核验 / 定向开具: a directed request to the issuing department, with its SLA clocks. Immutable: every change is a
 * new version ({@link #version()} increments), stored by the {@link org.mianzheng.api.spi.WorkOrderStore}.
 *
 * @param id                 unique id
 * @param version            optimistic-lock version, from 1
 * @param kind               verify an approval or issue a certification
 * @param origin             window or online
 * @param complexity         normal or complex
 * @param state              state
 * @param itemCode           the item
 * @param bizNo              the case (window) or online application number
 * @param materialCode       the material
 * @param materialName       its name
 * @param toDepartment       the receiving department
 * @param applicant          the applicant's id
 * @param applicantName      the applicant's name
 * @param requestedBy        the clerk, or {@code online:<account>} for an online applicant
 * @param purpose            purpose
 * @param createdAt          when created: the SLA clocks run from here
 * @param ruleVersion        the SLA rule set version used
 * @param answerDueAt        answer deadline
 * @param returnDueAt        return deadline
 * @param provisional        whether a deadline was computed outside the loaded calendar years
 * @param acceptedAt         when accepted, or {@code null}
 * @param closedAt           when completed, returned or cancelled, or {@code null}
 * @param closedBy           who closed it, or {@code null}
 * @param result             the result file of a completed order, or {@code null}
 * @param returnReason       for RETURNED: reason
 * @param transferSuggestion for RETURNED: suggested department
 * @param transferredFrom    the returned order this one was opened from, or {@code null}
 * @param transferredTo      the order opened from this one after its return, or {@code null}
 * @param externalId         the remote desk's id when carried by a channel, or {@code null}
 */
public record WorkOrder(String id, long version, WorkOrderKind kind, Origin origin, Complexity complexity, WorkOrderState state, String itemCode,
                        String bizNo, String materialCode, String materialName, String toDepartment, HolderId applicant, String applicantName,
                        String requestedBy, String purpose, Instant createdAt, int ruleVersion, Instant answerDueAt, Instant returnDueAt,
                        boolean provisional, Instant acceptedAt, Instant closedAt, String closedBy, DocumentFile result, String returnReason,
                        String transferSuggestion, String transferredFrom, String transferredTo, String externalId) {
    /** Validating constructor. */
    public WorkOrder {
        id = Codes.require(id, "id");
        if (version < 1) {
            throw new InvalidValueException("version", "starts at 1");
        }
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(origin, "origin");
        InvalidValueException.requireNonNull(complexity, "complexity");
        InvalidValueException.requireNonNull(state, "state");
        itemCode = Codes.require(itemCode, "itemCode");
        bizNo = Codes.require(bizNo, "bizNo");
        materialCode = Codes.require(materialCode, "materialCode");
        materialName = InvalidValueException.requireText(materialName, "materialName");
        toDepartment = Codes.require(toDepartment, "toDepartment");
        InvalidValueException.requireNonNull(applicant, "applicant");
        applicantName = InvalidValueException.requireText(applicantName, "applicantName");
        requestedBy = InvalidValueException.requireText(requestedBy, "requestedBy");
        purpose = InvalidValueException.requireText(purpose, "purpose");
        InvalidValueException.requireNonNull(createdAt, "createdAt");
        InvalidValueException.requireNonNull(answerDueAt, "answerDueAt");
        InvalidValueException.requireNonNull(returnDueAt, "returnDueAt");
        if (state == WorkOrderState.COMPLETED && result == null) {
            throw new InvalidValueException("result", "a completed order has its result");
        }
        if (state == WorkOrderState.RETURNED && (returnReason == null || transferSuggestion == null)) {
            throw new InvalidValueException("returnReason", "a returned order has a reason and a transfer suggestion");
        }
        if (state.terminal() && closedAt == null) {
            throw new InvalidValueException("closedAt", "a closed order has its closing time");
        }
    }

    /**
     * Whether the order met its SLA, from stored timestamps only: completed by the answer deadline, or returned by the
     * return deadline. {@code null} while open or when cancelled.
     *
     * @return compliance, or {@code null}
     */
    public Boolean compliant() {
        return switch (state) {
            case COMPLETED -> !closedAt.isAfter(answerDueAt);
            case RETURNED -> !closedAt.isAfter(returnDueAt);
            default -> null;
        };
    }

    /**
     * @param now an instant
     * @return whether the answer deadline has passed without an answer (breached at {@code now})
     */
    public boolean breachedAt(Instant now) {
        if (state == WorkOrderState.CANCELLED) {
            return false;
        }
        Instant end = state.terminal() ? closedAt : now;
        return state == WorkOrderState.RETURNED ? end.isAfter(returnDueAt) : end.isAfter(answerDueAt);
    }

    /** @return without the applicant's identifier or name */
    @Override
    public String toString() {
        return "WorkOrder[" + id + " v" + version + ", " + kind + ", " + origin + "/" + complexity + ", " + state + ", to " + toDepartment
                + ", case " + bizNo + ", due " + answerDueAt + "]";
    }
}
