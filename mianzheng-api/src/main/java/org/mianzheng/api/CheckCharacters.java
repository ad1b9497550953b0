package org.mianzheng.api;

/**
 * Check-character algorithms of the identifiers mianzheng handles (DESIGN.md §7). Pure functions, allocation-free.
 *
 * <ul>
 *   <li>GB 11643 公民身份号码: weights {@code 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2}; check = {@code "10X98765432"[Σ mod 11]}.</li>
 *   <li>GB 32100 统一社会信用代码: alphabet {@value #USCC_ALPHABET}; weights {@code 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28};
 *       check = alphabet[31 − Σ mod 31], with 31 → 0.</li>
 *   <li>ISO/IEC 7064 MOD 37,36 (hybrid) over {@code 0-9A-Z}: used by GB/T 36904 licence identifiers and voucher numbers.</li>
 * </ul>
 */
public final class CheckCharacters {
    /** The 31 characters of a unified social credit code (no I, O, S, V, Z). */
    public static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The 36 characters of ISO/IEC 7064 MOD 37,36. */
    public static final String MOD37_36_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECKS = "10X98765432";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CheckCharacters() {
    }

    /**
     * @param first17 the first 17 characters (digits) of a resident identity number
     * @return its check character, one of {@code 0-9} or {@code X}
     * @throws InvalidIdentifierException if the input is not 17 digits
     */
    public static char residentIdentityCheck(CharSequence first17) {
        if (first17 == null || first17.length() != 17) {
            throw new InvalidIdentifierException(IdentifierKind.RESIDENT_IDENTITY_NUMBER, InvalidIdentifierException.Problem.LENGTH,
                    first17 == null ? null : first17.toString(), "expected 17 digits before the check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = first17.charAt(i);
            if (c < '0' || c > '9') {
                throw new InvalidIdentifierException(IdentifierKind.RESIDENT_IDENTITY_NUMBER, InvalidIdentifierException.Problem.CHARACTER,
                        first17.toString(), "position " + (i + 1) + " is not a digit");
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECKS.charAt(sum % 11);
    }

    /**
     * @param first17 the first 17 characters of a unified social credit code
     * @return its check character
     * @throws InvalidIdentifierException if the input is not 17 characters of the USCC alphabet
     */
    public static char creditCodeCheck(CharSequence first17) {
        if (first17 == null || first17.length() != 17) {
            throw new InvalidIdentifierException(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE, InvalidIdentifierException.Problem.LENGTH,
                    first17 == null ? null : first17.toString(), "expected 17 characters before the check character");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new InvalidIdentifierException(IdentifierKind.UNIFIED_SOCIAL_CREDIT_CODE, InvalidIdentifierException.Problem.CHARACTER,
                        first17.toString(), "position " + (i + 1) + " is outside " + USCC_ALPHABET);
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return USCC_ALPHABET.charAt(c == 31 ? 0 : c);
    }

    /**
     * ISO/IEC 7064 MOD 37,36 check character.
     *
     * @param kind  which identifier is being checked (for the error message)
     * @param chars characters of {@code 0-9A-Z}
     * @return the check character, of {@code 0-9A-Z}
     * @throws InvalidIdentifierException if a character is outside {@code 0-9A-Z} or the input is empty
     */
    public static char mod37_36(IdentifierKind kind, CharSequence chars) {
        if (chars == null || chars.length() == 0) {
            throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.EMPTY, null, "nothing to compute a check character over");
        }
        int p = 36;
        for (int i = 0; i < chars.length(); i++) {
            int v = MOD37_36_ALPHABET.indexOf(chars.charAt(i));
            if (v < 0) {
                throw new InvalidIdentifierException(kind, InvalidIdentifierException.Problem.CHARACTER, chars.toString(),
                        "position " + (i + 1) + " is outside 0-9A-Z");
            }
            int s = (p + v) % 36;
            if (s == 0) {
                s = 36;
            }
            p = (s * 2) % 37;
        }
        return MOD37_36_ALPHABET.charAt((37 - p) % 36);
    }
}
