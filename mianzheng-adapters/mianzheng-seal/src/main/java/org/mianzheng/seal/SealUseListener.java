package org.mianzheng.seal;

/**
 * Receives every {@link SealUse}, typically to append it to the audit trail. Called on the issuing thread, after the
 * receipt is signed and before it is registered and returned. Fail closed: if this method throws, the receipt is
 * not registered and not returned. Must be thread-safe; may block (e.g. a durable write).
 */
@FunctionalInterface
public interface SealUseListener {

    /**
     * @param use the seal use
     */
    void sealUsed(SealUse use);
}
