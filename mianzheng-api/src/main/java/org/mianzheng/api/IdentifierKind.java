package org.mianzheng.api;

/** The identifiers mianzheng validates; used to name the identifier in {@link InvalidIdentifierException}. */
public enum IdentifierKind {
    /** 公民身份号码, GB 11643. */
    RESIDENT_IDENTITY_NUMBER("resident identity number (公民身份号码)"),
    /** 统一社会信用代码, GB 32100. */
    UNIFIED_SOCIAL_CREDIT_CODE("unified social credit code (统一社会信用代码)"),
    /** Passport, permit and other holder numbers: not check-character validated. */
    OTHER_HOLDER_ID("other holder id (其他证件号码)"),
    /** 电子证照标识, GB/T 36904. */
    LICENSE_IDENTIFIER("licence identifier (电子证照标识)"),
    /** 证照类型代码. */
    LICENSE_TYPE_CODE("licence type code (证照类型代码)"),
    /** 凭证编号. */
    VOUCHER_NUMBER("voucher number (凭证编号)"),
    /** 事项编码, department codes, material codes, bizNo and other internal codes. */
    CODE("code");

    private final String label;

    IdentifierKind(String label) {
        this.label = label;
    }

    /** @return English name with the Chinese term */
    public String label() {
        return label;
    }
}
