package org.mianzheng.api;

import java.time.Instant;

/**
 * One act on a holder's data, as shown in the "who accessed my data" report.
 *
 * @param sequence       the audit event's sequence
 * @param at             when
 * @param type           the audit event type
 * @param act            the act in more detail (e.g. the work-order event {@code CREATED}), or the type's name
 * @param operatorId     who acted (an operator id, {@code system}, or {@code online:<account>})
 * @param operatorName   the operator's name, or {@code null} if not an account
 * @param departmentCode the operator's department, or {@code null}
 * @param bizNo          the case, or {@code null}
 * @param itemCode       the case's item, or {@code null}
 * @param materialCode   the material, or {@code null}
 * @param purpose        the purpose recorded for the act (consent purpose, archive purpose...), or {@code null}
 * @param channel        the channel used, or {@code null}
 * @param outcome        the outcome, or {@code null}
 */
public record AccessEntry(long sequence, Instant at, AuditType type, String act, String operatorId, String operatorName, String departmentCode,
                          String bizNo, String itemCode, String materialCode, String purpose, String channel, String outcome) {
    /** Validating constructor. */
    public AccessEntry {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", "starts at 1");
        }
        InvalidValueException.requireNonNull(at, "at");
        InvalidValueException.requireNonNull(type, "type");
        act = InvalidValueException.requireText(act, "act");
        operatorId = InvalidValueException.requireText(operatorId, "operatorId");
    }
}
