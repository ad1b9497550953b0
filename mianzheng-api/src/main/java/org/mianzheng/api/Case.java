package org.mianzheng.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 办件: one application of one applicant for one service item, opened at a window.
 *
 * @param bizNo      业务流水号, unique
 * @param itemCode   the service item
 * @param applicant  the applicant (持证主体)
 * @param declared   what the applicant declared, per material code: field name → value (compared with retrieved data, Art. 15)
 * @param windowId   the window
 * @param operatorId the window clerk who opened it
 * @param openedAt   when it was opened
 */
public record Case(String bizNo, String itemCode, Holder applicant, Map<String, Map<String, String>> declared, String windowId,
                   String operatorId, Instant openedAt) {
    /** Validating constructor; copies {@code declared} deeply. */
    public Case {
        bizNo = Codes.require(bizNo, "case.bizNo");
        itemCode = Codes.require(itemCode, "case.itemCode");
        InvalidValueException.requireNonNull(applicant, "case.applicant");
        windowId = Codes.require(windowId, "case.windowId");
        operatorId = Codes.require(operatorId, "case.operatorId");
        InvalidValueException.requireNonNull(openedAt, "case.openedAt");
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (declared != null) {
            declared.forEach((k, v) -> copy.put(Codes.require(k, "case.declared"),
                    Map.copyOf(InvalidValueException.requireNonNull(v, "case.declared." + k))));
        }
        declared = Map.copyOf(copy);
    }

    /**
     * @param materialCode a material code
     * @return what the applicant declared for it (empty if nothing)
     */
    public Map<String, String> declaredFor(String materialCode) {
        return declared.getOrDefault(materialCode, Map.of());
    }

    /** @return without the applicant's identifiers or declared data */
    @Override
    public String toString() {
        return "Case[" + bizNo + ", item " + itemCode + ", " + applicant + ", window " + windowId + ", operator " + operatorId
                + ", " + openedAt + "]";
    }
}
