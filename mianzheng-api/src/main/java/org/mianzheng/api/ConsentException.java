package org.mianzheng.api;

/** A consent request was refused: unknown case or consent, material not in the item, already revoked. */
public class ConsentException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message detail */
    public ConsentException(String message) {
        super(message);
    }
}
