package org.mianzheng.tck.example;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.CheckCharacters;
import org.mianzheng.api.HolderId;

/**
 * Stands in for another province's platform in the worked example of docs/adapters.md: a record store keyed by
 * holder and type, answering asynchronously with the province's own status words, and a switch to misbehave.
 */
final class ProvincePlatform {
    /** A record as the province returns it. */
    record Row(String status, String holderId, String holderName, String type, String number, LocalDate validUntil, byte[] pdf) {
    }

    /** What the province answers: a status word and, for "OK"/"CANCELLED"/"OVERDUE", a row. */
    record Answer(String status, Row row) {
    }

    static final HolderId ALICE = HolderId.resident(withCheck("64010219900101123"));
    static final HolderId BOB = HolderId.resident(withCheck("64010219850505456"));
    static final HolderId CAROL = HolderId.resident(withCheck("64010219790909789"));
    static final HolderId NOBODY = HolderId.resident(withCheck("64010220000202000"));
    static final String TYPE = "111000000000131433";

    private final Map<String, Row> rows = new ConcurrentHashMap<>();
    /** The purpose of each lookup, as received. */
    final java.util.List<String> purposes = new java.util.concurrent.CopyOnWriteArrayList<>();
    volatile String fault;

    ProvincePlatform() {
        byte[] pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        rows.put(ALICE.value(), new Row("OK", ALICE.value(), "Alice", TYPE, "NX-0001", null, pdf));
        rows.put(BOB.value(), new Row("CANCELLED", BOB.value(), "Bob", TYPE, "NX-0002", null, pdf));
        rows.put(CAROL.value(), new Row("OVERDUE", CAROL.value(), "Carol", TYPE, "NX-0003", LocalDate.of(2020, 1, 1), pdf));
    }

    private static String withCheck(String first17) {
        return first17 + CheckCharacters.residentIdentityCheck(first17);
    }

    /** The province's lookup; fails or lies when a fault is set. */
    CompletableFuture<Answer> lookup(String holderId, String type, String purpose) {
        purposes.add(String.valueOf(purpose));
        if (purpose == null || purpose.isBlank()) {
            return CompletableFuture.completedFuture(new Answer("MISSING_PURPOSE", null));
        }
        if ("DOWN".equals(fault)) {
            return CompletableFuture.failedFuture(new java.io.IOException("connection refused"));
        }
        if ("SILENT".equals(fault)) {
            return new CompletableFuture<>();
        }
        if ("WEIRD".equals(fault)) {
            return CompletableFuture.completedFuture(new Answer("E42", null));
        }
        Row r = rows.get(holderId);
        if (r == null || !r.type().equals(type)) {
            return CompletableFuture.completedFuture(new Answer("NONE", null));
        }
        if ("LIAR".equals(fault)) {
            Row other = rows.get(BOB.value());
            r = new Row(r.status(), other.holderId(), other.holderName(), r.type(), r.number(), r.validUntil(), r.pdf());
        }
        return CompletableFuture.completedFuture(new Answer(r.status(), r));
    }
}
