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

    /**
     * An unmodifiable map sorted by key, held as two arrays (cheap to walk when the event is hashed), that
     * {@link #sortedCopy} recognises and does not copy again.
     */
    private static final class Sorted extends java.util.AbstractMap<String, String> {
        private final String[] keys;
        private final String[] values;

        Sorted(TreeMap<String, String> map) {
            keys = map.keySet().toArray(new String[0]);
            values = map.values().toArray(new String[0]);
        }

        @Override
        public java.util.Set<Map.Entry<String, String>> entrySet() {
            return new java.util.AbstractSet<>() {
                @Override
                public java.util.Iterator<Map.Entry<String, String>> iterator() {
                    return new java.util.Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keys.length;
                        }

                        @Override
                        public Map.Entry<String, String> next() {
                            if (i >= keys.length) {
                                throw new java.util.NoSuchElementException();
                            }
                            Map.Entry<String, String> e = new java.util.AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
                            i++;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }

        @Override
        public String get(Object key) {
            if (!(key instanceof String k)) {
                return null;
            }
            int i = java.util.Arrays.binarySearch(keys, k);
            return i >= 0 ? values[i] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && java.util.Arrays.binarySearch(keys, k) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }
    }

    /** Writes the entry count, then each key and value in key order. */
    static void writeSorted(Map<String, String> detail, CanonicalBuffer b) {
        if (detail instanceof Sorted sorted) {
            b.put(sorted.keys.length);
            for (int i = 0; i < sorted.keys.length; i++) {
                b.put(sorted.keys[i]);
                b.put(sorted.values[i]);
            }
            return;
        }
        TreeMap<String, String> m = new TreeMap<>(detail);
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
        if (detail != null) {
            for (String k : detail.keySet()) { // not containsKey(null): maps that refuse null keys throw on it
                if (k == null) {
                    throw new InvalidValueException("detail", "keys must not be null");
                }
            }
        }
        return new Sorted(detail == null ? new TreeMap<>() : new TreeMap<>(detail));
    }
}
