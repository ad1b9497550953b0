package org.mianzheng.core;

import java.time.Clock;
import java.time.ZoneId;
import org.mianzheng.api.CaseService;
import org.mianzheng.api.ExemptionCatalog;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.core.cases.DefaultCaseService;
import org.mianzheng.core.catalog.DefaultExemptionCatalog;
import org.mianzheng.core.store.InMemoryCaseStore;
import org.mianzheng.core.store.InMemoryCatalogStore;

/**
 * The one entry point for embedders. Build it once with the clock, stores and adapters registered explicitly;
 * reach every capability through it.
 *
 * <pre>{@code
 * Mianzheng mz = Mianzheng.builder()
 *         .clock(Clock.system(Mianzheng.DEFAULT_ZONE))
 *         .catalogStore(new InMemoryCatalogStore())
 *         .build();
 * mz.catalog().file(...);
 * Plan plan = mz.catalog().plan("330217009000");
 * }</pre>
 *
 * <p>Thread-safe once built.
 */
public final class Mianzheng {
    /** The city's time zone, used by calendars and by default clocks. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;
    private final DefaultExemptionCatalog catalog;
    private final DefaultCaseService cases;

    private Mianzheng(Builder b) {
        this.clock = b.clock != null ? b.clock : Clock.system(DEFAULT_ZONE);
        CatalogStore catalogStore = b.catalogStore != null ? b.catalogStore : new InMemoryCatalogStore();
        CaseStore caseStore = b.caseStore != null ? b.caseStore : new InMemoryCaseStore();
        this.catalog = new DefaultExemptionCatalog(clock, catalogStore);
        this.cases = new DefaultCaseService(clock, catalog, caseStore);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the engine clock */
    public Clock clock() {
        return clock;
    }

    /** @return the exemption catalog and plans */
    public ExemptionCatalog catalog() {
        return catalog;
    }

    /** @return cases and voluntary submissions */
    public CaseService cases() {
        return cases;
    }

    /**
     * Builder with set-once setters: setting a property twice is a programming error and fails.
     * Unset stores default to the in-memory ones; the clock defaults to the system clock in Asia/Shanghai.
     */
    public static final class Builder {
        private Clock clock;
        private CatalogStore catalogStore;
        private CaseStore caseStore;

        private Builder() {
        }

        private static <T> T once(T current, T value, String name) {
            InvalidValueException.requireNonNull(value, name);
            if (current != null) {
                throw new InvalidValueException(name, "already set on this builder");
            }
            return value;
        }

        /**
         * @param clock the engine clock (inject a fixed or mutable clock in tests)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = once(this.clock, clock, "clock");
            return this;
        }

        /**
         * @param store where catalog filings live
         * @return this
         */
        public Builder catalogStore(CatalogStore store) {
            this.catalogStore = once(this.catalogStore, store, "catalogStore");
            return this;
        }

        /**
         * @param store where cases live
         * @return this
         */
        public Builder caseStore(CaseStore store) {
            this.caseStore = once(this.caseStore, store, "caseStore");
            return this;
        }

        /**
         * @return the engine; the catalog store is replayed now
         * @throws org.mianzheng.api.StoreException if a store cannot be read
         */
        public Mianzheng build() {
            return new Mianzheng(this);
        }
    }
}
