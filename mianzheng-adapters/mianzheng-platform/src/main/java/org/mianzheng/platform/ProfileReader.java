package org.mianzheng.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile JSON tree with precise errors: every failure names the JSON pointer of the field.
 * A variant profile is {@linkplain #merge merged} over the default one, so it only lists what differs.
 */
public final class ProfileReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final JsonNode node;
    private final String pointer;

    private ProfileReader(JsonNode node, String pointer) {
        this.node = node;
        this.pointer = pointer;
    }

    /**
     * @param node    the root
     * @return a reader at the root
     */
    public static ProfileReader of(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ProfileException("profile: the root must be a JSON object");
        }
        return new ProfileReader(node, "");
    }

    /**
     * @param in JSON
     * @return the tree
     * @throws ProfileException if not JSON
     */
    public static JsonNode parse(InputStream in) {
        try (in) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new ProfileException("profile: not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException ? ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage() : e.getMessage()), e);
        }
    }

    /**
     * @param resource class-path resource (absolute)
     * @param owner    class whose loader finds it
     * @return the tree
     */
    public static JsonNode resource(String resource, Class<?> owner) {
        InputStream in = owner.getResourceAsStream(resource);
        if (in == null) {
            throw new ProfileException("profile resource " + resource + " is missing from the jar");
        }
        return parse(in);
    }

    /**
     * Deep merge: objects merge field by field, anything else in {@code overrides} replaces the default.
     *
     * @param defaults  the default profile
     * @param overrides the variant
     * @return a new merged tree
     */
    public static JsonNode merge(JsonNode defaults, JsonNode overrides) {
        if (overrides == null || overrides.isMissingNode()) {
            return defaults.deepCopy();
        }
        if (defaults != null && defaults.isObject() && overrides.isObject()) {
            ObjectNode out = ((ObjectNode) defaults).deepCopy();
            for (Map.Entry<String, JsonNode> e : overrides.properties()) {
                out.set(e.getKey(), merge(out.get(e.getKey()), e.getValue()));
            }
            return out;
        }
        return overrides.deepCopy();
    }

    /** @return the JSON pointer of this reader */
    public String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    /**
     * @param name field
     * @return a reader of that object field
     */
    public ProfileReader object(String name) {
        JsonNode n = node.get(name);
        if (n == null || !n.isObject()) {
            throw fail(name, "missing or not an object");
        }
        return new ProfileReader(n, pointer + "/" + name);
    }

    /**
     * @param name field
     * @return its non-blank text
     */
    public String text(String name) {
        JsonNode n = node.get(name);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw fail(name, "missing or not a non-blank string");
        }
        return n.asText().strip();
    }

    /**
     * @param name field
     * @return its text, checked to be a request header name the JDK's HTTP client sends (a token of RFC 9110, and
     *         not one the client sets itself, such as {@code Host} or {@code Content-Length})
     */
    public String headerName(String name) {
        String h = text(name);
        try {
            java.net.http.HttpRequest.newBuilder().header(h, "x");
        } catch (IllegalArgumentException e) {
            throw fail(name, "'" + h + "' is not a header name the HTTP client can send (" + e.getMessage() + ")");
        }
        return h;
    }

    /**
     * @param name     field
     * @param fallback value when absent
     * @return its text, possibly empty, or the fallback
     */
    public String optionalText(String name, String fallback) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw fail(name, "not a string");
        }
        return n.asText().strip();
    }

    /**
     * @param name     field
     * @param fallback value when absent
     * @return its text exactly as written (white space kept), or the fallback
     */
    public String rawText(String name, String fallback) {
        JsonNode n = node.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.isTextual()) {
            throw fail(name, "not a string");
        }
        return n.asText();
    }

    /**
     * @param name field
     * @return the object's string values in order
     */
    public Map<String, String> textMap(String name) {
        ProfileReader r = object(name);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : r.node.properties()) {
            if (!e.getValue().isTextual()) {
                throw r.fail(e.getKey(), "not a string");
            }
            out.put(e.getKey(), e.getValue().asText().strip());
        }
        return out;
    }

    /**
     * @param name field
     * @return the array's strings
     */
    public Set<String> textSet(String name) {
        JsonNode n = node.get(name);
        if (n == null || !n.isArray()) {
            throw fail(name, "missing or not an array of strings");
        }
        Set<String> out = new LinkedHashSet<>();
        int i = 0;
        for (JsonNode e : n) {
            if (!e.isTextual()) {
                throw fail(name + "/" + i, "not a string");
            }
            out.add(e.asText().strip());
            i++;
        }
        return out;
    }

    /**
     * @param name   field
     * @param type   enum type
     * @param <E>    enum
     * @return the object's values parsed as enum constants
     */
    public <E extends Enum<E>> Map<String, E> enumMap(String name, Class<E> type) {
        Map<String, E> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : textMap(name).entrySet()) {
            try {
                out.put(e.getKey(), Enum.valueOf(type, e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw fail(name + "/" + e.getKey(), "'" + e.getValue() + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
            }
        }
        return out;
    }

    /**
     * @param field   field below this reader
     * @param message what is wrong
     * @return an exception naming the pointer
     */
    public ProfileException fail(String field, String message) {
        return new ProfileException("profile field " + pointer + "/" + field + ": " + message);
    }
}
