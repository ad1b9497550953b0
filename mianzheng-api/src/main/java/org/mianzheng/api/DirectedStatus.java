package org.mianzheng.api;

import java.time.Instant;

/**
 * The state of a directed request as the remote desk reports it.
 *
 * @param externalId         the desk's id of the request
 * @param state              its state
 * @param returnReason       for RETURNED: the reason
 * @param transferSuggestion for RETURNED: the department code suggested instead
 * @param updatedAt          when the desk last changed it
 */
public record DirectedStatus(String externalId, WorkOrderState state, String returnReason, String transferSuggestion, Instant updatedAt) {
    /** Validating constructor. */
    public DirectedStatus {
        externalId = Codes.require(externalId, "externalId");
        InvalidValueException.requireNonNull(state, "state");
        InvalidValueException.requireNonNull(updatedAt, "updatedAt");
        if (state == WorkOrderState.RETURNED) {
            returnReason = InvalidValueException.requireText(returnReason, "returnReason");
            transferSuggestion = Codes.require(transferSuggestion, "transferSuggestion");
        }
    }
}
