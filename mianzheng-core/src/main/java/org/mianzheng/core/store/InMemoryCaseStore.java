package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.Case;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;

/** In-memory {@link CaseStore}. Thread-safe. */
public final class InMemoryCaseStore implements CaseStore {
    private final Map<String, Case> cases = new ConcurrentHashMap<>();
    private final Map<String, List<VoluntarySubmission>> submissions = new ConcurrentHashMap<>();

    @Override
    public boolean insert(Case c) {
        return cases.putIfAbsent(c.bizNo(), c) == null;
    }

    @Override
    public Optional<Case> find(String bizNo) {
        return Optional.ofNullable(cases.get(bizNo));
    }

    @Override
    public void addSubmission(VoluntarySubmission submission) {
        submissions.compute(submission.bizNo(), (k, v) -> {
            List<VoluntarySubmission> l = v == null ? new ArrayList<>() : new ArrayList<>(v);
            l.add(submission);
            return List.copyOf(l);
        });
    }

    @Override
    public List<VoluntarySubmission> submissions(String bizNo) {
        return submissions.getOrDefault(bizNo, List.of());
    }
}
