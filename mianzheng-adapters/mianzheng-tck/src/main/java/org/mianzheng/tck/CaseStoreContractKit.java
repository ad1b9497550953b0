package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Case;
import org.mianzheng.api.Holder;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;

/** Contract of {@link CaseStore}: first insert wins, cases and submissions come back equal, submissions oldest first. */
public abstract class CaseStoreContractKit {
    /** The store under test. */
    protected CaseStore store;

    /** @return a new, empty store */
    protected abstract CaseStore newStore();

    /**
     * Another instance on the same backing store as the last {@link #newStore()}: another node on the same database.
     * The races below spread their writers over both instances. By default it is the same instance, which is right for
     * a store that is not shared between nodes; a store meant for several nodes should override it, since a store that
     * guards its writes only within its own instance passes the races on one instance.
     *
     * @return the second node's instance, or {@link #store} itself
     */
    protected CaseStore secondNode() {
        return store;
    }

    @BeforeEach
    void open() {
        store = newStore();
    }

    @Test
    void insertFindAndFirstInsertWins() {
        Case c = StoreSamples.aCase("B1");
        assertThat(store.find("B1")).isEmpty();
        assertThat(store.insert(c)).isTrue();
        assertThat(store.find("B1")).contains(c);
        Case other = new Case("B1", "SC002", Holder.organisation(StoreSamples.CREDIT, "乌海某公司"), Map.of(), "W02", "clerk2", StoreSamples.T0);
        assertThat(store.insert(other)).isFalse();
        assertThat(store.find("B1")).contains(c);
        assertThat(store.insert(new Case("B2", "SC002", Holder.organisation(StoreSamples.CREDIT, "乌海某公司"), null, "W02", "clerk2",
                StoreSamples.T0.plusNanos(1)))).isTrue();
        assertThat(store.find("B2").orElseThrow().applicant().id().value()).isEqualTo(StoreSamples.CREDIT);
        assertThat(store.find("B2").orElseThrow().openedAt()).isEqualTo(StoreSamples.T0.plusNanos(1));
    }

    @Test
    void ofConcurrentInsertsOfOneBizNoExactlyOneWins() throws Exception {
        List<java.util.concurrent.Callable<Boolean>> nodes = new java.util.ArrayList<>();
        List<Case> attempts = new java.util.ArrayList<>();
        CaseStore[] instances = {store, secondNode()};
        for (int n = 0; n < 4; n++) {
            CaseStore on = instances[n % 2];
            Case c = new Case("B9", "SC001", Holder.person(StoreSamples.RESIDENT, "张三"), Map.of(), "W0" + (n + 1), "clerk" + (n + 1),
                    StoreSamples.T0.plusSeconds(n));
            attempts.add(c);
            nodes.add(() -> on.insert(c));
        }
        List<Object> results = ContractSupport.together(nodes);
        assertThat(results).as("one bizNo, one case").filteredOn(Boolean.TRUE::equals).hasSize(1);
        assertThat(store.find("B9")).contains(attempts.get(results.indexOf(Boolean.TRUE)));
    }

    @Test
    void submissionsOldestFirstPerCase() {
        store.insert(StoreSamples.aCase("B1"));
        store.insert(StoreSamples.aCase("B2"));
        List<VoluntarySubmission> b1 = List.of(
                new VoluntarySubmission("B1", "YYZZ", "clerk1", StoreSamples.T0.plusSeconds(5), MaterialDecision.EXEMPT, "原件一份、复印件一份"),
                new VoluntarySubmission("B1", "SFZ", "clerk1", StoreSamples.T0.plusSeconds(1), MaterialDecision.MUST_SUBMIT, null),
                new VoluntarySubmission("B1", "YYZZ", "clerk2", StoreSamples.T0.plusSeconds(9), MaterialDecision.DIRECTED, "补交"));
        store.addSubmission(b1.get(0));
        store.addSubmission(new VoluntarySubmission("B2", "YYZZ", "clerk1", StoreSamples.T0, MaterialDecision.EXEMPT, ""));
        store.addSubmission(b1.get(1));
        store.addSubmission(b1.get(2));
        assertThat(store.submissions("B1")).containsExactlyElementsOf(b1);
        assertThat(store.submissions("B2")).hasSize(1);
        assertThat(store.submissions("B9")).isEmpty();
    }
}
