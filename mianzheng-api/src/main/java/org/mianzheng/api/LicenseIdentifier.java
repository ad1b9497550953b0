package org.mianzheng.api;

/**
 * 电子证照标识 per GB/T 36904:
 * {@code 1.2.156.3005.2.<licence type code>.<issuer code>.<serial>.<version>.<check>}.
 *
 * <p>The issuer code is the issuing unit's unified social credit code (validated); the other segments use
 * {@code 0-9A-Z}. The check character is ISO/IEC 7064 MOD 37,36 over the concatenated segments without the root
 * and without dots.
 *
 * @param typeCode   证照类型代码
 * @param issuerCode 颁证单位代码 (unified social credit code)
 * @param serial     流水号
 * @param version    版本号
 * @param check      check character
 */
public record LicenseIdentifier(String typeCode, String issuerCode, String serial, String version, char check) {
    /** The fixed root of every licence identifier. */
    public static final String ROOT = "1.2.156.3005.2";
    private static final int MAX_SEGMENT = 64;

    /** Validating constructor: every segment and the check character. */
    public LicenseIdentifier {
        segment(typeCode, "type code");
        try {
            HolderId.validate(HolderIdType.UNIFIED_SOCIAL_CREDIT_CODE, issuerCode);
        } catch (InvalidIdentifierException e) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, e.problem(), issuerCode,
                    "issuer code segment is not a valid unified social credit code");
        }
        segment(serial, "serial");
        segment(version, "version");
        char expected = CheckCharacters.mod37_36(IdentifierKind.LICENSE_IDENTIFIER, typeCode + issuerCode + serial + version);
        if (check != expected) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.CHECK_CHARACTER,
                    format(typeCode, issuerCode, serial, version, check), "check character does not match (ISO/IEC 7064 MOD 37,36)");
        }
    }

    /**
     * Builds an identifier and computes its check character.
     *
     * @param typeCode   licence type code
     * @param issuerCode issuer's unified social credit code
     * @param serial     serial
     * @param version    version
     * @return the identifier
     */
    public static LicenseIdentifier of(String typeCode, String issuerCode, String serial, String version) {
        segment(typeCode, "type code");
        segment(issuerCode, "issuer code");
        segment(serial, "serial");
        segment(version, "version");
        char check = CheckCharacters.mod37_36(IdentifierKind.LICENSE_IDENTIFIER, typeCode + issuerCode + serial + version);
        return new LicenseIdentifier(typeCode, issuerCode, serial, version, check);
    }

    /**
     * Parses the dotted form.
     *
     * @param text the identifier
     * @return the identifier
     * @throws InvalidIdentifierException if it is malformed or its check character is wrong
     */
    public static LicenseIdentifier parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.EMPTY, text, "no value given");
        }
        String t = text.strip();
        if (t.length() > ROOT.length() + 5 * (MAX_SEGMENT + 1)) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.LENGTH, t, "too long");
        }
        if (!t.startsWith(ROOT + ".")) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.FORMAT, t,
                    "must start with the root " + ROOT);
        }
        String[] parts = t.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.FORMAT, t,
                    "expected 5 segments after the root (type, issuer, serial, version, check), got " + parts.length);
        }
        if (parts[4].length() != 1) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.FORMAT, t,
                    "the check segment must be one character");
        }
        return new LicenseIdentifier(parts[0], parts[1], parts[2], parts[3], parts[4].charAt(0));
    }

    private static void segment(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.FORMAT, s,
                    what + " segment is empty");
        }
        if (s.length() > MAX_SEGMENT) {
            throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.LENGTH, s,
                    what + " segment longer than " + MAX_SEGMENT);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) {
                throw new InvalidIdentifierException(IdentifierKind.LICENSE_IDENTIFIER, InvalidIdentifierException.Problem.CHARACTER, s,
                        what + " segment position " + (i + 1) + " is outside 0-9A-Z");
            }
        }
    }

    private static String format(String typeCode, String issuerCode, String serial, String version, char check) {
        return ROOT + "." + typeCode + "." + issuerCode + "." + serial + "." + version + "." + check;
    }

    /** @return the dotted form, e.g. {@code 1.2.156.3005.2.11100000000013338W001.11150300MB1457184X.0001.001.K} */
    public String format() {
        return format(typeCode, issuerCode, serial, version, check);
    }

    /** @return {@link #format()} */
    @Override
    public String toString() {
        return format();
    }
}
