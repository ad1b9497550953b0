package org.mianzheng.core.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Role;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.accounts.DefaultAccountService;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.store.InMemoryOperatorStore;
import org.mianzheng.core.testing.FakeSource;

/** A store read that was on its way when an account was deregistered must not bring the active account back. */
class AccountCacheRaceTest {
    /** Holds the chosen thread's read of the store until released. */
    static final class HeldReads implements OperatorStore {
        final OperatorStore inner;
        volatile Thread held;
        final CountDownLatch readDone = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldReads(OperatorStore inner) {
            this.inner = inner;
        }

        @Override
        public boolean insert(Operator o, AccountEvent e) {
            return inner.insert(o, e);
        }

        @Override
        public void update(Operator o, AccountEvent e) {
            inner.update(o, e);
        }

        @Override
        public Optional<Operator> find(String id) {
            Optional<Operator> r = inner.find(id);
            if (Thread.currentThread() == held) {
                readDone.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return r;
        }

        @Override
        public void putLiaison(String d, String o, AccountEvent e) {
            inner.putLiaison(d, o, e);
        }

        @Override
        public Optional<String> liaison(String d) {
            return inner.liaison(d);
        }

        @Override
        public List<AccountEvent> events() {
            return inner.events();
        }
    }

    @Test
    void aStaleReadDoesNotUndoADeregistration() throws Exception {
        InMemoryOperatorStore shared = new InMemoryOperatorStore();
        MutableClock clock = new MutableClock(RetrievalFixture.MONDAY_10);
        try (Mianzheng first = Mianzheng.builder().clock(clock).operatorStore(shared).build()) {
            Fixtures.loadWithAccounts(first); // the accounts exist in the store; the next engine has not cached them
        }
        HeldReads store = new HeldReads(shared);
        try (Mianzheng mz = Mianzheng.builder().clock(clock).operatorStore(store).licenseSource(new FakeSource("onewindow")).build()) {
            mz.catalog().file(Fixtures.load());
            DefaultAccountService accounts = (DefaultAccountService) mz.accounts();
            Case c = mz.cases().open("B1", "SC001", RetrievalFixture.ZHANG, Map.of(), "W01", "clerk1");
            mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of("SFZ"), "办理", ConsentMethod.SMS_CODE, "sms-1",
                    Digests.sha256Hex("1".getBytes()), null));
            Thread reader = new Thread(() -> accounts.authorize("clerk2", Role.WINDOW_CLERK, null, "retrieve"));
            store.held = reader;
            reader.start();
            assertThat(store.readDone.await(10, TimeUnit.SECONDS)).isTrue(); // the reader has the active account in hand
            mz.accounts().deregister("clerk2", "admin1", "市行政审批和政务服务局", "调岗");
            store.release.countDown();
            reader.join(10_000);

            assertThat(mz.accounts().find("clerk2").orElseThrow().active()).isFalse();
            assertThatThrownBy(() -> mz.internals().lookup().check(c.bizNo(), "SFZ", "clerk2", "retrieve"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, e -> assertThat(e.kind()).isEqualTo(ViolationKind.DEREGISTERED_ACCOUNT));
        }
    }
}
