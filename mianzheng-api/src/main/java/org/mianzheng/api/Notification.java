package org.mianzheng.api;

import java.time.Instant;
import java.util.Map;

/**
 * Something the engine tells a person through the {@link org.mianzheng.api.spi.Notifier}.
 *
 * @param id        unique per (order, action): the same notification is never sent twice
 * @param kind      what
 * @param recipient to whom (a role, not a person: the embedding system resolves it)
 * @param orderId   the work order, or {@code null}
 * @param department the department concerned, or {@code null}
 * @param dueAt     when the action was due
 * @param sentAt    when sent
 * @param late      whether it is sent late (e.g. after downtime)
 * @param message   readable text (Chinese), free of identity numbers
 * @param detail    structured context, free of identity numbers
 */
public record Notification(String id, Kind kind, Recipient recipient, String orderId, String department, Instant dueAt, Instant sentAt, boolean late,
                           String message, Map<String, String> detail) {
    /** Kinds of notifications. */
    public enum Kind {
        /** A share of the goal has elapsed (default 50 %, 80 %), or the deadline is near (default 5 min). */
        WARNING,
        /** The deadline has passed without an answer. */
        BREACH,
        /** The breach is escalated to the next level. */
        ESCALATION,
        /** A result (certification, verification) is pushed to an online applicant. */
        RESULT_PUSH,
        /** A deadline was computed outside the loaded calendar years: load the next year's calendar. */
        COVERAGE_ALARM
    }

    /** Who is told. */
    public enum Recipient {
        /** The receiving department's handlers. */
        HANDLER,
        /** The receiving department's lead. */
        DEPARTMENT_LEAD,
        /** The supervising office (the approval bureau). */
        SUPERVISING_OFFICE,
        /** The applicant (online requests). */
        APPLICANT,
        /** The operators of mianzheng (calendar coverage). */
        OPERATIONS
    }

    /** Validating constructor. */
    public Notification {
        id = InvalidValueException.requireText(id, "id");
        InvalidValueException.requireNonNull(kind, "kind");
        InvalidValueException.requireNonNull(recipient, "recipient");
        InvalidValueException.requireNonNull(sentAt, "sentAt");
        message = InvalidValueException.requireText(message, "message");
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
