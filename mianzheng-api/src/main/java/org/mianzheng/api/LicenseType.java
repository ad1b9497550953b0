package org.mianzheng.api;

/**
 * 证照类型: a kind of electronic licence, e.g. 营业执照 or 居民户口簿.
 *
 * @param code       证照类型代码 ({@code 0-9A-Z}, as used in licence identifiers and {@code certTypeCode})
 * @param name       name
 * @param holderKind whose licence it is
 */
public record LicenseType(String code, String name, HolderKind holderKind) {
    /** Validating constructor. */
    public LicenseType {
        if (code == null || code.isBlank()) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_TYPE_CODE, InvalidIdentifierException.Problem.EMPTY, code, "no value given");
        }
        code = code.strip();
        if (code.length() > Codes.MAX_LENGTH) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_TYPE_CODE, InvalidIdentifierException.Problem.LENGTH, code,
                    "longer than " + Codes.MAX_LENGTH);
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                throw new InvalidIdentifierException(IdentifierKind.LICENSE_TYPE_CODE, InvalidIdentifierException.Problem.CHARACTER, code,
                        "position " + (i + 1) + " is outside 0-9A-Z");
            }
        }
        name = InvalidValueException.requireText(name, "licenseType.name");
        InvalidValueException.requireNonNull(holderKind, "licenseType.holderKind");
    }
}
