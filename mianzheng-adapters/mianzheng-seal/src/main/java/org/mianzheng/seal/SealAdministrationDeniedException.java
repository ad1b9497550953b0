package org.mianzheng.seal;

import org.mianzheng.api.ReceiptException;

/** An operator tried to change seal profiles without being allowed to administer seals (Art. 20). Nothing changed. */
public class SealAdministrationDeniedException extends ReceiptException {
    private static final long serialVersionUID = 1L;
    private final String operatorId;
    private final String action;

    /**
     * @param operatorId the operator refused
     * @param action     what was attempted, e.g. {@code register seal profile x}
     * @param cause      the policy's exception when it failed, else {@code null}
     */
    public SealAdministrationDeniedException(String operatorId, String action, Throwable cause) {
        super("operator " + operatorId + " may not administer seals: refused to " + action, cause);
        this.operatorId = operatorId;
        this.action = action;
    }

    /** @return the operator refused */
    public String operatorId() {
        return operatorId;
    }

    /** @return what was attempted */
    public String action() {
        return action;
    }
}
