package org.mianzheng.core.workorders;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mianzheng.api.Case;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Holder;
import org.mianzheng.api.Notification;
import org.mianzheng.api.spi.CertificationSource;
import org.mianzheng.api.spi.DirectedRequestChannel;
import org.mianzheng.api.spi.Notifier;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.store.InMemoryWorkOrderStore;

/** An engine for work-order tests: no background sweep, a recording notifier, a movable clock. */
class WorkOrderFixture implements AutoCloseable {
    static final Holder ZHANG = Holder.person("11010519491231002X", "张三");
    static final byte[] PDF = "%PDF-1.7\n%result\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    final MutableClock clock;
    final List<Notification> sent = new CopyOnWriteArrayList<>();
    /**
     * Runs inside each send, before the notification is taken: what happens elsewhere while a notice is on its way; if it
     * throws, the send fails and the notification is not taken.
     */
    volatile java.util.function.Consumer<Notification> duringSend = n -> { };
    final Notifier notifier = n -> {
        duringSend.accept(n);
        sent.add(n);
    };
    final WorkOrderStore store;
    final Mianzheng mz;
    private int n;

    static Instant shanghai(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, Mianzheng.DEFAULT_ZONE).toInstant();
    }

    WorkOrderFixture(Instant start) {
        this(start, new InMemoryWorkOrderStore(), null, null, true);
    }

    WorkOrderFixture(Instant start, WorkOrderStore store, DirectedRequestChannel channel, CertificationSource cert, boolean load) {
        this(new MutableClock(start), store, channel, cert, load, null);
    }

    WorkOrderFixture(MutableClock clock, WorkOrderStore store, DirectedRequestChannel channel, CertificationSource cert, boolean load,
                     org.mianzheng.core.store.InMemoryCatalogStore catalogStore) {
        this(clock, store, channel, cert, load, catalogStore, b -> { });
    }

    /** @param more further settings of the engine */
    WorkOrderFixture(MutableClock clock, WorkOrderStore store, DirectedRequestChannel channel, CertificationSource cert, boolean load,
                     org.mianzheng.core.store.InMemoryCatalogStore catalogStore, java.util.function.Consumer<Mianzheng.Builder> more) {
        this.clock = clock;
        this.store = store;
        Mianzheng.Builder b = Mianzheng.builder().clock(clock).notifier(notifier).workOrderStore(store)
                .slaSettings(SlaSettings.defaults().withSweepEvery(java.time.Duration.ZERO));
        more.accept(b);
        if (channel != null) {
            b.directedRequestChannel(channel);
        }
        if (cert != null) {
            b.certificationSource(cert);
        }
        if (catalogStore != null) {
            b.catalogStore(catalogStore);
        }
        mz = b.build();
        if (load) {
            Fixtures.loadWithAccounts(mz);
        }
    }

    Case caseWithConsent(String item, String... materials) {
        Case c = mz.cases().open("W" + (++n), item, ZHANG, Map.of(), "W01", "clerk1");
        mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of(materials), "办理公共租赁住房申请", ConsentMethod.PAPER_FORM, "form-" + n,
                "b".repeat(64), clock.instant().plusSeconds(7 * 24 * 3600)));
        return c;
    }

    List<String> kinds() {
        return sent.stream().map(x -> x.kind() + ":" + x.recipient() + (x.late() ? ":late" : "")).toList();
    }

    @Override
    public void close() {
        mz.close();
    }
}
