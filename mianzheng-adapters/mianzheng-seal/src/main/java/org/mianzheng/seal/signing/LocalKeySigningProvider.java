package org.mianzheng.seal.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.internal.SignatureSupport;

/** A provider holding a {@link PrivateKey} it can use through JCA (software or PKCS#11). */
abstract class LocalKeySigningProvider implements SigningProvider {
    /** Signed once when a provider is made, to check that its key matches its certificate (shared by all providers). */
    static final byte[] PROBE = "mianzheng key/certificate match probe".getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final SignatureAlgorithm algorithm;
    private final String sm2UserId;
    private final Provider jcaProvider;

    LocalKeySigningProvider(String id, PrivateKey key, List<X509Certificate> chain, String sm2UserId, Provider jcaProvider) {
        this.id = Codes.require(id, "providerId");
        InvalidValueException.requireNonNull(key, "key");
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SigningException(this.id, "no certificate chain");
        }
        this.chain = List.copyOf(chain);
        this.algorithm = SignatureSupport.algorithmFor(this.chain.get(0).getPublicKey(), this.id);
        try {
            this.key = jcaProvider == null ? SignatureSupport.forSigning(algorithm, key) : key;
        } catch (GeneralSecurityException e) {
            throw new SigningException(this.id, "private key cannot be used for " + algorithm, e);
        }
        this.sm2UserId = sm2UserId;
        this.jcaProvider = jcaProvider;
        checkAlgorithm(algorithm);
        byte[] sig = sign(PROBE);
        if (!SignatureSupport.verify(algorithm, this.chain.get(0).getPublicKey(), sm2UserIdOrDefault(), PROBE, sig)) {
            throw new SigningException(this.id, "the private key does not match the signer certificate");
        }
    }

    /**
     * @param algorithm the algorithm the certificate's key implies
     * @throws SigningException if this provider kind does not handle it
     */
    abstract void checkAlgorithm(SignatureAlgorithm algorithm);

    private String sm2UserIdOrDefault() {
        return sm2UserId == null ? SignatureAlgorithm.DEFAULT_SM2_USER_ID : sm2UserId;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public final List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public final String sm2UserId() {
        return sm2UserIdOrDefault();
    }

    @Override
    public final byte[] sign(byte[] toBeSigned) {
        InvalidValueException.requireNonNull(toBeSigned, "toBeSigned");
        try {
            Signature s = SignatureSupport.signer(algorithm, key, sm2UserIdOrDefault(), jcaProvider);
            s.update(toBeSigned);
            return s.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(id, "signing failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", " + algorithm + ", " + chain.get(0).getSubjectX500Principal().getName() + "]";
    }
}
