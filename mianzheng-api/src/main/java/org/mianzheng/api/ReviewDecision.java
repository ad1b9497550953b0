package org.mianzheng.api;

/** A supervisor's decision on a flagged or refused act (Art. 11, 12). */
public enum ReviewDecision {
    /** The violation stands: the unit or staff is accountable (问责, Art. 11). */
    CONFIRMED,
    /** Dismissed on one of the grounds of Art. 12 (免责). */
    DISMISSED
}
