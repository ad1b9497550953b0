package org.mianzheng.tck;

import org.mianzheng.api.SourceOutcome;

/** Faults a fixture may be able to inject into the platform behind a source, with the outcome each must map to. */
public enum PlatformFault {
    /** HTTP 5xx without a platform answer. */
    SERVER_ERROR(SourceOutcome.UNAVAILABLE, false),
    /** The connection closes before any answer. */
    CONNECTION_RESET(SourceOutcome.UNAVAILABLE, false),
    /** No answer at all: the source's own timeout must end the wait. */
    NO_ANSWER(SourceOutcome.TIMEOUT, false),
    /** An answer that is not valid JSON (or not valid in the platform's format). */
    MALFORMED_JSON(SourceOutcome.MALFORMED_RESPONSE, false),
    /** An answer cut short of its declared length. */
    TRUNCATED_BODY(SourceOutcome.MALFORMED_RESPONSE, false),
    /** An answer larger than any acceptable one. */
    OVERSIZED_BODY(SourceOutcome.MALFORMED_RESPONSE, false),
    /** A licence of another holder. */
    WRONG_HOLDER(SourceOutcome.MALFORMED_RESPONSE, false),
    /** The platform rejects the credentials / token every time. */
    AUTHENTICATION_FAILURE(SourceOutcome.AUTHENTICATION_FAILED, false),
    /** HTTP 429 every time. */
    RATE_LIMITED(SourceOutcome.UNAVAILABLE, false),
    /** A platform status code the source does not know: reported with the code, as MALFORMED_RESPONSE. */
    UNKNOWN_STATUS(SourceOutcome.MALFORMED_RESPONSE, false),
    /** The licence file does not match its declared digest. */
    CORRUPT_FILE(SourceOutcome.MALFORMED_RESPONSE, true);

    private final SourceOutcome expected;
    private final boolean needsFile;

    PlatformFault(SourceOutcome expected, boolean needsFile) {
        this.expected = expected;
        this.needsFile = needsFile;
    }

    /** @return the outcome a source must answer while this fault is injected */
    public SourceOutcome expected() {
        return expected;
    }

    /** @return whether the fault only shows when the file is retrieved too */
    public boolean needsFile() {
        return needsFile;
    }
}
