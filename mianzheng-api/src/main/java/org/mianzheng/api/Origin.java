package org.mianzheng.api;

/** Where a directed request comes from. */
public enum Origin {
    /** From a window case. */
    WINDOW,
    /** From an applicant online (互联网端、手机端). */
    ONLINE
}
