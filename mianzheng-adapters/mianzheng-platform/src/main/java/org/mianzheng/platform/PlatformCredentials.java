package org.mianzheng.platform;

import org.mianzheng.api.InvalidValueException;

/**
 * The application's credentials at a platform: app key (onewindow) or access id (cityhub), and the shared secret
 * used for token login and request signatures.
 *
 * @param appKey    app key / access id, sent in clear
 * @param appSecret shared secret, never sent and never printed
 */
public record PlatformCredentials(String appKey, String appSecret) {
    /** Validating constructor. */
    public PlatformCredentials {
        appKey = InvalidValueException.requireText(appKey, "appKey");
        int bad = org.mianzheng.platform.internal.HeaderText.firstUnsendable(appKey, false); // sent in a header
        if (bad >= 0) {
            throw new InvalidValueException("appKey", "only visible ASCII characters can be sent in a header (at " + bad + ")");
        }
        if (appSecret == null || appSecret.isEmpty()) {
            throw new InvalidValueException("appSecret", "must not be empty");
        }
    }

    /** @return the app key and a redacted secret */
    @Override
    public String toString() {
        return "PlatformCredentials[" + appKey + ", secret ***]";
    }
}
