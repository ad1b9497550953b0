package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mianzheng.api.ViolationReview;
import org.mianzheng.api.spi.ViolationReviewStore;

/** In-memory {@link ViolationReviewStore}. Thread-safe. */
public final class InMemoryViolationReviewStore implements ViolationReviewStore {
    private final Map<String, ViolationReview> reviews = new LinkedHashMap<>();

    @Override
    public synchronized boolean add(ViolationReview review) {
        return reviews.putIfAbsent(review.violationId(), review) == null;
    }

    @Override
    public synchronized Optional<ViolationReview> find(String violationId) {
        return Optional.ofNullable(reviews.get(violationId));
    }

    @Override
    public synchronized List<ViolationReview> all() {
        return new ArrayList<>(reviews.values());
    }
}
