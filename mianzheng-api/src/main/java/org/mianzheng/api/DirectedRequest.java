package org.mianzheng.api;

/**
 * A directed request as sent to the issuing department's desk (e.g. through cityhub).
 *
 * @param orderId        the engine's work-order id; the channel uses it as idempotency key
 * @param kind           verify an approval or issue a certification
 * @param origin         window or online
 * @param complexity     normal or complex
 * @param departmentCode the receiving department
 * @param itemCode       the item it serves
 * @param bizNo          the case, or the online application number
 * @param materialCode   the material
 * @param materialName   its name
 * @param applicant      the applicant's id
 * @param applicantName  the applicant's name
 * @param purpose        purpose
 */
public record DirectedRequest(String orderId, WorkOrderKind kind, Origin origin, Complexity complexity, String departmentCode, String itemCode,
                              String bizNo, String materialCode, String materialName, HolderId applicant, String applicantName, String purpose) {
    /** Validating constructor. */
    public DirectedRequest {
        orderId = Codes.require(orderId, "orderId");
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(origin, "origin");
        InvalidValueException.requireNonNull(complexity, "complexity");
        departmentCode = Codes.require(departmentCode, "departmentCode");
        itemCode = Codes.require(itemCode, "itemCode");
        bizNo = Codes.require(bizNo, "bizNo");
        materialCode = Codes.require(materialCode, "materialCode");
        materialName = InvalidValueException.requireText(materialName, "materialName");
        InvalidValueException.requireNonNull(applicant, "applicant");
        applicantName = InvalidValueException.requireText(applicantName, "applicantName");
        purpose = InvalidValueException.requireText(purpose, "purpose");
    }

    /** @return without the applicant's identifier or name */
    @Override
    public String toString() {
        return "DirectedRequest[" + orderId + ", " + kind + ", " + origin + ", " + complexity + ", to " + departmentCode + ", " + applicant + "]";
    }
}
