package org.mianzheng.api;

import java.util.List;
import java.util.Optional;

/**
 * What the applicant of a service item no longer hands in, material by material, as of a catalog version.
 * Plans are precomputed per catalog version and shared: do not rely on identity.
 *
 * @param item           the service item
 * @param catalogVersion the catalog version (filing sequence) the plan was computed from
 * @param materials      one decision per material, in the item's order
 */
public record Plan(ServiceItem item, long catalogVersion, List<MaterialPlan> materials) {
    /** Validating constructor. */
    public Plan {
        InvalidValueException.requireNonNull(item, "item");
        materials = List.copyOf(InvalidValueException.requireNonNull(materials, "materials"));
    }

    /** @return the item code */
    public String itemCode() {
        return item.code();
    }

    /**
     * @param materialCode a material code
     * @return its decision, if the item has that material
     */
    public Optional<MaterialPlan> material(String materialCode) {
        for (MaterialPlan m : materials) {
            if (m.materialCode().equals(materialCode)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * @param decision a decision
     * @return the materials with that decision
     */
    public List<MaterialPlan> with(MaterialDecision decision) {
        return materials.stream().filter(m -> m.decision() == decision).toList();
    }
}
