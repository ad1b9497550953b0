package org.mianzheng.api;

import java.time.Instant;
import java.util.Map;

/**
 * A recorded violation: refused, or flagged for review (Art. 11). Supervisors review them (Art. 12 grounds).
 *
 * @param id           unique id
 * @param at           when
 * @param kind         what
 * @param operatorId   who
 * @param bizNo        the case, or {@code null}
 * @param refused      whether the act was refused ({@code false}: flagged only)
 * @param detail       context, free of personal data
 */
public record Violation(String id, Instant at, ViolationKind kind, String operatorId, String bizNo, boolean refused,
                        Map<String, String> detail) {
    /** Validating constructor. */
    public Violation {
        id = Codes.require(id, "id");
        InvalidValueException.requireNonNull(at, "at");
        InvalidValueException.requireNonNull(kind, "kind");
        operatorId = Codes.require(operatorId, "operatorId");
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
