package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * "Who accessed my data": every recorded act on one holder's data, with who, for which case and purpose. Making it is
 * itself an audited act, so it appears in the next report of the same holder.
 *
 * @param holderMasked the holder's id, masked (never the raw id)
 * @param subject      the holder's keyed digest, as in the audit chain
 * @param period       the period shown, or {@code null} for the whole chain
 * @param entries      the acts, in chain order
 * @param through      the last audit event read
 * @param requestedBy  the supervisor, or the clerk who verified the applicant's own request
 * @param selfRequest  whether the applicant asked for their own report at the window
 * @param madeAt       when the report was made (its own audit event's time)
 */
public record AccessReport(String holderMasked, String subject, ReportPeriod period, List<AccessEntry> entries, AuditHead through,
                           String requestedBy, boolean selfRequest, Instant madeAt) {
    /** Validating constructor. */
    public AccessReport {
        holderMasked = InvalidValueException.requireText(holderMasked, "holderMasked");
        subject = InvalidValueException.requireText(subject, "subject");
        entries = List.copyOf(InvalidValueException.requireNonNull(entries, "entries"));
        InvalidValueException.requireNonNull(through, "through");
        requestedBy = Codes.require(requestedBy, "requestedBy");
        InvalidValueException.requireNonNull(madeAt, "madeAt");
    }

    /**
     * @param type an audit type
     * @return the entries of that type
     */
    public List<AccessEntry> of(AuditType type) {
        return entries.stream().filter(e -> e.type() == type).toList();
    }
}
