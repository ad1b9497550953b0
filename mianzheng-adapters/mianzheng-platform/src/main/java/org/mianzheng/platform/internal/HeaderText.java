package org.mianzheng.platform.internal;

/** What a request header value may hold, for text that goes into one (keys, tokens, prefixes). */
public final class HeaderText {
    private HeaderText() {
    }

    /**
     * @param s            the text
     * @param spaceAllowed whether a space may be in it (a prefix such as {@code "Bearer "})
     * @return the index of the first character outside visible ASCII (and the space, if allowed), or −1
     */
    public static int firstUnsendable(String s, boolean spaceAllowed) {
        char low = spaceAllowed ? ' ' : '!';
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < low || s.charAt(i) > '~') {
                return i;
            }
        }
        return -1;
    }
}
