package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * One sampled case of a spot check, with its full audit trail.
 *
 * @param bizNo          the case
 * @param itemCode       its item
 * @param departmentCode the item's department
 * @param windowId       the window
 * @param operatorId     the clerk who opened it
 * @param openedAt       when
 * @param trail          every audit event of the case, in chain order (subjects are keyed digests, never ids)
 */
public record SpotCheckCase(String bizNo, String itemCode, String departmentCode, String windowId, String operatorId, Instant openedAt,
                            List<AuditEvent> trail) {
    /** Validating constructor. */
    public SpotCheckCase {
        bizNo = Codes.require(bizNo, "bizNo");
        itemCode = Codes.require(itemCode, "itemCode");
        InvalidValueException.requireNonNull(departmentCode, "departmentCode");
        InvalidValueException.requireNonNull(windowId, "windowId");
        InvalidValueException.requireNonNull(operatorId, "operatorId");
        InvalidValueException.requireNonNull(openedAt, "openedAt");
        trail = List.copyOf(InvalidValueException.requireNonNull(trail, "trail"));
    }
}
