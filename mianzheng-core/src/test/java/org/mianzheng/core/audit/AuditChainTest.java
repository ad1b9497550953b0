package org.mianzheng.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditHead;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.AuditVerification;
import org.mianzheng.api.AuditVerification.Problem;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.testing.WrappingAuditStore;

class AuditChainTest {
    /** A store whose reads can be tampered with. */
    static final class Tamperable extends WrappingAuditStore {
        UnaryOperator<List<AuditEvent>> tamper = UnaryOperator.identity();

        @Override
        public List<AuditEvent> read(long fromSequence, int limit) {
            List<AuditEvent> all = tamper.apply(new ArrayList<>(inner.read(1, Integer.MAX_VALUE)));
            return all.stream().skip(Math.max(0, fromSequence - 1)).limit(limit).toList();
        }
    }

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    Tamperable store = new Tamperable();
    AuditChain chain;

    @BeforeEach
    void setUp() {
        chain = new AuditChain(clock, store);
        for (int i = 1; i <= 10; i++) {
            chain.append(new AuditRecord(AuditType.CHANNEL_ATTEMPT, "clerk1", "B" + i, null, Map.of("n", Integer.toString(i))));
        }
    }

    static AuditEvent with(AuditEvent e, Map<String, String> detail) {
        return new AuditEvent(e.sequence(), e.at(), e.type(), e.actor(), e.bizNo(), e.subject(), detail, e.previousHash(), e.hash());
    }

    static List<AuditEvent> swap(List<AuditEvent> l, int i, int j) {
        AuditEvent a = l.get(i);
        l.set(i, l.get(j));
        l.set(j, a);
        return l;
    }

    AuditVerification verifyWith(UnaryOperator<List<AuditEvent>> t) {
        store.tamper = t;
        return chain.verify();
    }

