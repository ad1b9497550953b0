package org.mianzheng.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cases (办件): opened at the window for one applicant and one item; their plan; voluntary submissions (Art. 4).
 * Thread-safe.
 */
public interface CaseService {

    /**
     * Opens a case at the engine clock's current instant.
     *
     * @param bizNo      业务流水号, unique
     * @param itemCode   the item (must be in the catalog now)
     * @param applicant  the applicant
     * @param declared   what the applicant declared per material code (may be empty)
     * @param windowId   the window
     * @param operatorId the clerk
     * @return the case
     * @throws CaseException    if the bizNo exists already
     * @throws CatalogException if the item is not in the catalog
     */
    Case open(String bizNo, String itemCode, Holder applicant, Map<String, Map<String, String>> declared, String windowId, String operatorId);

    /**
     * @param bizNo a bizNo
     * @return the case
     */
    Optional<Case> find(String bizNo);

    /**
     * @param bizNo an open case
     * @return the plan as the catalog stood when the case was opened
     * @throws CaseException if there is no such case
     */
    Plan plan(String bizNo);

    /**
     * Records a material the applicant hands in voluntarily. Always accepted (Art. 4), whatever the plan says.
     *
     * @param bizNo        the case
     * @param materialCode a material of the case's item
     * @param operatorId   who received it
     * @param note         free text, may be {@code null}
     * @return the record
     * @throws CaseException if the case or the material does not exist
     */
    VoluntarySubmission recordVoluntarySubmission(String bizNo, String materialCode, String operatorId, String note);

    /**
     * @param bizNo the case
     * @return its voluntary submissions, oldest first
     */
    List<VoluntarySubmission> voluntarySubmissions(String bizNo);
}
