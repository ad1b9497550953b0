package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.mianzheng.api.Case;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;

/**
 * The kits' races spread their writers over {@code secondNode()}: a store that makes its inserts atomic only within one
 * instance (its own lock over data the nodes share) passes the case kit with one instance and fails it with two.
 */
class SecondNodeTest {

    /**
     * Cases in a map the "nodes" share, inserted under each instance's own monitor: check, then put. The two instances'
     * inserts meet at a barrier between the check and the put, so with two instances both see the bizNo free.
     */
    static final class InstanceLockedCaseStore implements CaseStore {
        private final Map<String, Case> shared;
        private final CyclicBarrier bothChecked;
        private final List<VoluntarySubmission> submissions = new java.util.concurrent.CopyOnWriteArrayList<>();

        InstanceLockedCaseStore(Map<String, Case> shared, CyclicBarrier bothChecked) {
            this.shared = shared;
            this.bothChecked = bothChecked;
        }

        @Override
        public synchronized boolean insert(Case c) {
            if (shared.containsKey(c.bizNo())) {
                return false;
            }
            try {
                bothChecked.await(10, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                // the other instance never came: put all the same
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            shared.put(c.bizNo(), c);
            return true;
        }

        @Override
        public Optional<Case> find(String bizNo) {
            return Optional.ofNullable(shared.get(bizNo));
        }

        @Override
        public void addSubmission(VoluntarySubmission submission) {
            submissions.add(submission);
        }

        @Override
        public List<VoluntarySubmission> submissions(String bizNo) {
            return submissions.stream().filter(v -> v.bizNo().equals(bizNo)).toList();
        }
    }

    /** The case kit on one instance: {@code secondNode()} left as it is. */
    static class OneInstance extends CaseStoreContractKit {
        Map<String, Case> shared;
        CyclicBarrier barrier;

        /**
         * @return the inserts that meet between check and put: on one instance its monitor lets one in at a time, so
         *         a barrier of two could only time out; one party goes on at once, which is the same without the wait
         */
        int parties() {
            return 1;
        }

        @Override
        protected CaseStore newStore() {
            shared = new ConcurrentHashMap<>();
            barrier = new CyclicBarrier(parties());
            return new InstanceLockedCaseStore(shared, barrier);
        }
    }

    /** The same store, with a second instance over the same data. */
    static class TwoInstances extends OneInstance {
        @Override
        int parties() {
            return 2; // one insert from each instance
        }

        @Override
        protected CaseStore secondNode() {
            return new InstanceLockedCaseStore(shared, barrier);
        }
    }

    private static TestExecutionSummary race(Class<?> kit) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectMethod(kit, "ofConcurrentInsertsOfOneBizNoExactlyOneWins")).build(), listener);
        return listener.getSummary();
    }

    @Test
    void aStoreLockedWithinItsInstancePassesTheRaceOnOneInstance() {
        TestExecutionSummary s = race(OneInstance.class);
        assertThat(s.getTestsStartedCount()).isEqualTo(1);
        assertThat(s.getTestsFailedCount()).isZero();
    }

    @Test
    void andFailsItOnTwo() {
        TestExecutionSummary s = race(TwoInstances.class);
        assertThat(s.getTestsStartedCount()).isEqualTo(1);
        assertThat(s.getTestsFailedCount()).isEqualTo(1);
        assertThat(s.getFailures().get(0).getException()).hasMessageContaining("one bizNo, one case");
    }
}
