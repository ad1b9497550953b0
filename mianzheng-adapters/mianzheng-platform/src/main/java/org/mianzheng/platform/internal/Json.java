package org.mianzheng.platform.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** JSON helpers: one shared mapper, dotted-path access. */
public final class Json {
    /** Shared mapper (thread-safe once configured). */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(64 * 1024 * 1024).build());
        MAPPER.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION); // an answer saying two things is refused
        MAPPER.enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS); // nor one with more after it
    }

    private Json() {
    }

    /** @return a new object node */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * @param root node
     * @param path dotted path; empty = the node itself
     * @return the node there, or a missing node
     */
    public static JsonNode at(JsonNode root, String path) {
        if (path == null || path.isEmpty()) {
            return root;
        }
        JsonNode n = root;
        int start = 0;
        while (n != null && !n.isMissingNode()) {
            int dot = path.indexOf('.', start);
            String part = dot < 0 ? path.substring(start) : path.substring(start, dot);
            n = n.isObject() ? n.get(part) : null;
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        return n == null ? MissingNode.getInstance() : n;
    }

    /**
     * @param root node
     * @param path dotted path
     * @return its text if it is a string or number, otherwise {@code null}
     */
    public static String text(JsonNode root, String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        JsonNode n = at(root, path);
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }

    /**
     * Sets a value at a dotted path, creating objects on the way.
     *
     * @param root  object
     * @param path  dotted path
     * @param value value (String, Number, Boolean or JsonNode)
     */
    public static void put(ObjectNode root, String path, Object value) {
        ObjectNode n = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode c = n.get(parts[i]);
            if (!(c instanceof ObjectNode)) {
                c = n.putObject(parts[i]);
            }
            n = (ObjectNode) c;
        }
        String last = parts[parts.length - 1];
        if (value == null) {
            n.putNull(last);
        } else if (value instanceof JsonNode) {
            n.set(last, (JsonNode) value);
        } else if (value instanceof Integer || value instanceof Long) {
            n.put(last, ((Number) value).longValue());
        } else if (value instanceof Boolean) {
            n.put(last, (Boolean) value);
        } else {
            n.put(last, value.toString());
        }
    }

    /**
     * @param bytes JSON
     * @return the tree
     * @throws CallFailure MALFORMED_RESPONSE if not a JSON object
     */
    public static JsonNode parseObject(byte[] bytes) {
        try {
            JsonNode n = MAPPER.readTree(bytes);
            if (n == null || !n.isObject()) {
                throw CallFailure.of(org.mianzheng.api.SourceOutcome.MALFORMED_RESPONSE, "answer is not a JSON object");
            }
            return n;
        } catch (StreamReadException e) {
            String m = e.getOriginalMessage();
            throw CallFailure.of(org.mianzheng.api.SourceOutcome.MALFORMED_RESPONSE, m != null && m.startsWith("Duplicate field")
                    ? "answer has a key twice in one object" : "answer is not valid JSON");
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            throw CallFailure.of(org.mianzheng.api.SourceOutcome.MALFORMED_RESPONSE, "answer has more after its JSON value");
        } catch (IOException e) {
            throw CallFailure.of(org.mianzheng.api.SourceOutcome.MALFORMED_RESPONSE, "answer is not valid JSON");
        }
    }

    /**
     * @param node tree
     * @return compact bytes
     */
    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing a JSON tree cannot fail", e);
        }
    }
}
