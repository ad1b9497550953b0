package org.mianzheng.api;

import java.time.Instant;
import java.util.Map;

/**
 * One link of the tamper-evident audit chain. {@code hash = SHA-256(canonicalBytes())}, where the canonical bytes
 * cover the previous hash and every field but the hash itself, each as a 4-byte big-endian length and its bytes
 * (length −1 for null), in this order: the format tag {@code mianzheng-audit-v2}, type name, actor, bizNo, subject,
 * the number of detail entries, each key and value sorted by key (all these as UTF-8 text, numbers in decimal), then
 * the previous hash as its 32 bytes, the sequence and the time as epoch seconds and nano-of-second (decimal, two
 * fields). What an act records comes first and what the chain adds comes last, so that a record appended again and
 * again can start its hash from a kept state (see {@link AuditRecord#reusable()}); the chain's part is short (the
 * previous hash in bytes, not hex), so it mostly fits the two SHA-256 blocks that end the hash.
 *
 * <p>Events written by earlier builds used {@code mianzheng-audit-v1}: the tag, previous hash (as 64 hex characters),
 * sequence, seconds and nanos first, then the record's fields in the same order, all as text. They still verify:
 * {@link #hashValid()} accepts either form, and {@link #canonicalBytes()} returns the one the event's hash was made
 * over. New events are always v2.
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
    /** The tag that starts the current form. */
    static final byte[] FORMAT_TAG = "mianzheng-audit-v2".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    /** The tag of the earlier form, which put the chain's fields first; read, never written. */
    private static final byte[] FORMAT_TAG_V1 = "mianzheng-audit-v1".getBytes(java.nio.charset.StandardCharsets.UTF_8);

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
        String hash = hash(sequence, at, r.type(), r.actor(), r.bizNo(), r.subject(), r.detail(), previousHash);
        return new AuditEvent(sequence, at, r.type(), r.actor(), r.bizNo(), r.subject(), r.detail(), previousHash, hash);
    }

    /** A hash made by this thread's canonical buffer (recognised by identity) or {@link #GENESIS} is valid as it is. */
    private static String trustedHex(String hex, String field) {
        return hex == GENESIS || CanonicalBuffer.producedHere(hex) ? hex : Digests.requireSha256Hex(hex, field);
    }

    /**
     * @return the bytes the hash is computed over: the v2 form, or the v1 form for an event written in it (one whose
     *         hash matches its v1 form only)
     */
    public byte[] canonicalBytes() {
        byte[] v2 = canonicalBytes(sequence, at, type, actor, bizNo, subject, detail, previousHash);
        if (Digests.sha256Hex(v2).equals(hash)) {
            return v2;
        }
        CanonicalBuffer v1 = writeV1(sequence, at, type, actor, bizNo, subject, detail, previousHash);
        return v1.sha256Hex().equals(hash) ? v1.toArray() : v2;
    }

    /** @return whether the stored hash matches the content, in the current form or in the earlier v1 form */
    public boolean hashValid() {
        return hash(sequence, at, type, actor, bizNo, subject, detail, previousHash).equals(hash)
                || writeV1(sequence, at, type, actor, bizNo, subject, detail, previousHash).sha256Hex().equals(hash);
    }

    /**
     * @param sequence     sequence
     * @param at           time
     * @param type         type
     * @param actor        actor
     * @param bizNo        case
     * @param subject      subject
     * @param detail       detail
     * @param previousHash previous hash: 64 hex characters
     * @return canonical bytes (the current form)
     * @throws InvalidValueException if {@code previousHash} is not a SHA-256 hex digest, or the detail has a null key
     *                               or value
     */
    public static byte[] canonicalBytes(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject,
                                        Map<String, String> detail, String previousHash) {
        Map<String, String> sorted = AuditRecord.sortedCopy(detail); // before the buffer is taken: reading the map may call anything
        CanonicalBuffer b = CanonicalBuffer.get();
        b.putEncoded(FORMAT_TAG);
        AuditRecord.writeFields(type, actor, bizNo, subject, sorted, b, true);
        writeChainFields(sequence, at, previousHash, b);
        return b.toArray();
    }

    /**
     * The hash of the canonical bytes. For a reusable record whose state was kept, it starts from that state and hashes
     * only the chain's fields; otherwise it encodes everything.
     */
    private static String hash(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject, Map<String, String> detail,
                               String previousHash) {
        java.security.MessageDigest prefix = AuditRecord.keptPrefix(type, actor, bizNo, subject, detail);
        CanonicalBuffer b = CanonicalBuffer.get();
        if (prefix != null) {
            writeChainFields(sequence, at, previousHash, b);
            return b.sha256HexAfter(prefix);
        }
        b.putEncoded(FORMAT_TAG);
        AuditRecord.writeFields(type, actor, bizNo, subject, detail, b, true);
        writeChainFields(sequence, at, previousHash, b);
        return b.sha256Hex();
    }

    /** Previous hash (its 32 bytes), sequence, epoch seconds, nano-of-second: what the chain adds, last in the v2 form. */
    private static void writeChainFields(long sequence, Instant at, String previousHash, CanonicalBuffer b) {
        b.putHash(previousHash, "previousHash");
        writeSequenceAndTime(sequence, at, b);
    }

    private static void writeSequenceAndTime(long sequence, Instant at, CanonicalBuffer b) {
        b.putSequence(sequence);
        b.putSeconds(at.getEpochSecond());
        b.putNanos(at.getNano());
    }

    /** The earlier form: tag, previous hash as hex text, sequence, time, then the record's fields; read only. */
    private static CanonicalBuffer writeV1(long sequence, Instant at, AuditType type, String actor, String bizNo, String subject,
                                           Map<String, String> detail, String previousHash) {
        CanonicalBuffer b = CanonicalBuffer.get();
        b.putEncoded(FORMAT_TAG_V1);
        b.put(previousHash);
        writeSequenceAndTime(sequence, at, b);
        AuditRecord.writeFields(type, actor, bizNo, subject, detail, b, false);
        return b;
    }
}
