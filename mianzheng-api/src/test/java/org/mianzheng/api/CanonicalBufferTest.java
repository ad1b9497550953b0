package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The in-place canonical encoder against a plain reference built with {@code String.getBytes}. */
class CanonicalBufferTest {

    private static void ref(ByteArrayOutputStream out, String s) {
        if (s == null) {
            out.writeBytes(new byte[] {-1, -1, -1, -1});
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(new byte[] {(byte) (b.length >>> 24), (byte) (b.length >>> 16), (byte) (b.length >>> 8), (byte) b.length});
        out.writeBytes(b);
    }

    /** The current form: tag, the record's fields, then previous hash (its 32 bytes), sequence, seconds, nanos. */
    static byte[] reference(long seq, Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail,
                            String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ref(out, "mianzheng-audit-v2");
        refFields(out, type, actor, bizNo, subject, detail);
        out.writeBytes(new byte[] {0, 0, 0, 32});
        out.writeBytes(java.util.HexFormat.of().parseHex(prev));
        refTime(out, seq, at);
        return out.toByteArray();
    }

    /** The earlier form: tag, previous hash (64 hex characters), sequence, seconds, nanos, then the record's fields. */
    static byte[] referenceV1(long seq, Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail,
                              String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ref(out, "mianzheng-audit-v1");
        ref(out, prev);
        refTime(out, seq, at);
        refFields(out, type, actor, bizNo, subject, detail);
        return out.toByteArray();
    }

    private static void refTime(ByteArrayOutputStream out, long seq, Instant at) {
        ref(out, Long.toString(seq));
        ref(out, Long.toString(at.getEpochSecond()));
        ref(out, Integer.toString(at.getNano()));
    }

    private static void refFields(ByteArrayOutputStream out, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail) {
        ref(out, type.name());
        ref(out, actor);
        ref(out, bizNo);
        ref(out, subject);
        TreeMap<String, String> m = new TreeMap<>(detail);
        ref(out, Integer.toString(m.size()));
        m.forEach((k, v) -> {
            ref(out, k);
            ref(out, v);
        });
    }

    @Property(tries = 500)
    void matchesTheReference(@ForAll String actor, @ForAll String key, @ForAll String value, @ForAll @LongRange(min = 1) long seq,
                             @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long epoch) {
        Assume.that(storable(actor, key, value)); // records refuse the rest (aTextAStoreCannotKeepIsRefused)
        if (actor.isBlank()) {
            actor = "x" + actor;
        }
        Instant at = Instant.ofEpochSecond(epoch, Math.floorMod(epoch, 1_000_000_000L));
        Map<String, String> detail = Map.of(key, value, "材料", "居民身份证😀");
        byte[] mine = AuditEvent.canonicalBytes(seq, at, AuditType.RETRIEVAL, actor, null, "subj", detail, AuditEvent.GENESIS);
        assertThat(mine).isEqualTo(reference(seq, at, AuditType.RETRIEVAL, actor.strip().isEmpty() ? actor : actor, null, "subj", detail,
                AuditEvent.GENESIS));
        AuditEvent e = AuditEvent.link(seq, at, new AuditRecord(AuditType.RETRIEVAL, actor, null, "subj", detail), AuditEvent.GENESIS);
        assertThat(e.hash()).isEqualTo(Digests.sha256Hex(reference(seq, at, AuditType.RETRIEVAL, e.actor(), null, "subj", detail, AuditEvent.GENESIS)));
        assertThat(e.hashValid()).isTrue();
    }

    private static byte[] encoded(long v) {
        CanonicalBuffer b = CanonicalBuffer.get();
        b.put(v);
        return b.toArray();
    }

    private static byte[] referenceOf(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ref(out, s);
        return out.toByteArray();
    }

    /** The hex digits of 4 bytes, worked out together, are those of {@link java.util.HexFormat}, byte by byte. */
    @Property(tries = 5_000)
    void hexDigitsOfFourBytesAtOnce(@ForAll int x) {
        byte[] four = java.nio.ByteBuffer.allocate(4).putInt(x).array();
        byte[] digits = java.nio.ByteBuffer.allocate(8).putLong(CanonicalBuffer.hexOf(x)).array();
        assertThat(new String(digits, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(java.util.HexFormat.of().formatHex(four));
    }

    @org.junit.jupiter.api.Test
    void hexDigitsAtTheEdges() {
        for (int x : new int[] {0, -1, 0x09090909, 0x0a0a0a0a, 0x9a9a9a9a, 0xf0f0f0f0, 0x0f0f0f0f, 0x12345678, 0x89abcdef, Integer.MIN_VALUE}) {
            byte[] digits = java.nio.ByteBuffer.allocate(8).putLong(CanonicalBuffer.hexOf(x)).array();
            assertThat(new String(digits, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(String.format("%08x", x));
        }
    }

    @Property(tries = 2_000)
    void numbersAreWrittenAsTheirDecimalString(@ForAll long v) {
        assertThat(encoded(v)).isEqualTo(referenceOf(Long.toString(v)));
    }

    @org.junit.jupiter.api.Test
    void numbersAtTheEdges() {
        for (long v : new long[] {0, 1, -1, 9, 10, 99, 100, 101, 999, 1_000, Integer.MAX_VALUE - 1L, Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                -Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000_000L, 9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, Long.MAX_VALUE - 1,
                Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(encoded(v)).as("%d", v).isEqualTo(referenceOf(Long.toString(v)));
        }
    }

    @Property(tries = 500)
    void anyTextIsWrittenAsItsUtf8(@ForAll String s) {
        CanonicalBuffer b = CanonicalBuffer.get();
        b.put(s);
        assertThat(b.toArray()).isEqualTo(referenceOf(s));
    }

    @org.junit.jupiter.api.Test
    void theLastHashIsCopiedFromItsBytesAndTrustedOnlyByIdentity() {
        CanonicalBuffer b = CanonicalBuffer.get();
        b.put("x");
        String h = b.sha256Hex();
        assertThat(CanonicalBuffer.producedHere(h)).isTrue();
        assertThat(CanonicalBuffer.producedHere(new String(h.toCharArray()))).isFalse(); // equal text, not ours: checked as usual
        b = CanonicalBuffer.get();
        b.put(h);
        assertThat(b.toArray()).isEqualTo(referenceOf(h));
        String h2 = b.sha256Hex();
        assertThat(CanonicalBuffer.producedHere(h)).isTrue();   // the one before the last is still recognised
        assertThat(CanonicalBuffer.producedHere(h2)).isTrue();
        assertThat(CanonicalBuffer.producedHere(null)).isFalse();
    }

    /** The previous hash goes in as its bytes: copied from the last digest when it is that one, decoded otherwise. */
    @org.junit.jupiter.api.Test
    void thePreviousHashIsWrittenAsItsBytesWhereverItComesFrom() {
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", "B1", null, Map.of("k", "v"));
        Instant at = Instant.ofEpochSecond(1_772_416_800L, 5);
        String made = AuditEvent.link(1, at, r, AuditEvent.GENESIS).hash(); // the last digest of this thread's buffer
        String copy = new String(made.toCharArray());
        String upper = made.toUpperCase(java.util.Locale.ROOT);
        byte[] expected = reference(2, at, r.type(), "clerk", "B1", null, Map.of("k", "v"), made);
        for (String prev : new String[] {made, copy, upper}) {
            assertThat(AuditEvent.canonicalBytes(2, at, r.type(), "clerk", "B1", null, Map.of("k", "v"), prev)).as(prev).isEqualTo(expected);
        }
        assertThat(AuditEvent.link(2, at, r, copy).hash()).isEqualTo(Digests.sha256Hex(expected));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditEvent.canonicalBytes(2, at, r.type(), "clerk", "B1", null, Map.of(),
                "not-a-hash")).isInstanceOf(InvalidValueException.class).hasMessageContaining("previousHash");
    }

    /** No previous hash is refused, also on a thread whose buffer has made no hash yet (its last hash is null too). */
    @org.junit.jupiter.api.Test
    void aMissingPreviousHashIsRefusedOnAFreshThread() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> thrown = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                AuditEvent.canonicalBytes(1, Instant.EPOCH, AuditType.RETRIEVAL, "clerk", null, null, Map.of(), null);
                thrown.complete(null);
            } catch (Throwable e) {
                thrown.complete(e);
            }
        });
        t.start();
        assertThat(thrown.get(30, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("previousHash");
    }

    @org.junit.jupiter.api.Test
    void anInvalidHashIsStillRefused() {
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, Map.of());
        AuditEvent ok = AuditEvent.link(1, Instant.EPOCH, r, AuditEvent.GENESIS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditEvent(2, Instant.EPOCH, AuditType.RETRIEVAL, "clerk", null, null,
                Map.of(), ok.hash(), "not-a-hash")).isInstanceOf(InvalidValueException.class).hasMessageContaining("hash");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditEvent(2, Instant.EPOCH, AuditType.RETRIEVAL, "clerk", null, null,
                Map.of(), "g".repeat(64), ok.hash())).isInstanceOf(InvalidValueException.class).hasMessageContaining("previousHash");
    }

    @org.junit.jupiter.api.Test
    void detailKeysMustNotBeNull() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put(null, "v");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, m))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("keys must not be null");
    }

    @org.junit.jupiter.api.Test
    void sortedDetailBehavesAsAMap() {
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, Map.of("b", "2", "a", "1", "c", "3"));
        assertThat(r.detail()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
        assertThat(r.detail().get("b")).isEqualTo("2");
        assertThat(r.detail().get("z")).isNull();
        assertThat(r.detail().containsKey("c")).isTrue();
        assertThat(r.detail()).isEqualTo(Map.of("a", "1", "b", "2", "c", "3")).hasSameHashCodeAs(Map.of("a", "1", "b", "2", "c", "3"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.detail().put("d", "4")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Property(tries = 2_000)
    void nonNegativeIntsAreWrittenAsTheirDecimalString(@ForAll @net.jqwik.api.constraints.IntRange(min = 0) int v) {
        assertThat(encoded(v)).isEqualTo(referenceOf(Integer.toString(v)));
        assertThat(CanonicalBuffer.digits(v)).isEqualTo(Integer.toString(v).length());
    }

    @org.junit.jupiter.api.Test
    void digitCountsAtEveryPowerOfTenAndTwo() {
        java.util.List<Integer> edges = new java.util.ArrayList<>(java.util.List.of(0, Integer.MAX_VALUE));
        for (int p = 1; p <= 1_000_000_000; p *= 10) {
            edges.addAll(java.util.List.of(p - 1, p, p + 1));
            if (p == 1_000_000_000) {
                break;
            }
        }
        for (int b = 0; b < 31; b++) {
            edges.addAll(java.util.List.of((1 << b) - 1, 1 << b, (1 << b) + 1));
        }
        for (int v : edges) {
            assertThat(CanonicalBuffer.digits(v)).as("%d", v).isEqualTo(Integer.toString(v).length());
            assertThat(encoded(v)).as("%d", v).isEqualTo(referenceOf(Integer.toString(v)));
        }
    }

    /** Events in the same second copy the seconds field kept from the one before; any other second is written anew. */
    @org.junit.jupiter.api.Test
    void theSecondsFieldIsRightWhetherKeptOrNot() {
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", "B1", null, Map.of("k", "v"));
        long[][] times = {{1_772_416_800L, 1}, {1_772_416_800L, 999_999_999}, {1_772_416_801L, 0}, {1_772_416_800L, 5}, {-1L, 0}, {-1L, 7},
            {0L, 0}, {10_000_000_000L, 3}, {10_000_000_000L, 4}};
        String prev = AuditEvent.GENESIS;
        long seq = 1;
        for (long[] t : times) {
            Instant at = Instant.ofEpochSecond(t[0], t[1]);
            AuditEvent e = AuditEvent.link(seq, at, r, prev);
            assertThat(e.canonicalBytes()).as("%s", at).isEqualTo(reference(seq, at, r.type(), "clerk", "B1", null, Map.of("k", "v"), prev));
            prev = e.hash();
            seq++;
        }
    }

    /**
     * The sequence field is carried on from the last one and the nano-of-second field kept while it repeats: every
     * hash still matches the reference bytes, through every carry, jump and repeat.
     */
    @org.junit.jupiter.api.Test
    void sequencesInARowAndRepeatedNanosHashAsTheReference() {
        AuditRecord reusable = new AuditRecord(AuditType.CACHE_HIT, "clerk", "B1", null, Map.of("k", "v")).reusable();
        AuditRecord plain = new AuditRecord(AuditType.RETRIEVAL, "clerk", "B2", null, Map.of("k", "w"));
        long[][] runs = {{1, 1_100}, {9_999_990, 10_000_011}, {Integer.MAX_VALUE - 5L, Integer.MAX_VALUE + 5L}, {99, 101}, {5, 7},
            {999_999_999_999L, 1_000_000_000_001L}};
        String prev = AuditEvent.GENESIS;
        int n = 0;
        for (long[] run : runs) {
            for (long seq = run[0]; seq <= run[1]; seq++) {
                Instant at = Instant.ofEpochSecond(1_772_416_800L, (n++ / 3 % 4) * 1_000_000); // each nano value three times
                AuditRecord r = seq % 5 == 0 ? plain : reusable;
                AuditEvent e = AuditEvent.link(seq, at, r, prev);
                byte[] ref = reference(seq, at, r.type(), r.actor(), r.bizNo(), null, r.detail(), prev);
                assertThat(e.hash()).as("sequence %d", seq).isEqualTo(Digests.sha256Hex(ref));
                prev = e.hash();
            }
        }
    }

    /** A caller's detail map that hashes an event of its own while it is read does not disturb the bytes asked for. */
    @org.junit.jupiter.api.Test
    void aDetailMapThatHashesWhileReadDoesNotDisturbTheBytes() {
        Map<String, String> hostile = new java.util.AbstractMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                AuditEvent.link(7, Instant.EPOCH, new AuditRecord(AuditType.RETRIEVAL, "x", null, null, Map.of("a", "b")), AuditEvent.GENESIS);
                return Map.of("k", "v", "l", "w").entrySet();
            }
        };
        Instant at = Instant.ofEpochSecond(1_772_416_800L, 5);
        byte[] bytes = AuditEvent.canonicalBytes(3, at, AuditType.CACHE_HIT, "clerk", "B1", null, hostile, AuditEvent.GENESIS);
        assertThat(bytes).isEqualTo(reference(3, at, AuditType.CACHE_HIT, "clerk", "B1", null, Map.of("k", "v", "l", "w"), AuditEvent.GENESIS));
    }

    /** A reusable record's kept bytes are used only for the very fields they were made of. */
    @Property(tries = 300)
    void aReusableRecordEncodesExactlyAsAnUnmarkedOne(@ForAll String actor, @ForAll String key, @ForAll String value, @ForAll String other,
                                                     @ForAll @LongRange(min = 1, max = 1_000_000) long seq) {
        Assume.that(storable(actor, key, value, other));
        if (actor.isBlank()) {
            actor = "x" + actor;
        }
        if (other.isBlank() || other.strip().equals(actor.strip())) {
            other = "y" + other + "y";
        }
        Map<String, String> detail = Map.of(key, value, "材料", "居民身份证");
        AuditRecord plain = new AuditRecord(AuditType.CACHE_HIT, actor, "B1", "subj", detail);
        AuditRecord reusable = plain.reusable();
        assertThat(reusable).isEqualTo(plain);
        assertThat(reusable.reusable()).isSameAs(reusable);
        // the same detail map, now under another actor, case and subject: the kept bytes must not be used for it
        AuditRecord sharing = new AuditRecord(AuditType.RETRIEVAL, other, null, null, reusable.detail());
        Instant at = Instant.ofEpochSecond(1_772_416_800L + seq, seq);
        String prev = AuditEvent.GENESIS;
        for (AuditRecord r : java.util.List.of(reusable, reusable, sharing, reusable, sharing, plain, reusable)) {
            AuditEvent e = AuditEvent.link(seq, at, r, prev);
            byte[] expected = reference(seq, at, r.type(), r.actor(), r.bizNo(), r.subject(), detail, prev);
            assertThat(e.hash()).as("hashed from the kept state or not, the hash of the whole bytes").isEqualTo(Digests.sha256Hex(expected));
            assertThat(e.canonicalBytes()).isEqualTo(expected);
            assertThat(e.hashValid()).isTrue();
            prev = e.hash();
            seq++;
            at = at.plusMillis(300);
        }
    }

    /** The kept hash state is shared: threads appending one reusable record at once each hash on a copy of it. */
    @org.junit.jupiter.api.Test
    void aReusableRecordHashesRightOnManyThreadsAtOnce() throws Exception {
        Map<String, String> detail = Map.of("material", "SFZ", "channel", "onewindow", "consent", "c-1", "retrievedAt", "2026-03-02T02:00:00Z");
        AuditRecord r = new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B1", "subj", detail).reusable(); // its state made here, when it is marked
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    String prev = AuditEvent.GENESIS;
                    for (int i = 1; i <= 2_000; i++) {
                        Instant at = Instant.ofEpochSecond(1_772_416_800L + thread, i);
                        AuditEvent e = AuditEvent.link(i, at, r, prev);
                        if (!e.hash().equals(Digests.sha256Hex(reference(i, at, r.type(), "clerk1", "B1", "subj", detail, prev)))) {
                            return i;
                        }
                        prev = e.hash();
                    }
                    return 0;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : done) {
                assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS)).as("first wrong hash").isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A SHA-256 that cannot be cloned (it delegates to the JDK's, and is not {@link Cloneable}). */
    public static final class UncloneableSha256 extends java.security.MessageDigestSpi {
        private final java.security.MessageDigest inner;

        public UncloneableSha256() throws java.security.GeneralSecurityException {
            inner = java.security.MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            inner.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            inner.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            return inner.digest();
        }

        @Override
        protected void engineReset() {
            inner.reset();
        }
    }

    /** With a provider first whose SHA-256 cannot be cloned, a reusable record keeps no hash state and hashes in full. */
    @org.junit.jupiter.api.Test
    void aReusableRecordHashesInFullWhenTheDigestCannotBeCloned() {
        java.security.Provider uncloneable = new java.security.Provider("MianzhengTestUncloneable", "1", "SHA-256 without clone") {
            {
                put("MessageDigest.SHA-256", UncloneableSha256.class.getName());
            }
        };
        java.security.Security.insertProviderAt(uncloneable, 1);
        try {
            Map<String, String> detail = Map.of("material", "SFZ");
            AuditRecord r = new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B1", "subj", detail).reusable();
            String prev = AuditEvent.GENESIS;
            for (long seq = 1; seq <= 3; seq++) {
                Instant at = Instant.ofEpochSecond(1_772_416_800L, seq);
                AuditEvent e = AuditEvent.link(seq, at, r, prev);
                assertThat(e.hash()).isEqualTo(Digests.sha256Hex(reference(seq, at, r.type(), "clerk1", "B1", "subj", detail, prev)));
                assertThat(e.hashValid()).isTrue();
                prev = e.hash();
            }
        } finally {
            java.security.Security.removeProvider(uncloneable.getName());
        }
    }

    /** Events written in the earlier v1 form still verify; their bytes are the v1 form; a change in them is seen. */
    @Property(tries = 200)
    void eventsOfTheV1FormStillVerify(@ForAll String actor, @ForAll String value, @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seq) {
        Assume.that(storable(actor, value));
        if (actor.isBlank()) {
            actor = "x" + actor;
        }
        actor = actor.strip();
        Instant at = Instant.ofEpochSecond(1_772_416_800L, seq);
        Map<String, String> detail = Map.of("k", value, "材料", "居民身份证");
        String prev = Digests.sha256Hex(value.getBytes(StandardCharsets.UTF_8));
        byte[] v1 = referenceV1(seq, at, AuditType.CACHE_HIT, actor, "B1", "subj", detail, prev);
        AuditEvent e = new AuditEvent(seq, at, AuditType.CACHE_HIT, actor, "B1", "subj", detail, prev, Digests.sha256Hex(v1));
        assertThat(e.hashValid()).isTrue();
        assertThat(e.canonicalBytes()).isEqualTo(v1);
        AuditEvent changed = new AuditEvent(seq, at, AuditType.CACHE_HIT, actor, "B2", "subj", detail, prev, e.hash());
        assertThat(changed.hashValid()).isFalse();
        AuditEvent v2 = AuditEvent.link(seq, at, new AuditRecord(AuditType.CACHE_HIT, actor, "B1", "subj", detail), prev);
        assertThat(v2.hash()).as("the two forms hash apart").isNotEqualTo(e.hash());
    }

    static boolean storable(String... texts) {
        for (String t : texts) {
            if (t.indexOf('\0') >= 0 || InvalidValueException.loneSurrogate(t) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** What a database cannot keep as it is, a NUL or half a surrogate pair, is refused where an audit record is made. */
    @org.junit.jupiter.api.Test
    void aTextAStoreCannotKeepIsRefusedInAnAuditRecord() {
        assertThatThrownBy(() -> new AuditRecord(AuditType.CACHE_HIT, "cl\0erk", null, null, Map.of())).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("actor").hasMessageContaining("NUL character at 2");
        assertThatThrownBy(() -> new AuditRecord(AuditType.CACHE_HIT, "clerk", "B\uDC00", null, Map.of())).hasMessageContaining("bizNo")
                .hasMessageContaining("unpaired surrogate at 1");
        assertThatThrownBy(() -> new AuditRecord(AuditType.CACHE_HIT, "clerk", null, "s\0", Map.of())).hasMessageContaining("subject");
        assertThatThrownBy(() -> new AuditRecord(AuditType.CACHE_HIT, "clerk", null, null, Map.of("k\uD800", "v"))).hasMessageContaining("detail key");
        assertThatThrownBy(() -> new AuditRecord(AuditType.CACHE_HIT, "clerk", null, null, Map.of("k", "\uD800\uD800"))).hasMessageContaining("detail.k");
        AuditRecord pairs = new AuditRecord(AuditType.CACHE_HIT, "clerk", null, null, Map.of("k", "😀 ok?"));
        assertThat(pairs.detail()).containsEntry("k", "😀 ok?");
        // an event read back as it is (written by an earlier build, or changed in the store) hashes such text as
        // UTF-8 encoders do, with '?' for the half pair: as every build did, so that old chains still verify
        AuditEvent q = AuditEvent.link(1, Instant.EPOCH, new AuditRecord(AuditType.CACHE_HIT, "clerk", null, null, Map.of("k", "ok?")),
                AuditEvent.GENESIS);
        AuditEvent half = new AuditEvent(1, Instant.EPOCH, AuditType.CACHE_HIT, "clerk", null, null, Map.of("k", "ok\uD800"), AuditEvent.GENESIS, q.hash());
        assertThat(half.hashValid()).isTrue();
    }

    /** The in-place sort of small details against a {@link TreeMap}; large ones go through one. */
    @Property(tries = 300)
    void detailIsSortedLikeATreeMap(@ForAll @net.jqwik.api.constraints.Size(max = 40) Map<String, String> detail) {
        Assume.that(detail.entrySet().stream().allMatch(e -> storable(e.getKey(), e.getValue())));
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, detail);
        assertThat(new java.util.ArrayList<>(r.detail().entrySet())).isEqualTo(new java.util.ArrayList<>(new TreeMap<>(detail).entrySet()));
    }

    @org.junit.jupiter.api.Test
    void equalKeysOfAnIdentityMapKeepTheLastLikeATreeMap() {
        Map<String, String> m = new java.util.IdentityHashMap<>();
        m.put(new String("a"), "1");
        m.put(new String("a"), "2");
        m.put("b", "3");
        AuditRecord r = new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, m);
        assertThat(r.detail()).isEqualTo(new TreeMap<>(m)).hasSize(2);
    }

    @org.junit.jupiter.api.Test
    void nullDetailValuesAreRefusedWithTheirKey() {
        Map<String, String> m = new java.util.HashMap<>();
        m.put("purpose", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, m))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("detail.purpose");
        Map<String, String> big = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            big.put("k" + i, "v");
        }
        big.put("k7", null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AuditRecord(AuditType.RETRIEVAL, "clerk", null, null, big))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("detail.k7");
    }
}
