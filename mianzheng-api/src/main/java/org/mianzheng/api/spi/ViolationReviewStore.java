package org.mianzheng.api.spi;

import java.util.List;
import java.util.Optional;
import org.mianzheng.api.ViolationReview;

/**
 * Durable storage of violation reviews (Art. 11, 12).
 *
 * <p>Contract: thread-safe; blocking; durable when a write returns. {@link #add} is first-writer-wins per violation
 * id: a second review of the same violation returns {@code false} and writes nothing. Failures are
 * {@link org.mianzheng.api.StoreException}s.
 */
public interface ViolationReviewStore {

    /**
     * @param review a review
     * @return {@code false} if the violation was reviewed already (nothing written)
     */
    boolean add(ViolationReview review);

    /**
     * @param violationId a violation id
     * @return its review
     */
    Optional<ViolationReview> find(String violationId);

    /** @return every review, oldest first */
    List<ViolationReview> all();
}
