package org.mianzheng.api;

/**
 * One change in a catalog filing (备案, Art. 16). A filing holds one or more changes, applied atomically.
 */
public sealed interface CatalogChange {

    /**
     * Replaces the whole catalog by a document (the initial load, or a full reload).
     *
     * @param document the new catalog
     */
    record ReplaceAll(CatalogDocument document) implements CatalogChange {
        /** Validating constructor. */
        public ReplaceAll {
            InvalidValueException.requireNonNull(document, "document");
        }
    }

    /**
     * Adds or replaces a department.
     *
     * @param department the department
     */
    record PutDepartment(Department department) implements CatalogChange {
        /** Validating constructor. */
        public PutDepartment {
            InvalidValueException.requireNonNull(department, "department");
        }
    }

    /**
     * Adds or replaces a licence type.
     *
     * @param licenseType the licence type
     */
    record PutLicenseType(LicenseType licenseType) implements CatalogChange {
        /** Validating constructor. */
        public PutLicenseType {
            InvalidValueException.requireNonNull(licenseType, "licenseType");
        }
    }

    /**
     * Adds a new service item.
     *
     * @param item the item
     */
    record AddItem(ServiceItem item) implements CatalogChange {
        /** Validating constructor. */
        public AddItem {
            InvalidValueException.requireNonNull(item, "item");
        }
    }

    /**
     * Replaces an existing item (its fields and materials).
     *
     * @param item the new version, same code
     */
    record ModifyItem(ServiceItem item) implements CatalogChange {
        /** Validating constructor. */
        public ModifyItem {
            InvalidValueException.requireNonNull(item, "item");
        }
    }

    /**
     * Removes an item.
     *
     * @param itemCode the item
     */
    record RemoveItem(String itemCode) implements CatalogChange {
        /** Validating constructor. */
        public RemoveItem {
            itemCode = Codes.require(itemCode, "itemCode");
        }
    }

    /**
     * Adds a material to an item.
     *
     * @param itemCode the item
     * @param material the material (its legal basis is required)
     */
    record AddMaterial(String itemCode, MaterialRequirement material) implements CatalogChange {
        /** Validating constructor. */
        public AddMaterial {
            itemCode = Codes.require(itemCode, "itemCode");
            InvalidValueException.requireNonNull(material, "material");
        }
    }

    /**
     * Replaces a material of an item.
     *
     * @param itemCode the item
     * @param material the new version, same code
     */
    record ModifyMaterial(String itemCode, MaterialRequirement material) implements CatalogChange {
        /** Validating constructor. */
        public ModifyMaterial {
            itemCode = Codes.require(itemCode, "itemCode");
            InvalidValueException.requireNonNull(material, "material");
        }
    }

    /**
     * Removes a material from an item.
     *
     * @param itemCode     the item
     * @param materialCode the material
     */
    record RemoveMaterial(String itemCode, String materialCode) implements CatalogChange {
        /** Validating constructor. */
        public RemoveMaterial {
            itemCode = Codes.require(itemCode, "itemCode");
            materialCode = Codes.require(materialCode, "materialCode");
        }
    }

    /**
     * Changes whether and how a material is exempt.
     *
     * @param itemCode     the item
     * @param materialCode the material
     * @param exemption    the new exemption
     */
    record ChangeExemption(String itemCode, String materialCode, Exemption exemption) implements CatalogChange {
        /** Validating constructor. */
        public ChangeExemption {
            itemCode = Codes.require(itemCode, "itemCode");
            materialCode = Codes.require(materialCode, "materialCode");
            InvalidValueException.requireNonNull(exemption, "exemption");
        }
    }
}
