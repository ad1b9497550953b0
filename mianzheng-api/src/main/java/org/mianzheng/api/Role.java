package org.mianzheng.api;

/** What an operator account may do. Authentication is the embedding system's; the engine checks roles. */
public enum Role {
    /** 综合窗口受理人员: opens cases, takes consent, retrieves, sends directed requests. */
    WINDOW_CLERK,
    /** Verifies and issues at the receiving department: accepts, completes, returns directed requests. */
    DEPARTMENT_VERIFIER,
    /** Files catalog changes (Art. 16). */
    CATALOG_ADMIN,
    /** Reads the audit log, reviews violations, runs spot checks and reports (Art. 18). */
    SUPERVISOR,
    /** Manages seal profiles (Art. 13, 20). */
    SEAL_ADMINISTRATOR
}
