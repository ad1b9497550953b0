package org.mianzheng.api;

import java.time.Instant;
import java.util.List;

/**
 * Service guides (办事指南, Art. 17), computed from the catalog on every call: never stale. Public information: no
 * account is needed and nothing is audited. Thread-safe.
 */
public interface ServiceGuideService {

    /**
     * @param itemCode an item
     * @param asOf     an instant
     * @return the guide as the catalog stood at {@code asOf}
     * @throws CatalogException if the item was not in the catalog then
     */
    ServiceGuide guide(String itemCode, Instant asOf);

    /**
     * @param itemCode an item
     * @return the guide now
     * @throws CatalogException if the item is not in the catalog
     */
    ServiceGuide guide(String itemCode);

    /**
     * @param departmentCode a department
     * @param asOf           an instant
     * @return the guides of the department's items at {@code asOf}, by item code
     */
    List<ServiceGuide> guides(String departmentCode, Instant asOf);
}
