package org.mianzheng.api;

import java.util.List;

/** The tamper-evident audit chain. Reading it is itself audited. Thread-safe. */
public interface AuditLog {

    /** @return the current head */
    AuditHead head();

    /** @return the verification of the whole chain */
    AuditVerification verify();

    /**
     * @param anchor a head recorded earlier
     * @return the verification, also checking that the chain still contains the anchor
     */
    AuditVerification verify(AuditHead anchor);

    /**
     * Reads events; records an {@link AuditType#AUDIT_READ} event first.
     *
     * @param fromSequence first sequence
     * @param limit        at most this many (1..10,000)
     * @param operatorId   a {@link Role#SUPERVISOR}
     * @param purpose      why
     * @return the events
     * @throws AccessDeniedException if the operator may not read the log
     */
    List<AuditEvent> read(long fromSequence, int limit, String operatorId, String purpose);
}
