package org.mianzheng.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.CatalogChange;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.Handling;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.RiskCategory;
import org.mianzheng.api.ServiceItem;
import org.mianzheng.api.StoreException;
import org.mianzheng.store.jdbc.internal.Json;

/**
 * A faithful JSON form of {@link CatalogChange}s and {@link CatalogDocument}s, as stored in the
 * {@code mz_catalog_filing.changes} column: every field is written explicitly (nulls included), so that
 * {@code read(write(x)).equals(x)} for every value the records accept, whether or not it would pass the catalog's
 * reference checks. Unlike {@code CatalogJson} (which reads the documented catalog file format with defaults and
 * checks) this codec applies no defaults.
 *
 * <p>Format {@value #FORMAT}: an array of changes, each an object with {@code "op"} (e.g. {@code "REPLACE_ALL"},
 * {@code "ADD_MATERIAL"}) and the change's fields by their record component names. Thread-safe and stateless.
 */
public final class CatalogCodec {
    /** The format version written in {@code mz_catalog_filing.changes_format}. */
    public static final int FORMAT = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CatalogCodec() {
    }

    /**
     * @param changes changes
     * @return their JSON
     */
    public static String writeChanges(List<CatalogChange> changes) {
        ArrayNode a = F.arrayNode();
        for (CatalogChange c : changes) {
            a.add(change(c));
        }
        return text(a);
    }

