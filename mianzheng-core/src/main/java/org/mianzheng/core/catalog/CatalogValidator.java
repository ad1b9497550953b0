package org.mianzheng.core.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.Department;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ServiceItem;

/** Cross-reference checks shared by the JSON reader and filings. Stateless. */
final class CatalogValidator {
    private CatalogValidator() {
    }

    /**
     * Duplicates, references and cycles within a whole document.
     *
     * @param doc    the document
     * @param prefix JSON path of the document ({@code $} for a file)
     */
    static void validateDocument(CatalogDocument doc, String prefix) {
        Map<String, Department> deps = new HashMap<>();
        Map<String, String> depPaths = new HashMap<>();
        List<Department> dl = doc.departments();
        for (int i = 0; i < dl.size(); i++) {
            String p = prefix + ".departments[" + i + "]";
            if (deps.putIfAbsent(dl.get(i).code(), dl.get(i)) != null) {
                throw new CatalogException(Reason.DUPLICATE_CODE, p + ".code", "department code " + dl.get(i).code() + " appears twice");
            }
            depPaths.put(dl.get(i).code(), p);
        }
        Map<String, LicenseType> types = new HashMap<>();
        List<LicenseType> tl = doc.licenseTypes();
        for (int i = 0; i < tl.size(); i++) {
            if (types.putIfAbsent(tl.get(i).code(), tl.get(i)) != null) {
                throw new CatalogException(Reason.DUPLICATE_CODE, prefix + ".licenseTypes[" + i + "].code",
                        "licence type code " + tl.get(i).code() + " appears twice");
            }
        }
        checkDepartments(deps, depPaths::get);
        Set<String> itemCodes = new HashSet<>();
        List<ServiceItem> il = doc.items();
        for (int i = 0; i < il.size(); i++) {
            String p = prefix + ".items[" + i + "]";
            if (!itemCodes.add(il.get(i).code())) {
                throw new CatalogException(Reason.DUPLICATE_CODE, p + ".code", "item code " + il.get(i).code() + " appears twice");
            }
            checkItem(il.get(i), p, deps, types);
        }
    }

    /**
     * Every parent exists; the parent chains have no cycle.
     *
     * @param deps  departments by code
     * @param paths JSON path of a department by code
     */
    static void checkDepartments(Map<String, Department> deps, java.util.function.Function<String, String> paths) {
        for (Department d : deps.values()) {
            if (d.parentCode() != null && !deps.containsKey(d.parentCode())) {
                throw new CatalogException(Reason.UNKNOWN_REFERENCE, paths.apply(d.code()) + ".parent", "no department " + d.parentCode());
            }
        }
        Set<String> acyclic = new HashSet<>();
        for (Department start : deps.values()) {
            Set<String> chain = new HashSet<>();
            Department d = start;
            while (d != null && !acyclic.contains(d.code())) {
                if (!chain.add(d.code())) {
                    throw new CatalogException(Reason.CYCLE, paths.apply(start.code()) + ".parent",
                            "department hierarchy has a cycle through " + d.code());
                }
                d = d.parentCode() == null ? null : deps.get(d.parentCode());
            }
            acyclic.addAll(chain);
        }
    }

    /**
     * References and consistency of one item.
     *
     * @param it    the item
     * @param p     its JSON path
     * @param deps  departments
     * @param types licence types
     */
    static void checkItem(ServiceItem it, String p, Map<String, Department> deps, Map<String, LicenseType> types) {
        if (!deps.containsKey(it.departmentCode())) {
            throw new CatalogException(Reason.UNKNOWN_REFERENCE, p + ".department", "no department " + it.departmentCode());
        }
        List<MaterialRequirement> ms = it.materials();
        for (int j = 0; j < ms.size(); j++) {
            MaterialRequirement m = ms.get(j);
            String mp = p + ".materials[" + j + "]";
            if (m.kind() == MaterialKind.ELECTRONIC_LICENSE && !types.containsKey(m.licenseTypeCode())) {
                throw new CatalogException(Reason.UNKNOWN_REFERENCE, mp + ".licenseType", "no licence type " + m.licenseTypeCode());
            }
            if (m.issuer().departmentCode() != null && !deps.containsKey(m.issuer().departmentCode())) {
                throw new CatalogException(Reason.UNKNOWN_REFERENCE, mp + ".issuer.department", "no department " + m.issuer().departmentCode());
            }
            RetrievalMode mode = m.exemption().mode();
            if (mode == RetrievalMode.DIRECTED && m.issuer().departmentCode() == null) {
                throw new CatalogException(Reason.INVALID_VALUE, mp + ".issuer.department",
                        "a DIRECTED material names the city department that verifies or issues it");
            }
            if ((mode == RetrievalMode.DATA_CALL || mode == RetrievalMode.DATA_VERIFY) && !m.issuer().verifiableOnline()) {
                throw new CatalogException(Reason.INVALID_VALUE, mp + ".exemption.mode",
                        mode + " needs an issuer whose data is verifiable online (issuer.verifiableOnline)");
            }
        }
    }
}
