package org.mianzheng.api;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * 电子证照: an electronic licence as retrieved.
 *
 * @param identifier      GB/T 36904 identifier, or {@code null} when the source gives none
 * @param licenseTypeCode licence type
 * @param number          证照编号 as printed
 * @param holder          the holder's id
 * @param holderName      the holder's name
 * @param issuerName      issuing unit
 * @param issuedOn        issue date, or {@code null}
 * @param validFrom       start of validity, or {@code null}
 * @param validUntil      end of validity, or {@code null} for 长期 (no end)
 * @param status          status
 * @param surface         surface data (照面信息), field → value, sorted by field
 * @param file            the licence file, or {@code null} when only surface data was retrieved
 */
public record License(LicenseIdentifier identifier, String licenseTypeCode, String number, HolderId holder, String holderName,
                      String issuerName, LocalDate issuedOn, LocalDate validFrom, LocalDate validUntil, LicenseStatus status,
                      Map<String, String> surface, DocumentFile file) {
    /** Validating constructor. */
    public License {
        licenseTypeCode = new LicenseType(licenseTypeCode, "-", HolderKind.PERSON).code();
        number = InvalidValueException.requireText(number, "number");
        InvalidValueException.requireNonNull(holder, "holder");
        holderName = InvalidValueException.requireText(holderName, "holderName");
        issuerName = InvalidValueException.requireText(issuerName, "issuerName");
        InvalidValueException.requireNonNull(status, "status");
        if (validFrom != null && validUntil != null && validUntil.isBefore(validFrom)) {
            throw new InvalidValueException("validUntil", "before validFrom");
        }
        surface = surface == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(surface));
    }

    /**
     * @param day a day
     * @return whether the licence can be used on that day: status VALID and within its validity
     */
    public boolean usableOn(LocalDate day) {
        return status == LicenseStatus.VALID && (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    /** @return without personal data */
    @Override
    public String toString() {
        return "License[type " + licenseTypeCode + ", " + holder + ", " + status + ", valid " + validFrom + ".." + validUntil
                + (file == null ? "" : ", " + file) + "]";
    }
}
