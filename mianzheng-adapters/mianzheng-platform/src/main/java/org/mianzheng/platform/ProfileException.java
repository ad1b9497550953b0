package org.mianzheng.platform;

import org.mianzheng.api.MianzhengException;

/** A platform profile (JSON) or a platform configuration is invalid: the message names the field at fault. */
public class ProfileException extends MianzhengException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, naming the JSON pointer of the field */
    public ProfileException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong
     * @param cause   underlying cause
     */
    public ProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
