package org.mianzheng.platform;

import java.util.Map;
import org.mianzheng.api.FileType;

/**
 * Where a file is in an answer (dotted paths from the payload): its declared type, Base64 content, declared SHA-256
 * and declared length; and how type values read. Digest and length are checked when the platform declares them.
 *
 * @param type       declared type
 * @param content    Base64 content
 * @param sha256     declared SHA-256 (hex), or empty when the platform gives none
 * @param size       declared length in bytes, or empty
 * @param typeValues type value → file type (e.g. {@code pdf} → PDF)
 */
public record FileFields(String type, String content, String sha256, String size, Map<String, FileType> typeValues) {
    /** Validating constructor. */
    public FileFields {
        typeValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(typeValues));
    }

    /**
     * @param r reader at a {@code file} object
     * @return the fields
     */
    public static FileFields read(ProfileReader r) {
        return new FileFields(r.text("type"), r.text("content"), r.optionalText("sha256", ""), r.optionalText("size", ""),
                r.enumMap("typeValues", FileType.class));
    }

    /**
     * @param type a file type
     * @return the platform's value for it (the first mapping to it), or the lower-case name
     */
    public String valueOf(FileType type) {
        return typeValues.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElse(type.name().toLowerCase(java.util.Locale.ROOT));
    }
}
