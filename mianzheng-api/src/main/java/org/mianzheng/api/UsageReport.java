package org.mianzheng.api;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * 通报: the usage report of a period (Art. 18, 19), computed from the audit chain and the stores. Holds counts only,
 * never personal data. The same period over the same chain gives an equal report, and equal exports byte for byte.
 *
 * @param period         the period
 * @param departmentCode the department the report is limited to, or {@code null} for all
 * @param complete       whether the period had ended when the report was made (otherwise figures may still change)
 * @param auditThrough   the last audit event the report read (sequence 0 if none): anchors the report to the chain
 * @param catalogVersion the catalog version in force at the period's end
 * @param totals         the figures of the whole report
 * @param breakdown      per dimension, the figures per key (department code, window, operator id, channel id,
 *                       licence type code), keys in order
 * @param labels         per dimension, readable names of keys where the catalog has them (departments, licence types)
 */
public record UsageReport(ReportPeriod period, String departmentCode, boolean complete, AuditHead auditThrough, long catalogVersion,
                          UsageFigures totals, Map<ReportDimension, Map<String, UsageFigures>> breakdown,
                          Map<ReportDimension, Map<String, String>> labels) {
    /** Validating constructor; copies the maps in a fixed order. */
    public UsageReport {
        InvalidValueException.requireNonNull(period, "period");
        departmentCode = Codes.optional(departmentCode, "departmentCode");
        InvalidValueException.requireNonNull(auditThrough, "auditThrough");
        SortedCopies.count(catalogVersion, "catalogVersion");
        InvalidValueException.requireNonNull(totals, "totals");
        EnumMap<ReportDimension, Map<String, UsageFigures>> b = new EnumMap<>(ReportDimension.class);
        EnumMap<ReportDimension, Map<String, String>> l = new EnumMap<>(ReportDimension.class);
        for (ReportDimension d : ReportDimension.values()) {
            b.put(d, SortedCopies.stringKeyed(breakdown == null ? null : breakdown.get(d), "breakdown." + d));
            l.put(d, SortedCopies.stringKeyed(labels == null ? null : labels.get(d), "labels." + d));
        }
        breakdown = Collections.unmodifiableMap(b);
        labels = Collections.unmodifiableMap(l);
    }

    /**
     * @param dimension a dimension
     * @return its rows, by key in order
     */
    public Map<String, UsageFigures> by(ReportDimension dimension) {
        return breakdown.get(dimension);
    }

    /**
     * @param dimension a dimension
     * @param key       a key
     * @return the readable name of the key, or the key itself
     */
    public String label(ReportDimension dimension, String key) {
        return labels.get(dimension).getOrDefault(key, key);
    }
}
