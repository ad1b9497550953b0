package org.mianzheng.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 免证办目录: the versioned exemption catalog of all departments, and the plans computed from it.
 *
 * <p>Every change is a {@link CatalogFiling} (备案, Art. 16). The catalog can be read as of any instant; a refused
 * filing leaves the catalog unchanged. Thread-safe; reads never block writers.
 */
public interface ExemptionCatalog {

    /**
     * Files changes. They take effect atomically at the engine clock's current instant.
     *
     * @param request the filing
     * @return the recorded filing, with its sequence (the new catalog version)
     * @throws CatalogException if a change breaks a rule (unknown reference, duplicate, no legal basis, not the owner...)
     * @throws StoreException   if the filing could not be stored; the catalog is then unchanged
     */
    CatalogFiling file(FilingRequest request);

    /** @return the current catalog version (0 before the first filing) */
    long version();

    /**
     * @param itemCode an item code
     * @return the current plan of that item
     * @throws CatalogException with {@link CatalogException.Reason#UNKNOWN_ITEM} if the item is not in the catalog
     */
    Plan plan(String itemCode);

    /**
     * Allocation-free on the hot path: plans are precomputed per catalog version.
     *
     * @param itemCode an item code
     * @param asOf     the instant
     * @return the plan of that item as the catalog stood at {@code asOf}
     * @throws CatalogException with {@link CatalogException.Reason#UNKNOWN_ITEM} if the item was not in the catalog then
     */
    Plan plan(String itemCode, Instant asOf);

    /**
     * @param itemCode an item code
     * @param asOf     the instant
     * @return the item as it stood at {@code asOf}
     */
    Optional<ServiceItem> item(String itemCode, Instant asOf);

    /**
     * @param asOf the instant
     * @return all items at {@code asOf}, sorted by code
     */
    List<ServiceItem> items(Instant asOf);

    /**
     * @param code a department code
     * @param asOf the instant
     * @return the department at {@code asOf}
     */
    Optional<Department> department(String code, Instant asOf);

    /**
     * @param asOf the instant
     * @return all departments at {@code asOf}, sorted by code
     */
    List<Department> departments(Instant asOf);

    /**
     * @param code a licence type code
     * @param asOf the instant
     * @return the licence type at {@code asOf}
     */
    Optional<LicenseType> licenseType(String code, Instant asOf);

    /** @return every filing, oldest first */
    List<CatalogFiling> history();

    /**
     * @param itemCode an item code
     * @return the filings that touched that item, oldest first
     */
    List<CatalogFiling> history(String itemCode);
}
