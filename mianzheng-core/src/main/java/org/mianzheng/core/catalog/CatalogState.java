package org.mianzheng.core.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.Department;
import org.mianzheng.api.FilingRequest;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Plan;
import org.mianzheng.api.ServiceItem;

/**
 * One immutable catalog version with its precomputed plans. {@link #apply} builds the next version or throws,
 * leaving this one untouched. Plans of items a filing did not touch are shared with the previous version.
 */
final class CatalogState {
    static final CatalogState EMPTY = new CatalogState(0, Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of());

    final long version;
    final Instant effectiveAt;
    final Map<String, Department> departments;
    final Map<String, LicenseType> licenseTypes;
    final Map<String, ServiceItem> items;
    /** Precomputed plans; a HashMap for allocation-free {@code get}; never mutated after construction. */
    final HashMap<String, Plan> plans;

    private CatalogState(long version, Instant effectiveAt, Map<String, Department> departments, Map<String, LicenseType> licenseTypes,
                         Map<String, ServiceItem> items, Map<String, Plan> plans) {
        this.version = version;
        this.effectiveAt = effectiveAt;
        this.departments = departments;
        this.licenseTypes = licenseTypes;
        this.items = items;
        this.plans = new HashMap<>(plans);
    }

    /**
     * @param req     the filing
     * @param version the version it creates
     * @param at      when it takes effect
     * @return the next state
     * @throws CatalogException if a change breaks a rule; this state is unchanged
     */
    CatalogState apply(FilingRequest req, long version, Instant at) {
        Map<String, Department> deps = new HashMap<>(departments);
        Map<String, LicenseType> types = new HashMap<>(licenseTypes);
        Map<String, ServiceItem> its = new HashMap<>(items);
        Set<String> touched = new HashSet<>();
        Map<String, String> touchedPaths = new HashMap<>();
        boolean replaced = false;
        List<CatalogChange> changes = req.changes();
        for (int k = 0; k < changes.size(); k++) {
            String p = "$.changes[" + k + "]";
            CatalogChange c = changes.get(k);
            try {
                if (c instanceof CatalogChange.ReplaceAll r) {
                    CatalogDocument doc = r.document();
                    CatalogValidator.validateDocument(doc, p + ".document");
                    deps.clear();
                    types.clear();
                    its.clear();
                    doc.departments().forEach(d -> deps.put(d.code(), d));
                    doc.licenseTypes().forEach(t -> types.put(t.code(), t));
                    doc.items().forEach(i -> its.put(i.code(), i));
                    replaced = true;
                } else if (c instanceof CatalogChange.PutDepartment d) {
                    deps.put(d.department().code(), d.department());
                } else if (c instanceof CatalogChange.PutLicenseType t) {
                    types.put(t.licenseType().code(), t.licenseType());
                } else if (c instanceof CatalogChange.AddItem a) {
                    ServiceItem it = a.item();
                    owner(req, it.departmentCode(), it.code(), p);
                    if (its.containsKey(it.code())) {
                        throw new CatalogException(Reason.DUPLICATE_CODE, p + ".item.code", "item " + it.code() + " is already in the catalog");
                    }
                    its.put(it.code(), it);
                    touch(touched, touchedPaths, it.code(), p + ".item");
                } else if (c instanceof CatalogChange.ModifyItem m) {
                    ServiceItem old = existing(its, m.item().code(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    owner(req, m.item().departmentCode(), old.code(), p);
                    its.put(old.code(), m.item());
                    touch(touched, touchedPaths, old.code(), p + ".item");
                } else if (c instanceof CatalogChange.RemoveItem r) {
                    ServiceItem old = existing(its, r.itemCode(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    its.remove(old.code());
                    touched.remove(old.code());
                } else if (c instanceof CatalogChange.AddMaterial a) {
                    ServiceItem old = existing(its, a.itemCode(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    if (old.material(a.material().code()).isPresent()) {
                        throw new CatalogException(Reason.DUPLICATE_CODE, p + ".material.code",
                                "item " + old.code() + " already has material " + a.material().code());
                    }
                    List<MaterialRequirement> ms = new ArrayList<>(old.materials());
                    ms.add(a.material());
                    its.put(old.code(), withMaterials(old, ms));
                    touch(touched, touchedPaths, old.code(), p);
                } else if (c instanceof CatalogChange.ModifyMaterial m) {
                    ServiceItem old = existing(its, m.itemCode(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    its.put(old.code(), withMaterials(old, replaceMaterial(old, m.material().code(), m.material(), p)));
                    touch(touched, touchedPaths, old.code(), p);
                } else if (c instanceof CatalogChange.RemoveMaterial r) {
                    ServiceItem old = existing(its, r.itemCode(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    its.put(old.code(), withMaterials(old, replaceMaterial(old, r.materialCode(), null, p)));
                    touch(touched, touchedPaths, old.code(), p);
                } else if (c instanceof CatalogChange.ChangeExemption e) {
                    ServiceItem old = existing(its, e.itemCode(), p);
                    owner(req, old.departmentCode(), old.code(), p);
                    MaterialRequirement m = old.material(e.materialCode()).orElseThrow(() -> new CatalogException(Reason.UNKNOWN_REFERENCE,
                            p + ".materialCode", "item " + old.code() + " has no material " + e.materialCode()));
                    MaterialRequirement changed = new MaterialRequirement(m.code(), m.name(), m.kind(), m.licenseTypeCode(), m.issuer(),
                            m.legalBasis(), e.exemption(), m.riskCategory());
                    its.put(old.code(), withMaterials(old, replaceMaterial(old, m.code(), changed, p)));
                    touch(touched, touchedPaths, old.code(), p);
                }
            } catch (InvalidValueException e) {
                throw new CatalogException(Reason.INVALID_VALUE, p, e.getMessage(), e);
            }
        }
        if (!deps.containsKey(req.departmentCode())) {
            throw new CatalogException(Reason.UNKNOWN_REFERENCE, "$.departmentCode", "the filing department " + req.departmentCode() + " is not in the catalog");
        }
        CatalogValidator.checkDepartments(deps, code -> "$.departments[" + code + "]");
        boolean referencesChanged = replaced || !deps.equals(departments) || !types.equals(licenseTypes);
        Map<String, Plan> newPlans = new HashMap<>();
        for (ServiceItem it : its.values()) {
            boolean changed = replaced || touched.contains(it.code());
            if (changed || referencesChanged) {
                String p = touchedPaths.getOrDefault(it.code(), "$.items[" + it.code() + "]");
                CatalogValidator.checkItem(it, p, deps, types);
            }
            Plan previous = plans.get(it.code());
            newPlans.put(it.code(), changed || previous == null ? PlanCompiler.compile(it, version) : previous);
        }
        return new CatalogState(version, at, Map.copyOf(deps), Map.copyOf(types), Map.copyOf(its), newPlans);
    }

    private static void touch(Set<String> touched, Map<String, String> paths, String code, String p) {
        touched.add(code);
        paths.put(code, p);
    }

    private static void owner(FilingRequest req, String itemDepartment, String itemCode, String p) {
        if (!req.departmentCode().equals(itemDepartment)) {
            throw new CatalogException(Reason.NOT_OWNER, p, "department " + req.departmentCode() + " may not file changes to item "
                    + itemCode + " of department " + itemDepartment + " (Art. 16: each unit files its own catalog)");
        }
    }

    private static ServiceItem existing(Map<String, ServiceItem> its, String code, String p) {
        ServiceItem it = its.get(code);
        if (it == null) {
            throw new CatalogException(Reason.UNKNOWN_ITEM, p, "no item " + code + " in the catalog");
        }
        return it;
    }

    private static List<MaterialRequirement> replaceMaterial(ServiceItem it, String code, MaterialRequirement replacement, String p) {
        List<MaterialRequirement> out = new ArrayList<>(it.materials().size());
        boolean found = false;
        for (MaterialRequirement m : it.materials()) {
            if (m.code().equals(code)) {
                found = true;
                if (replacement != null) {
                    out.add(replacement);
                }
            } else {
                out.add(m);
            }
        }
        if (!found) {
            throw new CatalogException(Reason.UNKNOWN_REFERENCE, p + ".materialCode", "item " + it.code() + " has no material " + code);
        }
        return out;
    }

    private static ServiceItem withMaterials(ServiceItem it, List<MaterialRequirement> ms) {
        try {
            return new ServiceItem(it.code(), it.name(), it.departmentCode(), it.level(), it.handling(), it.reviewLevel(), ms);
        } catch (MianzhengException e) {
            throw new CatalogException(Reason.INVALID_VALUE, null, e.getMessage(), e);
        }
    }
}
