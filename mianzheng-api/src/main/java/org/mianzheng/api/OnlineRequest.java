package org.mianzheng.api;

/**
 * A certification asked for online (互联网端、手机端, Art. 10(三)3) by an applicant the embedding system authenticated.
 *
 * @param applicationNo the online application number (unique)
 * @param onlineAccount the applicant's authenticated account id
 * @param applicant     the applicant
 * @param itemCode      the item the certification is for
 * @param materialCode  the certification material
 * @param purpose       purpose
 * @param complexity    normal or complex, as the applicant's request is classified
 */
public record OnlineRequest(String applicationNo, String onlineAccount, Holder applicant, String itemCode, String materialCode, String purpose,
                            Complexity complexity) {
    /** Validating constructor: free text a store cannot keep as it is (a NUL, half a surrogate pair) is refused too. */
    public OnlineRequest {
        applicationNo = Codes.require(applicationNo, "applicationNo");
        onlineAccount = Codes.require(onlineAccount, "onlineAccount");
        InvalidValueException.requireNonNull(applicant, "applicant");
        InvalidValueException.requireStorable(applicant.name(), "applicant.name"); // new text: the work order keeps it
        itemCode = Codes.require(itemCode, "itemCode");
        materialCode = Codes.require(materialCode, "materialCode");
        purpose = InvalidValueException.requireStorable(InvalidValueException.requireText(purpose, "purpose"), "purpose");
        InvalidValueException.requireNonNull(complexity, "complexity");
    }
}
