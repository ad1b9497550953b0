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
}
