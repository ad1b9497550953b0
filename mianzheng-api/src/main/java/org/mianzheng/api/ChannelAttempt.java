package org.mianzheng.api;

import java.time.Duration;

/**
 * One channel tried during a retrieval.
 *
 * @param channel      channel id
 * @param outcome      its outcome ({@link SourceOutcome#UNAVAILABLE} when its circuit breaker was open)
 * @param platformCode the platform's code, or {@code null}
 * @param detail       short explanation
 * @param elapsed      how long it took
 */
public record ChannelAttempt(String channel, SourceOutcome outcome, String platformCode, String detail, Duration elapsed) {
    /** Validating constructor. */
    public ChannelAttempt {
        channel = Codes.require(channel, "channel");
        InvalidValueException.requireNonNull(outcome, "outcome");
        detail = detail == null ? "" : detail;
        InvalidValueException.requireNonNull(elapsed, "elapsed");
    }
}
