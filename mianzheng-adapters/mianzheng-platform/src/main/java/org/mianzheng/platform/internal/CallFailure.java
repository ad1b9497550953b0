package org.mianzheng.platform.internal;

import java.time.Duration;
import org.mianzheng.api.SourceOutcome;

/**
 * A failed platform call, already typed. Internal control flow: no stack trace.
 */
public final class CallFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final SourceOutcome outcome;
    private final String platformCode;
    private final boolean tokenRejected;
    private final transient Duration retryAfter;

    /**
     * @param outcome       outcome
     * @param platformCode  platform code or {@code null}
     * @param detail        detail free of personal data
     * @param tokenRejected whether a fresh token may help
     * @param retryAfter    server's retry hint or {@code null}
     */
    public CallFailure(SourceOutcome outcome, String platformCode, String detail, boolean tokenRejected, Duration retryAfter) {
        super(detail, null, false, false);
        this.outcome = outcome;
        this.platformCode = platformCode;
        this.tokenRejected = tokenRejected;
        this.retryAfter = retryAfter;
    }

    /**
     * @param outcome outcome
     * @param detail  detail
     * @return a failure without platform code
     */
    public static CallFailure of(SourceOutcome outcome, String detail) {
        return new CallFailure(outcome, null, detail, false, null);
    }

    /**
     * @param outcome outcome
     * @param code    platform code
     * @param detail  detail
     * @return a failure with platform code
     */
    public static CallFailure of(SourceOutcome outcome, String code, String detail) {
        return new CallFailure(outcome, code, detail, false, null);
    }

    /**
     * @param t anything a stage failed with
     * @return it as a call failure ({@code MALFORMED_RESPONSE} for unexpected exceptions)
     */
    public static CallFailure from(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof CallFailure) {
            return (CallFailure) c;
        }
        if (c instanceof java.util.concurrent.TimeoutException || c instanceof java.net.http.HttpTimeoutException) {
            return of(SourceOutcome.TIMEOUT, "no answer within the call timeout");
        }
        if (c instanceof java.util.concurrent.CancellationException) {
            return of(SourceOutcome.TIMEOUT, "cancelled");
        }
        return of(SourceOutcome.MALFORMED_RESPONSE, "unexpected " + c.getClass().getSimpleName());
    }

    /** @return outcome */
    public SourceOutcome outcome() {
        return outcome;
    }

    /** @return platform code or {@code null} */
    public String platformCode() {
        return platformCode;
    }

    /** @return whether re-login may help */
    public boolean tokenRejected() {
        return tokenRejected;
    }

    /** @return retry hint or {@code null} */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** @return whether an idempotent call may be retried after this */
    public boolean retryable() {
        return outcome == SourceOutcome.UNAVAILABLE || outcome == SourceOutcome.TIMEOUT;
    }
}
