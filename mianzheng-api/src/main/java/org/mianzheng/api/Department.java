package org.mianzheng.api;

/**
 * 审批服务单位: a department or unit with approval functions (Art. 1).
 *
 * @param code       internal code
 * @param name       name
 * @param level      city or district
 * @param creditCode its unified social credit code, or {@code null}
 * @param parentCode the supervising department's code, or {@code null} (no cycles allowed)
 */
public record Department(String code, String name, AdminLevel level, String creditCode, String parentCode) {
    /** Validating constructor. */
    public Department {
        code = Codes.require(code, "department.code");
        name = InvalidValueException.requireText(name, "department.name");
        InvalidValueException.requireNonNull(level, "department.level");
        creditCode = creditCode == null ? null : HolderId.validate(HolderIdType.UNIFIED_SOCIAL_CREDIT_CODE, creditCode);
        parentCode = Codes.optional(parentCode, "department.parentCode");
        if (code.equals(parentCode)) {
            throw new InvalidValueException("department.parentCode", "a department cannot be its own parent");
        }
    }
}
