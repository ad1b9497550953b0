package org.mianzheng.api;

/**
 * One request to a licence source: find the licence of a holder, of a type, for a purpose. The purpose fields
 * ({@code useCause}: item and bizNo, the operator and window) are sent with every call.
 *
 * @param requestId       unique per attempt, for correlation
 * @param holder          the holder's id
 * @param holderName      the holder's name (some platforms require it)
 * @param licenseTypeCode the licence type (certTypeCode)
 * @param itemCode        the service item (part of the purpose)
 * @param bizNo           the case (part of the purpose)
 * @param operatorId      the clerk
 * @param windowId        the window
 * @param purpose         the consent's purpose text
 * @param withFile        whether to fetch the file too, not only surface data
 */
public record LicenseQuery(String requestId, HolderId holder, String holderName, String licenseTypeCode, String itemCode, String bizNo,
                           String operatorId, String windowId, String purpose, boolean withFile) {
    /** Validating constructor. */
    public LicenseQuery {
        requestId = Codes.require(requestId, "requestId");
        InvalidValueException.requireNonNull(holder, "holder");
        holderName = InvalidValueException.requireText(holderName, "holderName");
        licenseTypeCode = new LicenseType(licenseTypeCode, "-", HolderKind.PERSON).code();
        itemCode = Codes.require(itemCode, "itemCode");
        bizNo = Codes.require(bizNo, "bizNo");
        operatorId = Codes.require(operatorId, "operatorId");
        windowId = Codes.require(windowId, "windowId");
        purpose = InvalidValueException.requireText(purpose, "purpose");
    }

    /** @return without the holder's identifier or name */
    @Override
    public String toString() {
        return "LicenseQuery[" + requestId + ", " + holder + ", type " + licenseTypeCode + ", item " + itemCode + ", case " + bizNo + "]";
    }
}
