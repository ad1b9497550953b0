package org.mianzheng.api;

/**
 * What happened to an online request: issued at once from connected data, or a work order under the online rules.
 *
 * @param issuedImmediately whether the certification was issued at once
 * @param certificate       the certification when issued at once, else {@code null}
 * @param order             the work order otherwise, else {@code null}
 */
public record OnlineOutcome(boolean issuedImmediately, DocumentFile certificate, WorkOrder order) {
    /** Validating constructor. */
    public OnlineOutcome {
        if (issuedImmediately ? certificate == null || order != null : order == null || certificate != null) {
            throw new InvalidValueException("issuedImmediately", "either a certificate issued at once or a work order");
        }
    }
}
