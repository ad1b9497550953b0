package org.mianzheng.api;

import java.util.Map;
import java.util.TreeMap;

/**
 * What is to be recorded; the chain adds sequence, time and hashes.
 *
 * @param type    kind of event
 * @param actor   operator id, or a system actor such as {@code system}
 * @param bizNo   the case, or {@code null}
 * @param subject keyed digest of the data subject's id (see {@code AuditSubjects}), or {@code null}
 * @param detail  context, free of personal data; sorted by key
 */
public record AuditRecord(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
    /** Validating constructor. */
    public AuditRecord {
        InvalidValueException.requireNonNull(type, "type");
        actor = InvalidValueException.requireText(actor, "actor");
        detail = sortedCopy(detail);
        for (Map.Entry<String, String> e : detail.entrySet()) {
            InvalidValueException.requireNonNull(e.getValue(), "detail." + e.getKey());
        }
    }

    /** An unmodifiable sorted view that {@link #sortedCopy} recognises and does not copy again. */
    private static final class Sorted extends java.util.AbstractMap<String, String> {
        private final TreeMap<String, String> map;

        Sorted(TreeMap<String, String> map) {
            this.map = map;
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            return java.util.Collections.unmodifiableMap(map).entrySet();
        }

        @Override
        public String get(Object key) {
            return map.get(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /** Writes the entry count, then each key and value in key order. */
    static void writeSorted(Map<String, String> detail, CanonicalBuffer b) {
        TreeMap<String, String> m = detail instanceof Sorted sorted ? sorted.map : new TreeMap<>(detail);
        b.put(m.size());
        for (Map.Entry<String, String> e : m.entrySet()) {
            b.put(e.getKey());
            b.put(e.getValue());
        }
    }

    /**
     * @param detail a map or {@code null}
     * @return an unmodifiable copy sorted by key (the argument itself if it already is one)
     */
    static Map<String, String> sortedCopy(Map<String, String> detail) {
        if (detail instanceof Sorted) {
            return detail;
        }
        return new Sorted(detail == null ? new TreeMap<>() : new TreeMap<>(detail));
    }
}
