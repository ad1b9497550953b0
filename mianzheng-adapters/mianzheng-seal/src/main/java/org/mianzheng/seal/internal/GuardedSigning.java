package org.mianzheng.seal.internal;

import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SigningProvider;

/** Guards calls into a {@link SigningProvider}: any exception or a {@code null} answer becomes a {@link SigningException}. */
public final class GuardedSigning {
    private GuardedSigning() {
    }

    /**
     * @param provider   the provider
     * @param toBeSigned bytes to sign
     * @return the signature
     * @throws SigningException if the provider failed
     */
    public static byte[] sign(SigningProvider provider, byte[] toBeSigned) {
        String id = safeId(provider);
        byte[] sig;
        try {
            sig = provider.sign(toBeSigned);
        } catch (SigningException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SigningException(id, "provider failed: " + e.getClass().getSimpleName(), e);
        }
        if (sig == null || sig.length == 0) {
            throw new SigningException(id, "provider returned " + (sig == null ? "null" : "an empty signature"));
        }
        return sig;
    }

    /**
     * @param provider a provider
     * @return its id, or a placeholder if it cannot tell
     */
    public static String safeId(SigningProvider provider) {
        try {
            String id = provider.id();
            return id == null ? "<unnamed>" : id;
        } catch (RuntimeException e) {
            return "<unnamed>";
        }
    }
}
