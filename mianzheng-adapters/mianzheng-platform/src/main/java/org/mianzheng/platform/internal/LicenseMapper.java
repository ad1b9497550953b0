package org.mianzheng.platform.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.License;
import org.mianzheng.api.LicenseIdentifier;
import org.mianzheng.api.LicenseQuery;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.LicenseFields;

/** Maps a platform licence object to a {@link License}, failing with MALFORMED_RESPONSE. */
public final class LicenseMapper {
    private LicenseMapper() {
    }

    /**
     * @param node   the licence object
     * @param f      field names
     * @param file   the file, or {@code null}
     * @return the licence
     * @throws CallFailure MALFORMED_RESPONSE if a field is missing or invalid
     */
    public static License map(JsonNode node, LicenseFields f, DocumentFile file) {
        if (node == null || !node.isObject()) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "no licence object in the answer");
        }
        try {
            DateTimeFormatter df = f.dateFormatter();
            String idText = optional(node, f.identifier(), true);
            LicenseIdentifier identifier = idText == null || idText.isBlank() ? null : LicenseIdentifier.parse(idText);
            String holderType = required(node, f.holderType());
            HolderId holder = new HolderId(HolderIdType.ofCode(holderType), required(node, f.holderId()));
            String statusText = optional(node, f.status(), false); // present but null is no status: refused, not read as valid
            LicenseStatus status = LicenseStatus.VALID;
            if (statusText != null) {
                status = f.statusValues().get(statusText);
                if (status == null) {
                    throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "unknown licence status value '" + Redact.text(statusText) + "'");
                }
            }
            Map<String, String> surface = new TreeMap<>();
            JsonNode s = Json.at(node, f.surface());
            if (s.isObject()) {
                for (Map.Entry<String, JsonNode> e : s.properties()) {
                    if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                        surface.put(e.getKey(), e.getValue().asText());
                    }
                }
            }
            String typeCode = required(node, f.typeCode());
            if (identifier != null && !identifier.typeCode().equals(typeCode)) { // the identifier names the type too: they must agree
                throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "licence identifier is of type " + Redact.text(identifier.typeCode())
                        + ", the licence of type " + Redact.text(typeCode));
            }
            return new License(identifier, typeCode, required(node, f.number()), holder, required(node, f.holderName()),
                    required(node, f.issuer()), date(node, f.issuedOn(), df), date(node, f.validFrom(), df), date(node, f.validUntil(), df),
                    status, surface, file);
        } catch (MianzhengException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "invalid licence in the answer: " + e.getMessage());
        } catch (DateTimeParseException e) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "invalid date in the licence: " + Redact.text(e.getParsedString()));
        }
    }

    /**
     * Checks that a licence belongs to the queried holder and type.
     *
     * @param license the licence
     * @param query   the query
     * @throws CallFailure MALFORMED_RESPONSE on a mismatch
     */
    public static void requireMatch(License license, LicenseQuery query) {
        if (!license.holder().equals(query.holder())) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "answer is for another holder (" + license.holder() + ", asked " + query.holder() + ")");
        }
        if (!license.licenseTypeCode().equals(query.licenseTypeCode())) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "answer is of licence type " + license.licenseTypeCode() + ", asked "
                    + query.licenseTypeCode());
        }
    }

    private static String required(JsonNode node, String path) {
        String v = Json.text(node, path);
        if (v == null || v.isBlank()) {
            throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "licence field '" + path + "' is missing");
        }
        return v;
    }

    /**
     * The text of an optional field: {@code null} when it is absent (or, if {@code nullIsAbsent}, JSON {@code null}); a
     * value that is there but not a string or number (an object, an array, a boolean) is refused, never read as absent.
     */
    private static String optional(JsonNode node, String path, boolean nullIsAbsent) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        JsonNode n = Json.at(node, path);
        if (n.isMissingNode() || (nullIsAbsent && n.isNull())) {
            return null;
        }
        if (n.isTextual() || n.isNumber()) {
            return n.asText();
        }
        throw CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "licence field '" + path + "' is " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
                + ", not a string or number");
    }

    private static LocalDate date(JsonNode node, String path, DateTimeFormatter df) {
        String v = optional(node, path, true);
        if (v == null || v.isBlank() || "长期".equals(v.strip())) {
            return null;
        }
        return LocalDate.parse(v.strip(), df);
    }
}
