package org.mianzheng.platform;

import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import org.mianzheng.api.LicenseStatus;

/**
 * Where the parts of a licence are in the platform's licence object (dotted paths from that object), how its dates
 * are written, and how its status values read. Only {@code identifier}, the dates, {@code status} and
 * {@code surface} may be absent in an answer; a missing status reads as {@code VALID}.
 *
 * @param identifier   GB/T 36904 licence identifier
 * @param number       证照编号
 * @param typeCode     licence type code
 * @param holderId     holder identifier
 * @param holderType   holder type code (111, 001, 999)
 * @param holderName   holder name
 * @param issuer       issuing unit name
 * @param issuedOn     issue date
 * @param validFrom    validity start
 * @param validUntil   validity end (absent or a {@code permanentValues} value = no end)
 * @param status       licence status
 * @param surface      object of surface fields
 * @param dateFormat   {@link DateTimeFormatter} pattern of dates
 * @param statusValues status value → status
 */
public record LicenseFields(String identifier, String number, String typeCode, String holderId, String holderType, String holderName,
                            String issuer, String issuedOn, String validFrom, String validUntil, String status, String surface,
                            String dateFormat, Map<String, LicenseStatus> statusValues) {
    /** Validating constructor. */
    public LicenseFields {
        statusValues = Map.copyOf(statusValues);
        try {
            dateFormatter(dateFormat);
        } catch (IllegalArgumentException e) {
            throw new ProfileException("profile field /license/dateFormat: not a date pattern: " + e.getMessage());
        }
    }

    /**
     * @return the formatter of {@link #dateFormat}: strict, so that a date that does not exist (2031-02-31) is refused
     *         rather than moved to one that does; a year without an era ({@code yyyy}) is of the current era
     */
    public DateTimeFormatter dateFormatter() {
        return dateFormatter(dateFormat);
    }

    private static DateTimeFormatter dateFormatter(String pattern) {
        return new DateTimeFormatterBuilder().appendPattern(pattern).parseDefaulting(ChronoField.ERA, 1).toFormatter(Locale.ROOT)
                .withChronology(IsoChronology.INSTANCE).withResolverStyle(ResolverStyle.STRICT);
    }

    /**
     * @param r reader at the {@code license} object
     * @return the fields
     */
    public static LicenseFields read(ProfileReader r) {
        return new LicenseFields(r.text("identifier"), r.text("number"), r.text("typeCode"), r.text("holderId"), r.text("holderType"),
                r.text("holderName"), r.text("issuer"), r.text("issuedOn"), r.text("validFrom"), r.text("validUntil"), r.text("status"),
                r.text("surface"), r.text("dateFormat"), r.enumMap("statusValues", LicenseStatus.class));
    }
}
