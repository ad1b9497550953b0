package org.mianzheng.api;

/** An account request was refused: unknown account, duplicate id, already deregistered, unknown department. */
public class AccountException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message detail */
    public AccountException(String message) {
        super(message);
    }
}
