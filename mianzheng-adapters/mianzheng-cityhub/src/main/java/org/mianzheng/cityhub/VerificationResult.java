package org.mianzheng.cityhub;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SourceOutcome;

/**
 * The answer of a data verification (数据核验): for each declared field, whether the platform's data matches.
 *
 * @param outcome      {@code FOUND} when the platform compared the fields; otherwise why not
 * @param matches      field → whether it matches (empty unless FOUND)
 * @param platformCode the platform's status code, or {@code null}
 * @param detail       detail free of personal data
 */
public record VerificationResult(SourceOutcome outcome, Map<String, Boolean> matches, String platformCode, String detail) {
    /** Validating constructor. */
    public VerificationResult {
        InvalidValueException.requireNonNull(outcome, "outcome");
        matches = matches == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(matches));
        detail = detail == null ? "" : detail;
    }

    /** @return whether the platform compared and every field matched */
    public boolean allMatch() {
        return outcome == SourceOutcome.FOUND && !matches.isEmpty() && !matches.containsValue(Boolean.FALSE);
    }
}
