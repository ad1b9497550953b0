package org.mianzheng.api;

import java.time.Instant;
import java.util.Map;

/**
 * One link of the tamper-evident audit chain. {@code hash = SHA-256(canonicalBytes())}, where the canonical bytes
 * cover the previous hash and every field but the hash itself, each as a 4-byte big-endian length and UTF-8 bytes
 * (length −1 for null), in this order: the format tag {@code mianzheng-audit-v1}, previous hash, sequence (decimal),
 * time as epoch seconds and nano-of-second (decimal, two fields), type name, actor, bizNo, subject, the number of
 * detail entries, then each key and value sorted by key.
 *
 * @param sequence     position in the chain, from 1, without gaps
 * @param at           when
 * @param type         kind
 * @param actor        who
 * @param bizNo        case or {@code null}
 * @param subject      data subject digest or {@code null}
 * @param detail       context, sorted by key
 * @param previousHash hash of the previous event (64 zeros for the first)
 * @param hash         this event's hash
 */
public record AuditEvent(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail,
                         String previousHash, String hash) {
    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);
    private static final byte[] FORMAT_TAG = "mianzheng-audit-v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /** Validating constructor (does not check the hash: that is {@link #hashValid()}'s job). */
    public AuditEvent {
        if (sequence < 1) {
            throw new InvalidValueException("sequence", "starts at 1");
        }
        InvalidValueException.requireNonNull(at, "at");
        InvalidValueException.requireNonNull(type, "type");
        actor = InvalidValueException.requireText(actor, "actor");
        detail = AuditRecord.sortedCopy(detail);
        previousHash = trustedHex(previousHash, "previousHash");
        hash = trustedHex(hash, "hash");
    }

    /**
     * Builds the next link.
     *
     * @param sequence     its sequence
     * @param at           when
     * @param r            the record
     * @param previousHash the previous link's hash
     * @return the event with its hash computed
     */
    public static AuditEvent link(long sequence, Instant at, AuditRecord r, String previousHash) {
        String hash = write(sequence, at, r.type(), r.actor(), r.bizNo(), r.subject(), r.detail(), previousHash).sha256Hex();
        return new AuditEvent(sequence, at, r.type(), r.actor(), r.bizNo(), r.subject(), r.detail(), previousHash, hash);
    }

    /** A hash made by this thread's canonical buffer (recognised by identity) or {@link #GENESIS} is valid as it is. */
    private static String trustedHex(String hex, String field) {
        return hex == GENESIS || CanonicalBuffer.producedHere(hex) ? hex : Digests.requireSha256Hex(hex, field);
    }

    /** @return the bytes the hash is computed over */
    public byte[] canonicalBytes() {
        return canonicalBytes(sequence, at, type, actor, bizNo, subject, detail, previousHash);
    }

    /** @return whether the stored hash matches the content */
    public boolean hashValid() {
        return write(sequence, at, type, actor, bizNo, subject, detail, previousHash).sha256Hex().equals(hash);
    }

    /**
     * @param sequence     sequence
     * @param at           time
     * @param type         type
     * @param actor        actor
     * @param bizNo        case
     * @param subject      subject
     * @param detail       detail
     * @param previousHash previous hash
     * @return canonical bytes
     */
    public static byte[] canonicalBytes(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject,
                                        Map<String, String> detail, String previousHash) {
        return write(sequence, at, type, actor, bizNo, subject, detail, previousHash).toArray();
    }

    private static CanonicalBuffer write(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject,
                                         Map<String, String> detail, String previousHash) {
        CanonicalBuffer b = CanonicalBuffer.get();
        b.putEncoded(FORMAT_TAG);
        b.put(previousHash);
        b.put(sequence);
        b.putSeconds(at.getEpochSecond());
        b.put(at.getNano());
        AuditRecord.writeFields(type, actor, bizNo, subject, detail, b);
        return b;
    }
}
