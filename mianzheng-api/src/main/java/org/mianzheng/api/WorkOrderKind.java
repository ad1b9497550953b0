package org.mianzheng.api;

/** Kinds of directed requests (Art. 10(二)(三)). */
public enum WorkOrderKind {
    /** 定向核验: verify a file approval. */
    VERIFY_APPROVAL,
    /** 定向开具: issue a certification. */
    ISSUE_CERTIFICATION
}
