package org.mianzheng.api;

import java.util.List;

/**
 * A request to file changes to the catalog (备案, Art. 16).
 *
 * @param departmentCode the filing department; it may only change its own items
 * @param operatorId     who files
 * @param reason         why
 * @param legalBasis     the law, regulation or reform requirement the change rests on
 * @param changes        the changes, applied atomically in order
 */
public record FilingRequest(String departmentCode, String operatorId, String reason, String legalBasis, List<CatalogChange> changes) {
    /** Validating constructor. */
    public FilingRequest {
        departmentCode = Codes.require(departmentCode, "departmentCode");
        operatorId = Codes.require(operatorId, "operatorId");
        reason = InvalidValueException.requireText(reason, "reason");
        legalBasis = InvalidValueException.requireText(legalBasis, "legalBasis");
        changes = List.copyOf(InvalidValueException.requireNonNull(changes, "changes"));
        if (changes.isEmpty()) {
            throw new InvalidValueException("changes", "a filing has at least one change");
        }
    }
}
