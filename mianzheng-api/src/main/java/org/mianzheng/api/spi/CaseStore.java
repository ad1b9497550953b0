package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.Case;
import org.mianzheng.api.VoluntarySubmission;

/**
 * Durable storage of cases and their voluntary submissions.
 *
 * <p>Contract: thread-safe; blocking; durable when a write returns. Failures are
 * {@link org.mianzheng.api.StoreException}s.
 */
public interface CaseStore {

    /**
     * @param c a new case
     * @return {@code false} if a case with that bizNo exists already (nothing written)
     */
    boolean insert(Case c);

    /**
     * @param bizNo a bizNo
     * @return the case
     */
    Optional<Case> find(String bizNo);

    /** @param submission a voluntary submission to record */
    void addSubmission(VoluntarySubmission submission);

    /**
     * @param bizNo a bizNo
     * @return its submissions, oldest first
     */
    List<VoluntarySubmission> submissions(String bizNo);
}
