package org.mianzheng.core.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mianzheng.api.AdminLevel;
import org.mianzheng.api.CatalogDocument;
import org.mianzheng.api.CatalogException;
import org.mianzheng.api.CatalogException.Reason;
import org.mianzheng.api.Department;
import org.mianzheng.api.Exemption;
import org.mianzheng.api.Handling;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.InvalidIdentifierException;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.Issuer;
import org.mianzheng.api.LicenseType;
import org.mianzheng.api.MaterialKind;
import org.mianzheng.api.MaterialRequirement;
import org.mianzheng.api.RetrievalMode;
import org.mianzheng.api.ReviewLevel;
import org.mianzheng.api.RiskCategory;
import org.mianzheng.api.ServiceItem;

/**
 * Reads the catalog JSON format documented in {@code docs/catalog.md} into a {@link CatalogDocument}.
 *
 * <p>Every problem is a {@link CatalogException} with the JSON path where it was found, e.g.
 * {@code $.items[3].materials[0].legalBasis}. Duplicate keys, duplicate codes, unknown references, invalid
 * identifiers and department cycles are all refused. Input is limited to {@value #MAX_BYTES} bytes.
 * Thread-safe and stateless.
 */
public final class CatalogJson {
    /** The schema version this reader understands. */
    public static final int SCHEMA_VERSION = 1;
    /** Largest catalog file accepted. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private CatalogJson() {
    }

    /**
     * @param in the JSON, UTF-8; read fully but not closed
     * @return the document, with all references checked
     * @throws CatalogException if anything is wrong, with the JSON path
     */
    public static CatalogDocument parse(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new CatalogException(Reason.MALFORMED_JSON, "$", "could not read the catalog: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new CatalogException(Reason.TOO_LARGE, "$", "catalog larger than " + MAX_BYTES + " bytes");
        }
        return parse(bytes);
    }

    /**
     * @param json the JSON text
     * @return the document
     * @throws CatalogException if anything is wrong, with the JSON path
     */
    public static CatalogDocument parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static CatalogDocument parse(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new CatalogException(Reason.MALFORMED_JSON, "$", "not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CatalogException(Reason.MALFORMED_JSON, "$", "could not read the catalog: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new CatalogException(Reason.MALFORMED_JSON, "$", "empty input");
        }
        Reader r = new Reader();
        CatalogDocument doc = r.document(root);
        CatalogValidator.validateDocument(doc, "$");
        return doc;
    }

    /** Walks the tree, keeping the path for messages. */
    private static final class Reader {
        /** Enum fields that may be absent with no default. */
        private static final Set<String> OPTIONAL_ENUMS = Set.of("riskCategory");

        CatalogDocument document(JsonNode root) {
            String p = "$";
            object(root, p);
            JsonNode version = root.get("schemaVersion");
            if (version != null && (!version.isInt() || version.intValue() != SCHEMA_VERSION)) {
                throw new CatalogException(Reason.SCHEMA, p + ".schemaVersion", "unsupported schema version " + version + "; this reader reads " + SCHEMA_VERSION);
            }
            List<Department> departments = new ArrayList<>();
            JsonNode deps = array(root, "departments", p, true);
            for (int i = 0; i < deps.size(); i++) {
                departments.add(department(deps.get(i), p + ".departments[" + i + "]"));
            }
            List<LicenseType> types = new ArrayList<>();
            JsonNode lts = array(root, "licenseTypes", p, false);
            if (lts != null) {
                for (int i = 0; i < lts.size(); i++) {
                    types.add(licenseType(lts.get(i), p + ".licenseTypes[" + i + "]"));
                }
            }
            Map<String, Department> depByCode = new HashMap<>();
            for (Department d : departments) {
                depByCode.putIfAbsent(d.code(), d);
            }
            List<ServiceItem> items = new ArrayList<>();
            JsonNode its = array(root, "items", p, true);
            for (int i = 0; i < its.size(); i++) {
                items.add(item(its.get(i), p + ".items[" + i + "]", depByCode));
            }
            return new CatalogDocument(departments, types, items);
        }

