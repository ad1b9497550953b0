package org.mianzheng.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * What is to be recorded; the chain adds sequence, time and hashes.
 *
 * @param type    kind of event
 * @param actor   operator id, or a system actor such as {@code system}
 * @param bizNo   the case, or {@code null}
 * @param subject keyed digest of the data subject's id (see {@code AuditSubjects}), or {@code null}
 * @param detail  context, free of personal data; sorted by key
 */
public record AuditRecord(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
    /** Validating constructor. */
    public AuditRecord {
        InvalidValueException.requireNonNull(type, "type");
        actor = InvalidValueException.requireText(actor, "actor");
        detail = detail == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(detail));
        for (Map.Entry<String, String> e : detail.entrySet()) {
            InvalidValueException.requireNonNull(e.getValue(), "detail." + e.getKey());
        }
    }
}
