package org.mianzheng.api;

/**
 * Producing a digital signature failed: a signing provider refused or broke its contract, a key or certificate is
 * unusable (wrong algorithm, too short, does not match its certificate), a token or remote signing service is
 * unreachable, or a time-stamping authority answered badly. Carries the id of the provider (or time-stamping
 * client) at fault when there is one.
 */
public class SigningException extends MianzhengException {
    private static final long serialVersionUID = 1L;
    private final String providerId;

    /**
     * @param providerId the provider or time-stamping client at fault, or {@code null}
     * @param message    precise description, free of personal data and of key material
     */
    public SigningException(String providerId, String message) {
        super(prefix(providerId) + message);
        this.providerId = providerId;
    }

    /**
     * @param providerId the provider or time-stamping client at fault, or {@code null}
     * @param message    precise description, free of personal data and of key material
     * @param cause      underlying cause
     */
    public SigningException(String providerId, String message, Throwable cause) {
        super(prefix(providerId) + message, cause);
        this.providerId = providerId;
    }

    private static String prefix(String providerId) {
        return providerId == null ? "" : "signing provider " + providerId + ": ";
    }

    /** @return the provider or time-stamping client at fault, or {@code null} when none is to blame */
    public String providerId() {
        return providerId;
    }
}
