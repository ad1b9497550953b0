package org.mianzheng.platform;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mianzheng.api.SourceOutcome;

/**
 * The platform's status codes: which mean success, which map to which {@link SourceOutcome}, and on which the access
 * token is refreshed once before giving up. A code that is in none of them is reported as
 * {@code MALFORMED_RESPONSE} with the code in {@code platformCode} — never swallowed.
 *
 * @param success       codes meaning success
 * @param outcomes      code → outcome
 * @param tokenRejected codes on which the token is refreshed and the call tried once more
 */
public record StatusTable(Set<String> success, Map<String, SourceOutcome> outcomes, Set<String> tokenRejected) {
    /** Validating constructor: immutable copies; success codes must not also be mapped. */
    public StatusTable {
        success = Set.copyOf(success);
        outcomes = Map.copyOf(outcomes);
        tokenRejected = Set.copyOf(tokenRejected);
        if (success.isEmpty()) {
            throw new ProfileException("profile field /statusCodes/success: at least one success code");
        }
        for (String s : success) {
            if (outcomes.containsKey(s)) {
                throw new ProfileException("profile field /statusCodes/outcomes/" + s + ": a success code cannot map to an outcome");
            }
        }
        for (String t : tokenRejected) {
            if (outcomes.get(t) != SourceOutcome.AUTHENTICATION_FAILED) {
                throw new ProfileException("profile field /statusCodes/tokenRejected: " + t + " must map to AUTHENTICATION_FAILED");
            }
        }
    }

    /**
     * @param r reader at the {@code statusCodes} object
     * @return the table
     */
    public static StatusTable read(ProfileReader r) {
        return new StatusTable(r.textSet("success"), r.enumMap("outcomes", SourceOutcome.class), r.textSet("tokenRejected"));
    }

    /**
     * @param code a status code
     * @return whether it means success
     */
    public boolean isSuccess(String code) {
        return success.contains(code);
    }

    /**
     * @param code a status code
     * @return its outcome, empty if unknown (or success)
     */
    public Optional<SourceOutcome> outcome(String code) {
        return Optional.ofNullable(outcomes.get(code));
    }
}
