package org.mianzheng.api;

/**
 * The head of the chain: publish or store it elsewhere to detect a cut-off tail later.
 *
 * @param sequence the last sequence (0 for an empty chain)
 * @param hash     its hash ({@link AuditEvent#GENESIS} for an empty chain)
 */
public record AuditHead(long sequence, String hash) {
    /** Validating constructor. */
    public AuditHead {
        if (sequence < 0) {
            throw new InvalidValueException("sequence", "not negative");
        }
        hash = Digests.requireSha256Hex(hash, "hash");
    }
}
