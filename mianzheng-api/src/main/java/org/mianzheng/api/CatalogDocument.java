package org.mianzheng.api;

import java.util.List;

/**
 * A whole catalog: departments, licence types and service items. Produced by parsing the catalog JSON
 * ({@code docs/catalog.md}); references between them are checked when it is filed.
 *
 * @param departments  departments
 * @param licenseTypes licence types
 * @param items        service items
 */
public record CatalogDocument(List<Department> departments, List<LicenseType> licenseTypes, List<ServiceItem> items) {
    /** Validating constructor; copies the lists. */
    public CatalogDocument {
        departments = List.copyOf(InvalidValueException.requireNonNull(departments, "departments"));
        licenseTypes = List.copyOf(InvalidValueException.requireNonNull(licenseTypes, "licenseTypes"));
        items = List.copyOf(InvalidValueException.requireNonNull(items, "items"));
    }
}
