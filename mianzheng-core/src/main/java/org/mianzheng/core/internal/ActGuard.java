package org.mianzheng.core.internal;

import java.util.Map;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Role;

/** What services need from accounts and audit, bound after construction to break the cycle catalog ↔ accounts. */
public interface ActGuard {
    /** Lets everything through and records nothing: used until the engine is fully built. */
    ActGuard NONE = new ActGuard() {
        @Override
        public void authorize(String operatorId, Role role, String departmentCode, String bizNo, String act) {
        }

        @Override
        public org.mianzheng.api.AuditEvent audit(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
            return null;
        }

        @Override
        public RuntimeException notSaved(org.mianzheng.api.AuditEvent attempted, String actor, String idKey, String id) {
            return null;
        }
    };

    /**
     * @param operatorId     who
     * @param role           role needed
     * @param departmentCode the department the act belongs to, or {@code null} for any
     * @param bizNo          case or {@code null}
     * @param act            what, for the record
     */
    void authorize(String operatorId, Role role, String departmentCode, String bizNo, String act);

    /**
     * @param type    event type
     * @param actor   actor
     * @param bizNo   case or {@code null}
     * @param subject subject digest or {@code null}
     * @param detail  detail
     * @return the event recorded ({@code null} from {@link #NONE})
     */
    org.mianzheng.api.AuditEvent audit(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail);

    /**
     * Takes back a recorded act whose record the store refused (see {@code AuditChain.appendNotSaved}).
     *
     * @param attempted the act's event
     * @param actor     who attempted it
     * @param idKey     the detail key of the record's id
     * @param id        the record's id
     * @return {@code null} if recorded, else why not
     */
    RuntimeException notSaved(org.mianzheng.api.AuditEvent attempted, String actor, String idKey, String id);
}