        Department department(JsonNode n, String p) {
            object(n, p);
            String code = text(n, "code", p, true);
            String name = text(n, "name", p, true);
            AdminLevel level = enumValue(AdminLevel.class, n, "level", p, AdminLevel.CITY);
            String credit = text(n, "creditCode", p, false);
            String parent = text(n, "parent", p, false);
            return construct(p, () -> new Department(code, name, level, credit, parent));
        }

        LicenseType licenseType(JsonNode n, String p) {
            object(n, p);
            String code = text(n, "code", p, true);
            String name = text(n, "name", p, true);
            HolderKind kind = enumValue(HolderKind.class, n, "holderKind", p, null);
            return construct(p, () -> new LicenseType(code, name, kind));
        }

        ServiceItem item(JsonNode n, String p, Map<String, Department> deps) {
            object(n, p);
            String code = text(n, "code", p, true);
            String name = text(n, "name", p, true);
            String dep = text(n, "department", p, true);
            AdminLevel level = enumValue(AdminLevel.class, n, "level", p, null);
            Handling handling = enumValue(Handling.class, n, "handling", p, null);
            ReviewLevel review = enumValue(ReviewLevel.class, n, "reviewLevel", p, level == AdminLevel.DISTRICT ? ReviewLevel.DISTRICT : ReviewLevel.CITY);
            JsonNode mats = array(n, "materials", p, true);
            List<MaterialRequirement> materials = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < mats.size(); i++) {
                String mp = p + ".materials[" + i + "]";
                MaterialRequirement m = material(mats.get(i), mp, deps);
                if (!seen.add(m.code())) {
                    throw new CatalogException(Reason.DUPLICATE_CODE, mp + ".code", "material code " + m.code() + " appears twice in item " + code);
                }
                materials.add(m);
            }
            return construct(p, () -> new ServiceItem(code, name, dep, level, handling, review, materials));
        }

        MaterialRequirement material(JsonNode n, String p, Map<String, Department> deps) {
            object(n, p);
            String code = text(n, "code", p, true);
            String name = text(n, "name", p, true);
            MaterialKind kind = enumValue(MaterialKind.class, n, "kind", p, null);
            String licenseType = text(n, "licenseType", p, false);
            String legal = text(n, "legalBasis", p, false);
            if (legal == null || legal.isBlank()) {
                throw new CatalogException(Reason.NO_LEGAL_BASIS, p + ".legalBasis",
                        "material " + code + " has no legal basis (Art. 11(2): no material may be required without one)");
            }
            RiskCategory risk = enumValue(RiskCategory.class, n, "riskCategory", p, null);
            Issuer issuer = issuer(n, p, deps);
            Exemption exemption = exemption(n, p);
            return construct(p, () -> new MaterialRequirement(code, name, kind, licenseType, issuer, legal, exemption, risk));
        }

        Issuer issuer(JsonNode parent, String p0, Map<String, Department> deps) {
            String p = p0 + ".issuer";
            JsonNode n = parent.get("issuer");
            if (n == null || n.isNull()) {
                throw new CatalogException(Reason.SCHEMA, p, "required field missing");
            }
            object(n, p);
            if (bool(n, "applicant", p, false)) {
                if (n.size() != 1) {
                    throw new CatalogException(Reason.SCHEMA, p, "an applicant-prepared issuer has no other fields");
                }
                return Issuer.APPLICANT;
            }
            String dep = text(n, "department", p, false);
            String name = text(n, "name", p, false);
            boolean inCity = bool(n, "inCity", p, dep != null);
            boolean online = bool(n, "verifiableOnline", p, true);
            if (name == null) {
                if (dep == null) {
                    throw new CatalogException(Reason.SCHEMA, p, "an issuer names a city department or has a name");
                }
                Department d = deps.get(dep);
                if (d == null) {
                    throw new CatalogException(Reason.UNKNOWN_REFERENCE, p + ".department", "no department " + dep + " in $.departments");
                }
                name = d.name();
            }
            String finalName = name;
            return construct(p, () -> new Issuer(dep, finalName, inCity, online));
        }

