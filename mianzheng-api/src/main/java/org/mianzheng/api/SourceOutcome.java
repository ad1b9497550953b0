package org.mianzheng.api;

/** The one typed outcome every source answer maps to. */
public enum SourceOutcome {
    /** The licence was found (its status may still make it unusable). */
    FOUND(false),
    /** No licence of that type for that holder. */
    NOT_FOUND(false),
    /** Found, but revoked. */
    REVOKED(false),
    /** Found, but expired. */
    EXPIRED(false),
    /** Found, but restricted. */
    RESTRICTED(false),
    /** The platform refused: no permission for this type or holder. */
    DENIED(false),
    /** The platform rejected the request as malformed (a bug or a mapping error). */
    BAD_REQUEST(false),
    /** Credentials or signature rejected. */
    AUTHENTICATION_FAILED(true),
    /** The platform is down, overloaded or rate-limiting. */
    UNAVAILABLE(true),
    /** No answer within the deadline. */
    TIMEOUT(true),
    /** The answer could not be understood (bad JSON, truncated, oversized, wrong holder, bad file). */
    MALFORMED_RESPONSE(true);

    private final boolean channelFault;

    SourceOutcome(boolean channelFault) {
        this.channelFault = channelFault;
    }

    /** @return whether this outcome says the channel is unhealthy (counts against its circuit breaker) */
    public boolean channelFault() {
        return channelFault;
    }
}
