package org.mianzheng.api;

/** What the plan decides for one material. */
public enum MaterialDecision {
    /** Obtained electronically through the channels; the applicant does not hand it in. */
    EXEMPT,
    /** Needs a directed verification or certification request to the issuing department. */
    DIRECTED,
    /** The applicant hands it in, for the reason given. */
    MUST_SUBMIT
}
