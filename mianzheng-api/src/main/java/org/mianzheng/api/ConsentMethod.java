package org.mianzheng.api;

/** How the applicant authorised the retrieval at the window (现场授权). */
public enum ConsentMethod {
    /** Signed on a signature pad. */
    SIGNATURE_PAD,
    /** Face match against the identity document. */
    FACE_MATCH,
    /** Code sent by SMS to the applicant's phone. */
    SMS_CODE,
    /** Signed paper authorisation form, scanned. */
    PAPER_FORM
}
