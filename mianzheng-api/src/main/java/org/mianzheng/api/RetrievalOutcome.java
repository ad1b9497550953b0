package org.mianzheng.api;

/** What a retrieval of one material came to. */
public enum RetrievalOutcome {
    /** A usable licence was obtained and matches what the applicant declared. */
    RETRIEVED,
    /** A usable licence was obtained but differs from what the applicant declared: ask for supplementary material (Art. 15). */
    MISMATCH,
    /** No channel could serve, or the licence is not usable: the applicant submits the material (Art. 5). */
    MUST_SUBMIT
}
