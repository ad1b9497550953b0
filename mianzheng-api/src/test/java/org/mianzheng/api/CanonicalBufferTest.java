package org.mianzheng.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
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

    static byte[] reference(long seq, Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail,
                            String prev) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ref(out, "mianzheng-audit-v1");
        ref(out, prev);
        ref(out, Long.toString(seq));
        ref(out, Long.toString(at.getEpochSecond()));
        ref(out, Integer.toString(at.getNano()));
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
        return out.toByteArray();
    }

    @Property(tries = 500)
    void matchesTheReference(@ForAll String actor, @ForAll String key, @ForAll String value, @ForAll @LongRange(min = 1) long seq,
                             @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long epoch) {
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
}
