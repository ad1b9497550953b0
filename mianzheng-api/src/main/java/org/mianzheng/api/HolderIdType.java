package org.mianzheng.api;

/**
 * Type of a holder identifier, with the holder type code the platforms use ({@code holderTypeCode}).
 */
public enum HolderIdType {
    /** 公民身份号码 (GB 11643), holder type code {@code 111}; check character validated. */
    RESIDENT_IDENTITY_NUMBER("111", IdentifierKind.RESIDENT_IDENTITY_NUMBER),
    /** 统一社会信用代码 (GB 32100), holder type code {@code 001}; check character validated. */
    UNIFIED_SOCIAL_CREDIT_CODE("001", IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE),
    /** Passports, Hong Kong/Macao/Taiwan permits and other documents, code {@code 999}; not check-digit validated. */
    OTHER("999", IdentifierKind.OTHER_HOLDER_ID);

    private final String code;
    private final IdentifierKind kind;

    HolderIdType(String code, IdentifierKind kind) {
        this.code = code;
        this.kind = kind;
    }

    /** @return the holder type code ({@code 111}, {@code 001}, {@code 999}) */
    public String code() {
        return code;
    }

    /** @return the identifier kind, for error reporting */
    public IdentifierKind kind() {
        return kind;
    }

    /**
     * @param code a holder type code
     * @return the type
     * @throws InvalidIdentifierException if the code is unknown
     */
    public static HolderIdType ofCode(String code) {
        for (HolderIdType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new InvalidIdentifierException(IdentifierKind.CODE, InvalidIdentifierException.Problem.FORMAT, code,
                "unknown holder type code; expected 111, 001 or 999");
    }
}
