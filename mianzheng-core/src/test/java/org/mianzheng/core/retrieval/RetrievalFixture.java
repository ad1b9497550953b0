package org.mianzheng.core.retrieval;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.mianzheng.api.Case;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.ConsentRequest;
import org.mianzheng.api.Digests;
import org.mianzheng.api.Holder;
import org.mianzheng.api.RetrievalResult;
import org.mianzheng.core.Mianzheng;
import org.mianzheng.core.MutableClock;
import org.mianzheng.core.catalog.Fixtures;
import org.mianzheng.core.testing.FakeSource;

/** An engine on the fixture catalog with two fake channels, at Monday 2026-03-02 10:00 Asia/Shanghai. */
class RetrievalFixture implements AutoCloseable {
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T02:00:00Z");
    static final Holder ZHANG = Holder.person("11010519491231002X", "张三");

    final MutableClock clock = new MutableClock(MONDAY_10);
    final FakeSource onewindow = new FakeSource("onewindow");
    final FakeSource cityhub = new FakeSource("cityhub");
    final Mianzheng mz;
    private int caseNo;

    RetrievalFixture() {
        this(RetrievalSettings.defaults(), null);
    }

    RetrievalFixture(RetrievalSettings settings, org.mianzheng.api.spi.AuditStore auditStore) {
        Mianzheng.Builder b = Mianzheng.builder().clock(clock).licenseSource(onewindow).licenseSource(cityhub).retrievalSettings(settings);
        if (auditStore != null) {
            b.auditStore(auditStore);
        }
        mz = b.build();
        Fixtures.loadWithAccounts(mz);
    }

    Case openCase(Holder applicant, Map<String, Map<String, String>> declared) {
        return mz.cases().open("B" + (++caseNo), "SC001", applicant, declared, "W01", "clerk1");
    }

    Case openCase() {
        return openCase(ZHANG, Map.of());
    }

    Consent consent(Case c, String... materials) {
        return mz.consents().grant(new ConsentRequest(c.bizNo(), "clerk1", Set.of(materials), "办理食品经营许可", ConsentMethod.SIGNATURE_PAD,
                "sig-" + c.bizNo(), Digests.sha256Hex(("signature of " + c.bizNo()).getBytes()), null));
    }

    RetrievalResult retrieve(Case c, String material) {
        return retrieve(c, material, "clerk1");
    }

    RetrievalResult retrieve(Case c, String material, String operator) {
        return mz.retrieval().retrieve(c.bizNo(), material, operator).toCompletableFuture().join();
    }

    static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    @Override
    public void close() {
        mz.close();
    }
}
