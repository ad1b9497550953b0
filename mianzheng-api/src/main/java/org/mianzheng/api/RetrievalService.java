package org.mianzheng.api;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Consent-bound retrieval of electronic licences (Art. 10(一), 5, 15). Every call is authorised (active account with
 * {@link Role#WINDOW_CLERK}, valid consent covering the material), purpose-bound (the consent's purpose is sent with
 * every channel call) and recorded in the audit chain; if the audit event cannot be recorded, no data is returned.
 * Thread-safe.
 */
public interface RetrievalService {

    /**
     * Retrieves one material of a case through the plan's channels, in order, within the overall deadline.
     *
     * @param bizNo        the case
     * @param materialCode an {@code EXEMPT} electronic-licence material of the case's item
     * @param operatorId   the clerk
     * @return the result; fails with {@link AccessDeniedException} when refused, {@link AuditException} when the audit
     *         chain could not record it
     */
    CompletionStage<RetrievalResult> retrieve(String bizNo, String materialCode, String operatorId);

    /**
     * Retrieves every {@code EXEMPT} electronic-licence material the consent covers.
     *
     * @param bizNo      the case
     * @param operatorId the clerk
     * @return the results, in the item's material order. It fails as {@link #retrieve} does, with the first failure, if
     *         any material fails (a refusal, or an audit event that could not be recorded); a material no channel could
     *         serve is not a failure but a {@code MUST_SUBMIT} result. The materials retrieved before or beside the
     *         failed one are recorded and cached all the same: {@link #retrieve} them one by one to have their results.
     */
    CompletionStage<List<RetrievalResult>> retrieveAll(String bizNo, String operatorId);

    /**
     * Releases a copy of a retrieved licence file for the archive: an explicit, audited act (Art. 10(一)).
     *
     * @param bizNo        the case
     * @param materialCode a material retrieved with its file
     * @param act          download or print
     * @param operatorId   who
     * @param purpose      why
     * @return the copy
     * @throws AccessDeniedException if not allowed
     * @throws RetrievalException    if nothing was retrieved with a file for that material
     */
    ArchiveCopy archiveCopy(String bizNo, String materialCode, ArchiveAct act, String operatorId, String purpose);
}
