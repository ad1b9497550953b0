package org.mianzheng.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Complaints (Art. 21): the 办不成事反映 window and the 12345 hotline. Every change is audited
 * ({@link AuditType#COMPLAINT}); the summary and the resolution stay in the store, the audit chain keeps their
 * SHA-256. Thread-safe.
 */
public interface ComplaintService {

    /**
     * Records a complaint. When a case is named, the department is the case's item's department unless given.
     *
     * @param request the complaint
     * @return the recorded complaint, {@link ComplaintState#RECEIVED}
     * @throws AccessDeniedException if the recorder is not an active window clerk or supervisor
     * @throws SupervisionException  if the case or the department does not exist
     */
    Complaint record(ComplaintRequest request);

    /**
     * Links a complaint to a case (e.g. a 12345 ticket once the case is found).
     *
     * @param complaintId the complaint
     * @param bizNo       the case
     * @param operatorId  a window clerk or supervisor
     * @return the new version
     * @throws SupervisionException if the complaint or case does not exist, or it is resolved or linked already
     */
    Complaint linkCase(String complaintId, String bizNo, String operatorId);

    /**
     * Assigns a complaint to the department that handles it.
     *
     * @param complaintId    the complaint
     * @param departmentCode a department of the catalog
     * @param supervisorId   a {@link Role#SUPERVISOR}
     * @return the new version, {@link ComplaintState#ASSIGNED}
     * @throws SupervisionException if it is resolved already or the department does not exist
     */
    Complaint assign(String complaintId, String departmentCode, String supervisorId);

    /**
     * Resolves an assigned complaint with a written answer.
     *
     * @param complaintId   the complaint
     * @param operatorId    a supervisor, or an active account of the assigned department
     * @param substantiated whether the complaint was found justified
     * @param resolution    the answer given to the complainant
     * @return the new version, {@link ComplaintState#RESOLVED}
     * @throws SupervisionException  if it is not assigned
     * @throws AccessDeniedException if the operator may not resolve it
     */
    Complaint resolve(String complaintId, String operatorId, boolean substantiated, String resolution);

    /**
     * @param complaintId a complaint id
     * @return the complaint
     */
    Optional<Complaint> find(String complaintId);

    /**
     * @param from inclusive
     * @param to   exclusive
     * @return complaints received in that period, oldest first
     */
    List<Complaint> receivedBetween(Instant from, Instant to);
}
