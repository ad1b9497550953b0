package org.mianzheng.api;

/** How an item is handled: 即办件 decided at the window, or 承诺件 decided within a promised time. */
public enum Handling {
    /** 即办件. */
    IMMEDIATE,
    /** 承诺件: directed requests for it count as complex (Art. 10(二)(三)). */
    COMMITMENT
}
