package org.mianzheng.api;

/** How complex a directed request is; requests for a 承诺件 count as complex. */
public enum Complexity {
    /** 一般情况. */
    NORMAL,
    /** 较为复杂. */
    COMPLEX
}
