package org.mianzheng.api;

import java.time.Instant;

/**
 * A registration, deregistration or liaison appointment, as reported to the approval bureau (Art. 9).
 *
 * @param kind       what happened
 * @param operatorId the account concerned
 * @param at         when
 * @param by         who recorded it
 * @param reportedTo to whom it was reported (e.g. the bureau's account desk)
 * @param note       free text, may be empty
 */
public record AccountEvent(Kind kind, String operatorId, Instant at, String by, String reportedTo, String note) {
    /** What happened. */
    public enum Kind {
        /** 新增账号. */
        REGISTERED,
        /** 注销账号. */
        DEREGISTERED,
        /** 协调联络员 appointed for the operator's department. */
        LIAISON_APPOINTED
    }

    /** Validating constructor. */
    public AccountEvent {
        InvalidValueException.requireNonNull(kind, "kind");
        operatorId = Codes.require(operatorId, "operatorId");
        InvalidValueException.requireNonNull(at, "at");
        by = Codes.require(by, "by");
        reportedTo = InvalidValueException.requireText(reportedTo, "reportedTo");
        note = note == null ? "" : note.strip();
    }
}
