package org.mianzheng.api;

/**
 * A remote channel call failed with a typed outcome (unavailable, timeout, malformed response, authentication
 * failed, denied, bad request); for calls that do not return a {@link SourceResult}.
 */
public class ChannelException extends MianzhengException {
    private static final long serialVersionUID = 1L;
    private final String channel;
    private final SourceOutcome outcome;
    private final String platformCode;

    /**
     * @param channel      channel id
     * @param outcome      typed outcome
     * @param platformCode the platform's code, or {@code null}
     * @param message      detail, free of personal data
     */
    public ChannelException(String channel, SourceOutcome outcome, String platformCode, String message) {
        super(channel + ": " + outcome + (platformCode == null ? "" : " (code " + platformCode + ")") + ": " + message);
        this.channel = channel;
        this.outcome = outcome;
        this.platformCode = platformCode;
    }

    /** @return channel id */
    public String channel() {
        return channel;
    }

    /** @return the outcome */
    public SourceOutcome outcome() {
        return outcome;
    }

    /** @return the platform's code, or {@code null} */
    public String platformCode() {
        return platformCode;
    }
}
