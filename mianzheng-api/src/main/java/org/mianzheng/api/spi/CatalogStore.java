package org.mianzheng.api.spi;

import java.util.List;
import org.mianzheng.api.CatalogFiling;

/**
 * Durable storage of catalog filings. The engine replays them at start-up to rebuild every catalog version.
 *
 * <p>Contract: thread-safe; blocking. {@link #append} is durable when it returns and refuses a filing whose sequence
 * is not exactly one more than the last stored (another node filed first) by throwing
 * {@link org.mianzheng.api.StoreException}. Failures are {@link org.mianzheng.api.StoreException}s.
 */
public interface CatalogStore {

    /** @return every stored filing in sequence order */
    List<CatalogFiling> loadAll();

    /**
     * @param filing the next filing
     * @throws org.mianzheng.api.StoreException if it could not be stored or its sequence is not the next one
     */
    void append(CatalogFiling filing);
}
