package org.mianzheng.api;

/** Kinds of audit events. */
public enum AuditType {
    /** An operator account was registered. */
    ACCOUNT_REGISTERED,
    /** An operator account was deregistered. */
    ACCOUNT_DEREGISTERED,
    /** A department's liaison was appointed. */
    LIAISON_APPOINTED,
    /** A case was opened. */
    CASE_OPENED,
    /** Paper handed in voluntarily (Art. 4). */
    VOLUNTARY_SUBMISSION,
    /** A catalog filing took effect (Art. 16). */
    CATALOG_FILED,
    /** On-site consent granted. */
    CONSENT_GRANTED,
    /** Consent revoked. */
    CONSENT_REVOKED,
    /** One channel tried, with its outcome. */
    CHANNEL_ATTEMPT,
    /** A retrieval finished (retrieved, mismatch or must submit). */
    RETRIEVAL,
    /** A retrieval was served from the cache. */
    CACHE_HIT,
    /** A copy was downloaded for the archive. */
    ARCHIVE_DOWNLOAD,
    /** A copy was printed for the archive. */
    ARCHIVE_PRINT,
    /** An act was refused by the misuse guard. */
    REFUSAL,
    /** A violation was flagged or recorded. */
    VIOLATION,
    /** The audit log was read. */
    AUDIT_READ,
    /** A work order changed state. */
    WORK_ORDER,
    /** An SLA warning, breach or escalation was notified. */
    SLA_NOTICE,
    /** The special seal was applied to a receipt (Art. 13). */
    SEAL_USED,
    /** A receipt was issued. */
    RECEIPT_ISSUED,
    /** A calendar was updated. */
    CALENDAR_UPDATED,
    /** A supervisor reviewed a violation. */
    VIOLATION_REVIEWED,
    /** A complaint was recorded or changed. */
    COMPLAINT,
    /** A report or spot check was produced. */
    SUPERVISION
}