    /**
     * @param json JSON written by {@link #writeChanges}
     * @return the changes
     * @throws StoreException if it cannot be read
     */
    public static List<CatalogChange> readChanges(String json) {
        JsonNode root = parse(json);
        if (!root.isArray()) {
            throw new StoreException("catalog changes: expected an array");
        }
        List<CatalogChange> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String p = "$[" + i + "]";
            JsonNode n = root.get(i);
            try {
                out.add(change(n, p));
            } catch (StoreException e) {
                throw e;
            } catch (MianzhengException e) {
                throw new StoreException("catalog changes: " + p + " is not a valid change: " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * @param d a document
     * @return its JSON
     */
    public static String writeDocument(CatalogDocument d) {
        return text(document(d));
    }

    /**
     * @param json JSON written by {@link #writeDocument}
     * @return the document
     * @throws StoreException if it cannot be read
     */
    public static CatalogDocument readDocument(String json) {
        try {
            return document(parse(json), "$");
        } catch (StoreException e) {
            throw e;
        } catch (MianzhengException e) {
            throw new StoreException("catalog document is not valid: " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------ writing

    private static String text(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode catalog changes", e);
        }
    }

    private static ObjectNode change(CatalogChange c) {
        ObjectNode o = F.objectNode();
        if (c instanceof CatalogChange.ReplaceAll r) {
            o.put("op", "REPLACE_ALL");
            o.set("document", document(r.document()));
        } else if (c instanceof CatalogChange.PutDepartment d) {
            o.put("op", "PUT_DEPARTMENT");
            o.set("department", department(d.department()));
        } else if (c instanceof CatalogChange.PutLicenseType t) {
            o.put("op", "PUT_LICENSE_TYPE");
            o.set("licenseType", licenseType(t.licenseType()));
        } else if (c instanceof CatalogChange.AddItem a) {
            o.put("op", "ADD_ITEM");
            o.set("item", item(a.item()));
        } else if (c instanceof CatalogChange.ModifyItem m) {
            o.put("op", "MODIFY_ITEM");
            o.set("item", item(m.item()));
        } else if (c instanceof CatalogChange.RemoveItem r) {
            o.put("op", "REMOVE_ITEM");
            o.put("itemCode", r.itemCode());
        } else if (c instanceof CatalogChange.AddMaterial a) {
            o.put("op", "ADD_MATERIAL");
            o.put("itemCode", a.itemCode());
            o.set("material", material(a.material()));
        } else if (c instanceof CatalogChange.ModifyMaterial m) {
            o.put("op", "MODIFY_MATERIAL");
            o.put("itemCode", m.itemCode());
            o.set("material", material(m.material()));
        } else if (c instanceof CatalogChange.RemoveMaterial r) {
            o.put("op", "REMOVE_MATERIAL");
            o.put("itemCode", r.itemCode());
            o.put("materialCode", r.materialCode());
        } else if (c instanceof CatalogChange.ChangeExemption e) {
            o.put("op", "CHANGE_EXEMPTION");
            o.put("itemCode", e.itemCode());
            o.put("materialCode", e.materialCode());
            o.set("exemption", exemption(e.exemption()));
        } else {
            throw new StoreException("unknown catalog change " + c.getClass().getName());
        }
        return o;
    }

    private static ObjectNode document(CatalogDocument d) {
        ObjectNode o = F.objectNode();
        ArrayNode deps = o.putArray("departments");
        d.departments().forEach(x -> deps.add(department(x)));
        ArrayNode types = o.putArray("licenseTypes");
        d.licenseTypes().forEach(x -> types.add(licenseType(x)));
        ArrayNode items = o.putArray("items");
        d.items().forEach(x -> items.add(item(x)));
        return o;
    }

    private static ObjectNode department(Department d) {
        ObjectNode o = F.objectNode();
        o.put("code", d.code());
        o.put("name", d.name());
        o.put("level", d.level().name());
        o.put("creditCode", d.creditCode());
        o.put("parentCode", d.parentCode());
        return o;
    }

    private static ObjectNode licenseType(LicenseType t) {
        ObjectNode o = F.objectNode();
        o.put("code", t.code());
        o.put("name", t.name());
        o.put("holderKind", t.holderKind().name());
        return o;
    }

    private static ObjectNode item(ServiceItem i) {
        ObjectNode o = F.objectNode();
        o.put("code", i.code());
        o.put("name", i.name());
        o.put("departmentCode", i.departmentCode());
        o.put("level", i.level().name());
        o.put("handling", i.handling().name());
        o.put("reviewLevel", i.reviewLevel().name());
        ArrayNode mats = o.putArray("materials");
        i.materials().forEach(m -> mats.add(material(m)));
        return o;
    }

    private static ObjectNode material(MaterialRequirement m) {
        ObjectNode o = F.objectNode();
        o.put("code", m.code());
        o.put("name", m.name());
        o.put("kind", m.kind().name());
        o.put("licenseTypeCode", m.licenseTypeCode());
        ObjectNode is = o.putObject("issuer");
        is.put("departmentCode", m.issuer().departmentCode());
        is.put("name", m.issuer().name());
        is.put("inCity", m.issuer().inCity());
        is.put("verifiableOnline", m.issuer().verifiableOnline());
        is.put("applicantPrepared", m.issuer().applicantPrepared());
        o.put("legalBasis", m.legalBasis());
        o.set("exemption", exemption(m.exemption()));
        o.put("riskCategory", m.riskCategory() == null ? null : m.riskCategory().name());
        return o;
    }

    private static ObjectNode exemption(Exemption e) {
        ObjectNode o = F.objectNode();
        o.put("mode", e.mode().name());
        ArrayNode ch = o.putArray("channels");
        e.channels().forEach(ch::add);
        return o;
    }

    // ------------------------------------------------------------------ reading

    private static JsonNode parse(String json) {
        try {
            JsonNode n = Json.MAPPER.readTree(json);
            if (n == null || n.isMissingNode()) {
                throw new StoreException("catalog JSON is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new StoreException("catalog JSON could not be read (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static CatalogChange change(JsonNode n, String p) {
        String op = text(n, "op", p);
        switch (op) {
            case "REPLACE_ALL":
                return new CatalogChange.ReplaceAll(document(node(n, "document", p), p + ".document"));
            case "PUT_DEPARTMENT":
                return new CatalogChange.PutDepartment(department(node(n, "department", p), p + ".department"));
            case "PUT_LICENSE_TYPE":
                return new CatalogChange.PutLicenseType(licenseType(node(n, "licenseType", p), p + ".licenseType"));
            case "ADD_ITEM":
                return new CatalogChange.AddItem(item(node(n, "item", p), p + ".item"));
            case "MODIFY_ITEM":
                return new CatalogChange.ModifyItem(item(node(n, "item", p), p + ".item"));
            case "REMOVE_ITEM":
                return new CatalogChange.RemoveItem(text(n, "itemCode", p));
            case "ADD_MATERIAL":
                return new CatalogChange.AddMaterial(text(n, "itemCode", p), material(node(n, "material", p), p + ".material"));
            case "MODIFY_MATERIAL":
                return new CatalogChange.ModifyMaterial(text(n, "itemCode", p), material(node(n, "material", p), p + ".material"));
            case "REMOVE_MATERIAL":
                return new CatalogChange.RemoveMaterial(text(n, "itemCode", p), text(n, "materialCode", p));
            case "CHANGE_EXEMPTION":
                return new CatalogChange.ChangeExemption(text(n, "itemCode", p), text(n, "materialCode", p),
                        exemption(node(n, "exemption", p), p + ".exemption"));
            default:
                throw new StoreException("catalog changes: " + p + ".op: unknown operation " + op);
        }
    }

    private static CatalogDocument document(JsonNode n, String p) {
        List<Department> deps = new ArrayList<>();
        JsonNode d = array(n, "departments", p);
        for (int i = 0; i < d.size(); i++) {
            deps.add(department(d.get(i), p + ".departments[" + i + "]"));
        }
        List<LicenseType> types = new ArrayList<>();
        JsonNode t = array(n, "licenseTypes", p);
        for (int i = 0; i < t.size(); i++) {
            types.add(licenseType(t.get(i), p + ".licenseTypes[" + i + "]"));
        }
        List<ServiceItem> items = new ArrayList<>();
        JsonNode it = array(n, "items", p);
        for (int i = 0; i < it.size(); i++) {
            items.add(item(it.get(i), p + ".items[" + i + "]"));
        }
        return new CatalogDocument(deps, types, items);
    }

    private static Department department(JsonNode n, String p) {
        return new Department(text(n, "code", p), text(n, "name", p), en(AdminLevel.class, n, "level", p), optText(n, "creditCode", p),
                optText(n, "parentCode", p));
    }

    private static LicenseType licenseType(JsonNode n, String p) {
        return new LicenseType(text(n, "code", p), text(n, "name", p), en(HolderKind.class, n, "holderKind", p));
    }

    private static ServiceItem item(JsonNode n, String p) {
        List<MaterialRequirement> mats = new ArrayList<>();
        JsonNode m = array(n, "materials", p);
        for (int i = 0; i < m.size(); i++) {
            mats.add(material(m.get(i), p + ".materials[" + i + "]"));
        }
        return new ServiceItem(text(n, "code", p), text(n, "name", p), text(n, "departmentCode", p), en(AdminLevel.class, n, "level", p),
                en(Handling.class, n, "handling", p), en(ReviewLevel.class, n, "reviewLevel", p), mats);
    }

    private static MaterialRequirement material(JsonNode n, String p) {
        JsonNode is = node(n, "issuer", p);
        String ip = p + ".issuer";
        Issuer issuer = new Issuer(optText(is, "departmentCode", ip), text(is, "name", ip), bool(is, "inCity", ip), bool(is, "verifiableOnline", ip),
                bool(is, "applicantPrepared", ip));
        String risk = optText(n, "riskCategory", p);
        return new MaterialRequirement(text(n, "code", p), text(n, "name", p), en(MaterialKind.class, n, "kind", p), optText(n, "licenseTypeCode", p),
                issuer, text(n, "legalBasis", p), exemption(node(n, "exemption", p), p + ".exemption"),
                risk == null ? null : enumOf(RiskCategory.class, risk, p + ".riskCategory"));
    }

    private static Exemption exemption(JsonNode n, String p) {
        List<String> channels = new ArrayList<>();
        JsonNode ch = array(n, "channels", p);
        for (int i = 0; i < ch.size(); i++) {
            if (!ch.get(i).isTextual()) {
                throw new StoreException("catalog JSON: " + p + ".channels[" + i + "] is not a string");
            }
            channels.add(ch.get(i).textValue());
        }
        return new Exemption(en(RetrievalMode.class, n, "mode", p), channels);
    }

    private static JsonNode node(JsonNode n, String field, String p) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isObject()) {
            throw new StoreException("catalog JSON: " + p + "." + field + " is missing or not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || !v.isArray()) {
            throw new StoreException("catalog JSON: " + p + "." + field + " is missing or not an array");
        }
        return v;
    }

    private static String text(JsonNode n, String field, String p) {
        String v = optText(n, field, p);
        if (v == null) {
            throw new StoreException("catalog JSON: " + p + "." + field + " is missing");
        }
        return v;
    }

    private static String optText(JsonNode n, String field, String p) {
        if (n == null || !n.isObject()) {
            throw new StoreException("catalog JSON: " + p + " is not an object");
        }
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new StoreException("catalog JSON: " + p + "." + field + " is not a string");
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode n, String field, String p) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) {
            throw new StoreException("catalog JSON: " + p + "." + field + " is missing or not a boolean");
        }
        return v.booleanValue();
    }

    private static <E extends Enum<E>> E en(Class<E> type, JsonNode n, String field, String p) {
        return enumOf(type, text(n, field, p), p + "." + field);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String v, String p) {
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw new StoreException("catalog JSON: " + p + ": unknown " + type.getSimpleName() + " " + v);
        }
    }
}