    /** An act's own clock reading is its event's time, unless the chain's last event is later: time never goes back. */
    @Test
    void anActsTimeIsUsedButNeverBeforeTheLastEvent() {
        Instant last = store.last().orElseThrow().at();
        AuditEvent later = chain.append(new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B1", null, Map.of()), last.plusSeconds(5));
        assertThat(later.at()).isEqualTo(last.plusSeconds(5));
        AuditEvent earlier = chain.append(new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B1", null, Map.of()), last);
        assertThat(earlier.at()).isEqualTo(last.plusSeconds(5));
        clock.advance(java.time.Duration.ofMinutes(1));
        assertThat(chain.append(new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B1", null, Map.of()), null).at()).isEqualTo(clock.instant());
        assertThat(chain.verify().ok()).isTrue();
    }

    @Test
    void intactChainVerifies() {
        AuditVerification v = chain.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(10);
        assertThat(chain.head().sequence()).isEqualTo(10);
    }

    @Test
    void modifiedEventIsFound() {
        AuditVerification v = verifyWith(l -> {
            l.set(4, with(l.get(4), Map.of("n", "500")));
            return l;
        });
        assertThat(v.ok()).isFalse();
        assertThat(v.problem()).isEqualTo(Problem.MODIFIED);
        assertThat(v.atSequence()).isEqualTo(5L);
    }

    @Test
    void rehashedModificationBreaksTheLink() {
        AuditVerification v = verifyWith(l -> {
            AuditEvent e = l.get(4);
            l.set(4, AuditEvent.link(e.sequence(), e.at(), new AuditRecord(e.type(), e.actor(), e.bizNo(), null, Map.of("n", "500")), e.previousHash()));
            return l;
        });
        assertThat(v.problem()).isEqualTo(Problem.MODIFIED);
        assertThat(v.atSequence()).isEqualTo(6L);
    }

    @Test
    void removedEventIsFound() {
        AuditVerification v = verifyWith(l -> {
            l.remove(6);
            return l;
        });
        assertThat(v.problem()).isEqualTo(Problem.REMOVED);
        assertThat(v.atSequence()).isEqualTo(7L);
    }

    @Test
    void insertedEventIsFound() {
        AuditVerification v = verifyWith(l -> {
            AuditEvent prev = l.get(2);
            l.add(3, AuditEvent.link(3, prev.at(), new AuditRecord(AuditType.RETRIEVAL, "mallory", "B3", null, Map.of()), l.get(1).hash()));
            return l;
        });
        assertThat(v.problem()).isEqualTo(Problem.INSERTED);
        assertThat(v.atSequence()).isEqualTo(3L);
    }

    @Test
    void reorderedEventsAreFound() {
        AuditVerification v = verifyWith(l -> swap(l, 3, 5));
        assertThat(v.problem()).isEqualTo(Problem.REORDERED);
        assertThat(v.atSequence()).isEqualTo(4L);
        AuditVerification swapped = verifyWith(l -> swap(l, 3, 4));
        assertThat(swapped.problem()).isEqualTo(Problem.REORDERED);
        assertThat(swapped.atSequence()).isEqualTo(4L);
    }

    /** The events as a database returns rows ordered by sequence: each at the position its (possibly changed) number gives it. */
    static List<AuditEvent> renumbered(List<AuditEvent> l) {
        List<AuditEvent> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            AuditEvent e = l.get(i);
            out.add(new AuditEvent(i + 1, e.at(), e.type(), e.actor(), e.bizNo(), e.subject(), e.detail(), e.previousHash(), e.hash()));
        }
        return out;
    }

    @Test
    void anEventInsertedInADatabaseAndTheRestRenumberedIsFoundWhereItWasInserted() {
        AuditVerification v = verifyWith(l -> {
            AuditEvent prev = l.get(2);
            l.add(3, AuditEvent.link(4, prev.at(), new AuditRecord(AuditType.RETRIEVAL, "mallory", "B4", null, Map.of()), prev.hash()));
            return renumbered(l); // the forged event 4 links to 3; the former 4 is now 5
        });
        assertThat(v.problem()).isEqualTo(Problem.INSERTED);
        assertThat(v.atSequence()).isEqualTo(4L);
        assertThat(v.detail()).contains("event 5 was event 4 before");
    }

    @Test
    void anEventRemovedInADatabaseAndTheRestRenumberedIsFound() {
        AuditVerification v = verifyWith(l -> {
            l.remove(3);
            return renumbered(l);
        });
        assertThat(v.problem()).isEqualTo(Problem.REMOVED);
        assertThat(v.atSequence()).isEqualTo(4L);
    }

    @Test
    void twoEventsWhoseRowsWereSwappedInADatabaseAreFound() {
        AuditVerification v = verifyWith(l -> renumbered(swap(l, 3, 4)));
        assertThat(v.problem()).isEqualTo(Problem.REORDERED);
        assertThat(v.atSequence()).isEqualTo(4L);
        assertThat(v.detail()).contains("events 4 and 5 were swapped");
    }

    @Test
    void anEventTheStoreCannotReadIsReportedWhereItIsAfterTheEventsBeforeItAreChecked() {
        AuditChain reader = new AuditChain(clock, new OneUnreadable(store, 6));
        AuditVerification v = reader.verify();
        assertThat(v.problem()).isEqualTo(Problem.MODIFIED);
        assertThat(v.atSequence()).isEqualTo(6L);
        assertThat(v.eventsChecked()).isEqualTo(6);
        assertThat(v.detail()).contains("event 6 cannot be read");
        // a modification before the unreadable event is the one reported
        store.tamper = l -> {
            l.set(2, with(l.get(2), Map.of("n", "300")));
            return l;
        };
        assertThat(reader.verify().atSequence()).isEqualTo(3L);
    }

    /** A store that reads rows as a database does (from a sequence, so many rows), and cannot read one of them. */
    static final class OneUnreadable extends WrappingAuditStore {
        final Tamperable rows;
        final long unreadable;
        boolean down;

        OneUnreadable(Tamperable rows, long unreadable) {
            this.rows = rows;
            this.unreadable = unreadable;
        }

        @Override
        public List<AuditEvent> read(long fromSequence, int limit) {
            if (down) {
                throw new org.mianzheng.api.StoreException("audit read failed (SQL state 08001)");
            }
            List<AuditEvent> out = rows.read(fromSequence, limit);
            if (out.stream().anyMatch(e -> e.sequence() == unreadable)) {
                throw new org.mianzheng.api.StoreException("stored audit event " + unreadable + " cannot be read: its type is not an audit type");
            }
            return out;
        }
    }

    @Test
    void aStoreThatIsDownIsAFailureNotATamperReport() {
        OneUnreadable down = new OneUnreadable(store, -1);
        down.down = true;
        assertThatThrownBy(() -> new AuditChain(clock, down).verify()).isInstanceOf(org.mianzheng.api.AuditException.class)
                .hasMessageContaining("08001");
    }

    @Test
    void anUnreadableEventAfterARemovedOneIsReportedAsTheRemoval() {
        OneUnreadable reader = new OneUnreadable(store, 7);
        store.tamper = l -> {
            l.remove(4); // event 5
            return l;
        };
        AuditVerification v = new AuditChain(clock, reader).verify();
        assertThat(v.problem()).isEqualTo(Problem.REMOVED);
        assertThat(v.atSequence()).isEqualTo(5L);
        OneUnreadable next = new OneUnreadable(store, 6); // the row right after the removed one cannot be read
        AuditVerification w = new AuditChain(clock, next).verify();
        assertThat(w.problem()).isEqualTo(Problem.MODIFIED);
        assertThat(w.atSequence()).isEqualTo(5L);
        assertThat(w.detail()).startsWith("the event after 4 cannot be read").contains("stored audit event 6");
    }

    @Test
    void cutOffTailIsFoundAgainstAnAnchor() {
        AuditHead anchor = chain.head();
        store.tamper = l -> l.subList(0, 7);
        assertThat(chain.verify().ok()).as("without an anchor a cut tail looks like a shorter chain").isTrue();
        AuditVerification v = chain.verify(anchor);
        assertThat(v.problem()).isEqualTo(Problem.TRUNCATED);
        assertThat(v.atSequence()).isEqualTo(8L);
    }

    @Test
    void readingIsAuditedAndNeedsASupervisor() {
        try (Mianzheng mz = Mianzheng.builder().clock(clock).build()) {
            Fixtures.loadWithAccounts(mz);
            long before = mz.audit().head().sequence();
            List<AuditEvent> read = mz.audit().read(1, 5, "sup", "例行抽查");
            assertThat(read).hasSize(5);
            AuditEvent last = mz.internals().audit().read(before + 1, 1, "sup", "x").get(0);
            assertThat(last.type()).isEqualTo(AuditType.AUDIT_READ);
            assertThat(last.detail()).containsEntry("purpose", "例行抽查");
            assertThatThrownBy(() -> mz.audit().read(1, 5, "clerk1", "x")).isInstanceOf(AccessDeniedException.class);
            assertThat(mz.audit().verify().ok()).isTrue();
        }
    }
}
