package org.mianzheng.api;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * 凭证编号: the voucher number printed on every material issued through the city system (Art. 13).
 *
 * <p>Format: {@code <prefix><yyyyMMdd><sequence><check>}, for example {@code WH20261125000042K}:
 * <ul>
 *   <li>prefix: 1 to {@value #MAX_PREFIX_LENGTH} letters {@code A-Z}, configured per issuing system;</li>
 *   <li>the issue date, {@code yyyyMMdd};</li>
 *   <li>the day's sequence number, at least 1, zero-padded to {@value #SEQUENCE_WIDTH} digits (more digits once it
 *       exceeds {@code 999999}, at most {@value #MAX_SEQUENCE_DIGITS});</li>
 *   <li>one ISO/IEC 7064 MOD 37,36 check character over everything before it
 *       ({@link CheckCharacters#mod37_36}).</li>
 * </ul>
 * Every voucher has exactly one textual form: {@link #parse} refuses lowercase letters and superfluous leading zeros.
 * Uniqueness across nodes comes from {@link org.mianzheng.api.spi.VoucherSequence}.
 *
 * @param prefix   the prefix, {@code A-Z}
 * @param date     the issue date (in the issuing system's time zone)
 * @param sequence the day's sequence number, {@code >= 1}
 * @param check    the check character
 */
public record VoucherNumber(String prefix, LocalDate date, long sequence, char check) {
    /** Minimum number of sequence digits (zero-padded). */
    public static final int SEQUENCE_WIDTH = 6;
    /** Maximum number of sequence digits. */
    public static final int MAX_SEQUENCE_DIGITS = 12;
    /** Maximum length of the prefix. */
    public static final int MAX_PREFIX_LENGTH = 10;
    private static final long MAX_SEQUENCE = 999_999_999_999L;

    /** Validating constructor: prefix, date range, sequence range and check character. */
    public VoucherNumber {
        checkPrefix(prefix);
        checkDate(date, prefix);
        checkSequence(sequence);
        String body = body(prefix, date, sequence);
        char expected = CheckCharacters.mod37_36(IdentifierKind.VOUCHER_NUMBER, body);
        if (check != expected) {
            throw new InvalidIdentifierException(IdentifierKind.VOUCHER_NUMBER, InvalidIdentifierException.Problem.CHECK_CHARACTER,
                    body + check, "check character does not match (ISO/IEC 7064 MOD 37,36)");
        }
    }

    /**
     * Builds a voucher number and computes its check character.
     *
     * @param prefix   prefix, 1 to 10 letters {@code A-Z}
     * @param date     issue date
     * @param sequence the day's sequence number, 1 to 999999999999
     * @return the voucher number
     * @throws InvalidIdentifierException if a part is out of range
     */
    public static VoucherNumber of(String prefix, LocalDate date, long sequence) {
        checkPrefix(prefix);
        checkDate(date, prefix);
        checkSequence(sequence);
        return new VoucherNumber(prefix, date, sequence,
                CheckCharacters.mod37_36(IdentifierKind.VOUCHER_NUMBER, body(prefix, date, sequence)));
    }

    /**
     * Parses the canonical textual form.
     *
     * @param text a voucher number such as {@code WH20261125000042K}
     * @return the voucher number
     * @throws InvalidIdentifierException if it is empty, malformed, not canonical or its check character is wrong
     */
    public static VoucherNumber parse(String text) {
        if (text == null || text.isEmpty()) {
            throw invalid(InvalidIdentifierException.Problem.EMPTY, text, "no value given");
        }
        int max = MAX_PREFIX_LENGTH + 8 + MAX_SEQUENCE_DIGITS + 1;
        if (text.length() > max) {
            throw invalid(InvalidIdentifierException.Problem.LENGTH, text, "longer than " + max + " characters");
        }
        int p = 0;
        while (p < text.length() && text.charAt(p) >= 'A' && text.charAt(p) <= 'Z') {
            p++;
        }
        if (p == 0) {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, text, "must start with a prefix of letters A-Z");
        }
        if (p > MAX_PREFIX_LENGTH) {
            throw invalid(InvalidIdentifierException.Problem.LENGTH, text, "prefix longer than " + MAX_PREFIX_LENGTH + " letters");
        }
        int digitsEnd = text.length() - 1;
        int digits = digitsEnd - p;
        if (digits < 8 + SEQUENCE_WIDTH) {
            throw invalid(InvalidIdentifierException.Problem.LENGTH, text,
                    "expected a prefix, 8 date digits, at least " + SEQUENCE_WIDTH + " sequence digits and a check character");
        }
        for (int i = p; i < digitsEnd; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid(InvalidIdentifierException.Problem.CHARACTER, text, "position " + (i + 1) + " must be a digit");
            }
        }
        char check = text.charAt(digitsEnd);
        if (CheckCharacters.MOD37_36_ALPHABET.indexOf(check) < 0) {
            throw invalid(InvalidIdentifierException.Problem.CHARACTER, text, "the check character must be one of 0-9A-Z");
        }
        String seqText = text.substring(p + 8, digitsEnd);
        if (seqText.length() > MAX_SEQUENCE_DIGITS) {
            throw invalid(InvalidIdentifierException.Problem.LENGTH, text, "sequence longer than " + MAX_SEQUENCE_DIGITS + " digits");
        }
        if (seqText.length() > SEQUENCE_WIDTH && seqText.charAt(0) == '0') {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, text, "sequence has superfluous leading zeros (not canonical)");
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(text.substring(p, p + 4)), Integer.parseInt(text.substring(p + 4, p + 6)),
                    Integer.parseInt(text.substring(p + 6, p + 8)));
        } catch (DateTimeException e) {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, text, "the date part is not a valid yyyyMMdd date");
        }
        return new VoucherNumber(text.substring(0, p), date, Long.parseLong(seqText), check);
    }

    /**
     * @param text any text
     * @return whether it is a valid, canonical voucher number
     */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidIdentifierException e) {
            return false;
        }
    }

    /** @return the canonical textual form, e.g. {@code WH20261125000042K} */
    public String format() {
        return body(prefix, date, sequence) + check;
    }

    /** @return {@link #format()} */
    @Override
    public String toString() {
        return format();
    }

    private static String body(String prefix, LocalDate date, long sequence) {
        StringBuilder sb = new StringBuilder(prefix.length() + 8 + SEQUENCE_WIDTH);
        sb.append(prefix);
        int y = date.getYear();
        sb.append(y);
        two(sb, date.getMonthValue());
        two(sb, date.getDayOfMonth());
        String s = Long.toString(sequence);
        for (int i = s.length(); i < SEQUENCE_WIDTH; i++) {
            sb.append('0');
        }
        return sb.append(s).toString();
    }

    private static void two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    private static void checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw invalid(InvalidIdentifierException.Problem.EMPTY, prefix, "the prefix is empty");
        }
        if (prefix.length() > MAX_PREFIX_LENGTH) {
            throw invalid(InvalidIdentifierException.Problem.LENGTH, prefix, "prefix longer than " + MAX_PREFIX_LENGTH + " letters");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < 'A' || c > 'Z') {
                throw invalid(InvalidIdentifierException.Problem.CHARACTER, prefix, "prefix position " + (i + 1) + " is not a letter A-Z");
            }
        }
    }

    private static void checkDate(LocalDate date, String prefix) {
        if (date == null) {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, prefix, "the date is missing");
        }
        if (date.getYear() < 1000 || date.getYear() > 9999) {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, prefix, "the year must have four digits");
        }
    }

    private static void checkSequence(long sequence) {
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw invalid(InvalidIdentifierException.Problem.FORMAT, Long.toString(sequence),
                    "the sequence must be between 1 and " + MAX_SEQUENCE);
        }
    }

    private static InvalidIdentifierException invalid(InvalidIdentifierException.Problem problem, String value, String detail) {
        return new InvalidIdentifierException(IdentifierKind.VOUCHER_NUMBER, problem, value, detail);
    }
}
