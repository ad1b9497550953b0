package org.mianzheng.api;

/** Whether a holder (持证主体) is a natural person or an organisation. */
public enum HolderKind {
    /** A natural person. */
    PERSON,
    /** A legal person or other organisation. */
    ORGANISATION
}
