package org.mianzheng.seal.verify;

import org.mianzheng.api.InvalidValueException;

/**
 * The outcome of one {@link Check}.
 *
 * @param check  the check
 * @param status its outcome
 * @param detail what was found, or what failed
 */
public record CheckResult(Check check, Status status, String detail) {
    /** Outcome of a check. */
    public enum Status {
        /** The check passed. */
        PASSED,
        /** The check failed. */
        FAILED,
        /** The check does not apply (no time-stamp on a B-B receipt; no voucher registry configured). */
        SKIPPED
    }

    /** Validating constructor. */
    public CheckResult {
        InvalidValueException.requireNonNull(check, "check");
        InvalidValueException.requireNonNull(status, "status");
        InvalidValueException.requireNonNull(detail, "detail");
    }

    /** @return whether it passed */
    public boolean passed() {
        return status == Status.PASSED;
    }

    @Override
    public String toString() {
        return check + " " + status + ": " + detail;
    }
}