        Exemption exemption(JsonNode parent, String p0) {
            String p = p0 + ".exemption";
            JsonNode n = parent.get("exemption");
            if (n == null || n.isNull()) {
                return Exemption.NONE;
            }
            object(n, p);
            RetrievalMode mode = enumValue(RetrievalMode.class, n, "mode", p, null);
            List<String> channels = new ArrayList<>();
            JsonNode ch = array(n, "channels", p, false);
            if (ch == null && (mode == RetrievalMode.DATA_CALL || mode == RetrievalMode.DATA_VERIFY)) {
                channels = mode == RetrievalMode.DATA_CALL ? List.of(Exemption.ONEWINDOW, Exemption.CITYHUB) : List.of(Exemption.CITYHUB);
            } else if (ch != null) {
                for (int i = 0; i < ch.size(); i++) {
                    JsonNode c = ch.get(i);
                    if (!c.isTextual()) {
                        throw new CatalogException(Reason.SCHEMA, p + ".channels[" + i + "]", "expected a string");
                    }
                    channels.add(c.textValue());
                }
            }
            List<String> finalChannels = channels;
            return construct(p, () -> new Exemption(mode, finalChannels));
        }

        // -- helpers

        private static void object(JsonNode n, String p) {
            if (n == null || !n.isObject()) {
                throw new CatalogException(Reason.SCHEMA, p, "expected an object, got " + type(n));
            }
        }

        private static JsonNode array(JsonNode n, String field, String p, boolean required) {
            JsonNode a = n.get(field);
            if (a == null || a.isNull()) {
                if (required) {
                    throw new CatalogException(Reason.SCHEMA, p + "." + field, "required field missing");
                }
                return null;
            }
            if (!a.isArray()) {
                throw new CatalogException(Reason.SCHEMA, p + "." + field, "expected an array, got " + type(a));
            }
            return a;
        }

        private static String text(JsonNode n, String field, String p, boolean required) {
            JsonNode t = n.get(field);
            if (t == null || t.isNull()) {
                if (required) {
                    throw new CatalogException(Reason.SCHEMA, p + "." + field, "required field missing");
                }
                return null;
            }
            if (!t.isTextual()) {
                throw new CatalogException(Reason.SCHEMA, p + "." + field, "expected a string, got " + type(t));
            }
            return t.textValue();
        }

        private static boolean bool(JsonNode n, String field, String p, boolean dflt) {
            JsonNode t = n.get(field);
            if (t == null || t.isNull()) {
                return dflt;
            }
            if (!t.isBoolean()) {
                throw new CatalogException(Reason.SCHEMA, p + "." + field, "expected true or false, got " + type(t));
            }
            return t.booleanValue();
        }

        private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String field, String p, E dflt) {
            String s = text(n, field, p, false);
            if (s == null) {
                if (dflt == null && !OPTIONAL_ENUMS.contains(field)) {
                    throw new CatalogException(Reason.SCHEMA, p + "." + field, "required field missing");
                }
                return dflt;
            }
            try {
                return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                StringBuilder allowed = new StringBuilder();
                for (E c : type.getEnumConstants()) {
                    allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name());
                }
                throw new CatalogException(Reason.INVALID_VALUE, p + "." + field, "unknown value; expected one of " + allowed);
            }
        }

        private static String type(JsonNode n) {
            return n == null ? "nothing" : n.getNodeType().name().toLowerCase(Locale.ROOT);
        }

        private static <T> T construct(String p, java.util.function.Supplier<T> s) {
            try {
                return s.get();
            } catch (InvalidIdentifierException e) {
                throw new CatalogException(Reason.INVALID_IDENTIFIER, p, e.getMessage(), e);
            } catch (InvalidValueException e) {
                Reason reason = e.field().endsWith("legalBasis") ? Reason.NO_LEGAL_BASIS : Reason.INVALID_VALUE;
                throw new CatalogException(reason, p, e.getMessage(), e);
            }
        }
    }
}
