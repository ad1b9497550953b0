package org.mianzheng.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mianzheng.api.StoreException;

/** JSON columns: string maps, nested string maps and string lists. Thread-safe. */
public final class Json {
    /** The shared mapper (no default typing). */
    public static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, LinkedHashMap<String, String>>> NESTED = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private Json() {
    }

    /**
     * @param m a map (written with keys sorted)
     * @return JSON
     */
    public static String write(Map<String, ?> m) {
        return writeValue(new TreeMap<>(m));
    }

    /**
     * @param l a list
     * @return JSON
     */
    public static String write(List<String> l) {
        return writeValue(l);
    }

    private static String writeValue(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StoreException("could not encode a JSON column", e);
        }
    }

    /**
     * @param json JSON object of strings
     * @return the map
     */
    public static Map<String, String> map(String json) {
        return read(json, MAP);
    }

    /**
     * @param json JSON object of objects of strings
     * @return the map
     */
    public static Map<String, Map<String, String>> nested(String json) {
        return new LinkedHashMap<>(read(json, NESTED));
    }

    /**
     * @param json JSON array of strings
     * @return the list
     */
    public static List<String> list(String json) {
        return read(json, LIST);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            // where, not what: the parser's message quotes the stored text, which may be personal data (declared
            // data, consent details), so neither it nor the parser's exception goes with the failure
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new StoreException("a stored JSON column could not be read: " + e.getClass().getSimpleName()
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        }
    }
}
