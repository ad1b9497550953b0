package org.mianzheng.api;

/**
 * An adapter (an SPI implementation) failed: it threw, returned {@code null}, or broke its contract.
 * Carries the adapter id so that the failing module is named.
 */
public class AdapterException extends MianzhengException {
    private static final long serialVersionUID = 1L;
    private final String adapterId;

    /**
     * @param adapterId the adapter
     * @param message   detail
     * @param cause     what the adapter threw, or {@code null}
     */
    public AdapterException(String adapterId, String message, Throwable cause) {
        super("adapter " + adapterId + ": " + message, cause);
        this.adapterId = adapterId;
    }

    /** @return the adapter id */
    public String adapterId() {
        return adapterId;
    }
}
