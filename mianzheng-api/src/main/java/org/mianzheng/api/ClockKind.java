package org.mianzheng.api;

/** Which clock an SLA goal counts. */
public enum ClockKind {
    /** Working time of the receiving department's calendar (office hours, holidays, make-up days). */
    WORKING,
    /** Natural (elapsed) time. */
    NATURAL
}
