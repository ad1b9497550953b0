package org.mianzheng.core.store;

import java.util.ArrayList;
import java.util.List;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.CatalogStore;

/** In-memory {@link CatalogStore}. Thread-safe. */
public final class InMemoryCatalogStore implements CatalogStore {
    private final List<CatalogFiling> filings = new ArrayList<>();

    @Override
    public synchronized List<CatalogFiling> loadAll() {
        return List.copyOf(filings);
    }

    @Override
    public synchronized void append(CatalogFiling filing) {
        long expected = filings.size() + 1L;
        if (filing.sequence() != expected) {
            throw new StoreException("catalog filing " + filing.sequence() + " is not the next one (" + expected + ")");
        }
        filings.add(filing);
    }
}
