package org.mianzheng.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.AuditVerification;
import org.mianzheng.api.Digests;
import org.mianzheng.core.MutableClock;

/**
 * A chain written by the build before the canonical form became {@code mianzheng-audit-v2} (the resource was produced by
 * that build's {@code AuditEvent.link}: a case opened, a consent, a reusable cache-hit record twice, an event without
 * case or subject, one with 20 detail entries) still verifies, and the chain goes on from it in the new form.
 */
class LegacyChainTest {

    static List<AuditEvent> legacy() throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<AuditEvent> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LegacyChainTest.class.getResourceAsStream("legacy-v1-chain.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                JsonNode n = om.readTree(line);
                Map<String, String> detail = new LinkedHashMap<>();
                n.get("detail").fields().forEachRemaining(e -> detail.put(e.getKey(), e.getValue().asText()));
                out.add(new AuditEvent(n.get("sequence").asLong(), Instant.parse(n.get("at").asText()), AuditType.valueOf(n.get("type").asText()),
                        n.get("actor").asText(), text(n, "bizNo"), text(n, "subject"), detail, n.get("previousHash").asText(), n.get("hash").asText()));
            }
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.get(field).isNull() ? null : n.get(field).asText();
    }

    private static String tagOf(byte[] canonical) {
        int n = ((canonical[0] & 0xFF) << 24) | ((canonical[1] & 0xFF) << 16) | ((canonical[2] & 0xFF) << 8) | (canonical[3] & 0xFF);
        return new String(canonical, 4, n, StandardCharsets.UTF_8);
    }

    @Test
    void eventsWrittenInTheV1FormStillVerifyAndTheChainGoesOnInV2() throws IOException {
        List<AuditEvent> old = legacy();
        assertThat(old).hasSize(6);
        for (AuditEvent e : old) {
            assertThat(e.hashValid()).as("event %d", e.sequence()).isTrue();
            byte[] bytes = e.canonicalBytes();
            assertThat(tagOf(bytes)).isEqualTo("mianzheng-audit-v1");
            assertThat(Digests.sha256Hex(bytes)).isEqualTo(e.hash());
            assertThat(Digests.sha256Hex(AuditEvent.canonicalBytes(e.sequence(), e.at(), e.type(), e.actor(), e.bizNo(), e.subject(), e.detail(),
                    e.previousHash()))).as("the current form differs").isNotEqualTo(e.hash());
        }
        AuditChainTest.Tamperable store = new AuditChainTest.Tamperable();
        store.append(old);
        AuditChain chain = new AuditChain(new MutableClock(Instant.parse("2026-03-03T02:00:00Z")), store);
        AuditRecord hit = new AuditRecord(AuditType.CACHE_HIT, "clerk1", "B2026030200001", "9f2c1e0a7b3d4c5e8f9a0b1c2d3e4f50",
                Map.of("material", "SFZ", "channel", "onewindow", "consent", "c-2", "retrievedAt", "2026-03-03T02:00:00Z")).reusable();
        AuditEvent first = chain.append(hit);
        AuditEvent second = chain.append(hit);
        assertThat(first.sequence()).isEqualTo(7);
        assertThat(first.previousHash()).isEqualTo(old.get(5).hash());
        for (AuditEvent e : List.of(first, second)) {
            assertThat(tagOf(e.canonicalBytes())).isEqualTo("mianzheng-audit-v2");
            assertThat(Digests.sha256Hex(e.canonicalBytes())).isEqualTo(e.hash());
        }
        AuditVerification v = chain.verify();
        assertThat(v.ok()).as("%s", v).isTrue();
        assertThat(v.eventsChecked()).isEqualTo(8);
    }

    @Test
    void aModifiedV1EventIsStillFound() throws IOException {
        AuditChainTest.Tamperable store = new AuditChainTest.Tamperable();
        store.append(legacy());
        AuditChain chain = new AuditChain(new MutableClock(Instant.parse("2026-03-03T02:00:00Z")), store);
        store.tamper = l -> {
            l.set(2, AuditChainTest.with(l.get(2), Map.of("material", "YYZZ", "channel", "onewindow", "consent", "c-1",
                    "retrievedAt", "2026-03-02T02:00:00Z")));
            return l;
        };
        AuditVerification v = chain.verify();
        assertThat(v.problem()).isEqualTo(AuditVerification.Problem.MODIFIED);
        assertThat(v.atSequence()).isEqualTo(3L);
    }
}
