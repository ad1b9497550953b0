package org.mianzheng.api;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is to be recorded; the chain adds sequence, time and hashes.
 *
 * <p>A record that is appended again and again unchanged (the engine's cache hits of one licence, for example) can be
 * marked {@link #reusable()}: the canonical bytes of its fields, and the SHA-256 state after them, are then kept, and
 * its appends only encode and hash what changes (previous hash, sequence, time), which the
 * canonical form puts last. The chain's bytes and hashes are the same either way.
 *
 * @param type    kind of event
 * @param actor   operator id, or a system actor such as {@code system}
 * @param bizNo   the case, or {@code null}
 * @param subject keyed digest of the data subject's id (see {@code AuditSubjects}), or {@code null}
 * @param detail  context, free of personal data (a resident identity number in a value is masked); sorted by key
 */
public record AuditRecord(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
    /** Maps up to this size are sorted in place; larger ones go through a {@link TreeMap}. */
    private static final int SMALL = 16;

    /** Validating constructor: null keys and null values of {@code detail} are refused. */
    public AuditRecord {
        InvalidValueException.requireNonNull(type, "type");
        actor = InvalidValueException.requireStorable(InvalidValueException.requireText(actor, "actor"), "actor");
        InvalidValueException.requireStorable(bizNo, "bizNo");
        InvalidValueException.requireStorable(subject, "subject");
        boolean checked = detail instanceof Sorted;
        detail = sortedCopy(detail);
        if (!checked) { // new text (a Sorted detail comes from another record or a stored event)
            detail = checkedNewText((Sorted) detail);
        }
    }

    /**
     * New detail: what stores cannot keep is refused, and a resident identity number in a value (a reason or note
     * someone typed) is masked, since the detail is to be free of personal data ({@link Masking#maskIdentityNumbersIn}).
     */
    private static Sorted checkedNewText(Sorted d) {
        String[] values = d.values;
        for (int i = 0; i < d.keys.length; i++) {
            InvalidValueException.requireStorable(d.keys[i], "detail key");
            InvalidValueException.requireStorable(d.values[i], "detail." + d.keys[i]);
            String masked = Masking.maskIdentityNumbersIn(d.values[i]);
            if (masked != d.values[i]) {
                if (values == d.values) {
                    values = d.values.clone();
                }
                values[i] = masked;
            }
        }
        return values == d.values ? d : new Sorted(d.keys, values, d.reusable);
    }

    /**
     * The same record, marked to be appended many times: the canonical bytes of its type, actor, case, subject and
     * detail are kept (about as many bytes again as the record's text), with the SHA-256 state after the format tag and
     * those bytes, both made here. An event made of it starts its hash from that state and hashes only its previous
     * hash, sequence and time, which come last in the canonical form; where it needs the whole bytes, it copies the
     * kept ones. Worth it only for a record that is kept and appended repeatedly; the events and their hashes are byte
     * for byte those of an unmarked record.
     *
     * @return an equal record whose encoding is remembered
     */
    public AuditRecord reusable() {
        Sorted d = (Sorted) detail;
        return d.reusable ? this : new AuditRecord(type, actor, bizNo, subject, Sorted.kept(d, type, actor, bizNo, subject));
    }

    /**
     * An unmodifiable map sorted by key, held as two arrays (cheap to walk when the event is hashed), that
     * {@link #sortedCopy} recognises and does not copy again. The detail of a {@linkplain #reusable() reusable} record
     * also holds the canonical bytes of the record's fields and the hash state after them, for the fields they were
     * made of (compared by identity): in this object, so that an append reaches them in one step.
     */
    private static final class Sorted extends java.util.AbstractMap<String, String> {
        static final Sorted EMPTY = new Sorted(new String[0], new String[0], false);
        private final String[] keys;
        private final String[] values;
        /** Whether the encoding of the record's fields is kept ({@link #reusable()}). */
        final boolean reusable;
        /** The fields the kept encoding was made of, or {@code null}s if none is kept. */
        private final AuditType keptType;
        private final String keptActor;
        private final String keptBizNo;
        private final String keptSubject;
        /** Canonical bytes of those fields and this detail, or {@code null}. */
        final byte[] keptBytes;
        /**
         * SHA-256 after the format tag and {@link #keptBytes}, or {@code null} if none is kept or the digest cannot be
         * cloned. Never updated: each event hashes on a clone of it, so threads may share it.
         */
        final java.security.MessageDigest prefix;

        Sorted(String[] keys, String[] values, boolean reusable) {
            this(keys, values, reusable, null, null, null, null, null, null);
        }

        private Sorted(String[] keys, String[] values, boolean reusable, AuditType type, String actor, String bizNo, String subject, byte[] bytes,
                       java.security.MessageDigest prefix) {
            this.keys = keys;
            this.values = values;
            this.reusable = reusable;
            this.keptType = type;
            this.keptActor = actor;
            this.keptBizNo = bizNo;
            this.keptSubject = subject;
            this.keptBytes = bytes;
            this.prefix = prefix;
        }

        /** The detail of a reusable record of these fields: {@code d}'s entries with their encoding and hash state. */
        static Sorted kept(Sorted d, AuditType type, String actor, String bizNo, String subject) {
            CanonicalBuffer b = CanonicalBuffer.get();
            b.putEncoded(AuditEvent.FORMAT_TAG);
            int from = b.length();
            writeFields(type, actor, bizNo, subject, d, b, false);
            return new Sorted(d.keys, d.values, true, type, actor, bizNo, subject, b.copyFrom(from), b.prefixState());
        }

        /** Whether the kept encoding is of these fields. */
        boolean keptFor(AuditType t, String a, String b, String s) {
            return keptBytes != null && t == keptType && a == keptActor && b == keptBizNo && s == keptSubject;
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
            int i = Arrays.binarySearch(keys, k);
            return i >= 0 ? values[i] : null;
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof String k && Arrays.binarySearch(keys, k) >= 0;
        }

        @Override
        public int size() {
            return keys.length;
        }
    }

    /**
     * The hash state a {@linkplain #reusable() reusable} record kept, if it was kept for these very fields.
     *
     * @return the state after the format tag and the fields (clone it before use), or {@code null}
     */
    static java.security.MessageDigest keptPrefix(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
        return detail instanceof Sorted s && s.keptFor(type, actor, bizNo, subject) ? s.prefix : null;
    }

    /**
     * Writes type, actor, case, subject, the detail entry count, then each detail key and value in key order; copies
     * the kept bytes instead when the detail is {@linkplain #reusable() reusable} and was written for the same fields.
     *
     * @param kept whether the kept bytes of a reusable record may be copied (otherwise everything is encoded)
     */
    static void writeFields(AuditType type, String actor, String bizNo, String subject, Map<String, String> detail, CanonicalBuffer b,
                            boolean kept) {
        Sorted sorted = detail instanceof Sorted s ? s : null;
        if (kept && sorted != null && sorted.keptFor(type, actor, bizNo, subject)) {
            b.putRaw(sorted.keptBytes);
            return;
        }
        b.put(type);
        b.put(actor);
        b.put(bizNo);
        b.put(subject);
        if (sorted != null) {
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
     * @throws InvalidValueException on a null key or value
     */
    static Map<String, String> sortedCopy(Map<String, String> detail) {
        if (detail instanceof Sorted) {
            return detail;
        }
        if (detail == null || detail.isEmpty()) {
            return Sorted.EMPTY;
        }
        int n = detail.size();
        if (n > SMALL) {
            TreeMap<String, String> m = new TreeMap<>();
            for (Map.Entry<String, String> e : detail.entrySet()) {
                m.put(requireKey(e.getKey()), requireValue(e));
            }
            return new Sorted(m.keySet().toArray(new String[0]), m.values().toArray(new String[0]), false);
        }
        String[] keys = new String[n];
        String[] values = new String[n];
        int size = 0;
        for (Map.Entry<String, String> e : detail.entrySet()) { // insertion sort: a detail has a handful of entries
            String key = requireKey(e.getKey());
            String value = requireValue(e);
            int j = size;
            while (j > 0 && keys[j - 1].compareTo(key) > 0) {
                j--;
            }
            if (j > 0 && keys[j - 1].equals(key)) { // equal keys from a map that is not keyed by equality: the last wins
                values[j - 1] = value;
                continue;
            }
            if (size == keys.length) { // the map grew while it was read
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(keys, j, keys, j + 1, size - j);
            System.arraycopy(values, j, values, j + 1, size - j);
            keys[j] = key;
            values[j] = value;
            size++;
        }
        if (size < keys.length) {
            keys = Arrays.copyOf(keys, size);
            values = Arrays.copyOf(values, size);
        }
        return new Sorted(keys, values, false);
    }

    private static String requireKey(String key) {
        if (key == null) {
            throw new InvalidValueException("detail", "keys must not be null");
        }
        return key;
    }

    private static String requireValue(Map.Entry<String, String> e) {
        return InvalidValueException.requireNonNull(e.getValue(), "detail." + e.getKey());
    }
}
