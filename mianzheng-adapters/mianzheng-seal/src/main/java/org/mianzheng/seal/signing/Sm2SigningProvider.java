package org.mianzheng.seal.signing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.seal.internal.KeyMaterial;

/**
 * Signs with SM2 and SM3 ({@code SM3withSM2}, GB/T 32918) through BouncyCastle. The SM2 user ID (distinguishing
 * identifier) is always set — {@value SignatureAlgorithm#DEFAULT_SM2_USER_ID} unless another is given — because a
 * verifier must use the same one; it is exposed through {@link #sm2UserId()}.
 *
 * <p>Thread-safe; non-blocking apart from CPU work.
 */
public final class Sm2SigningProvider extends LocalKeySigningProvider {
    /** Longest SM2 user ID: its bit length must fit in 16 bits. */
    public static final int MAX_USER_ID_BYTES = 8191;

    private Sm2SigningProvider(String id, KeyMaterial m, String userId) {
        super(id, m.key(), m.chain(), checkUserId(userId), null);
    }

    private static String checkUserId(String userId) {
        if (userId == null || userId.isEmpty()) {
            throw new InvalidValueException("sm2UserId", "must not be empty: an SM2 signature is never made without a user ID");
        }
        if (userId.getBytes(StandardCharsets.UTF_8).length > MAX_USER_ID_BYTES) {
            throw new InvalidValueException("sm2UserId", "longer than " + MAX_USER_ID_BYTES + " bytes");
        }
        return userId;
    }

    @Override
    void checkAlgorithm(SignatureAlgorithm algorithm) {
        if (algorithm != SignatureAlgorithm.SM3_WITH_SM2) {
            throw new SigningException(id(), "not an SM2 key (" + algorithm + "): use SoftwareKeySigningProvider");
        }
    }

    /**
     * @param id     provider id
     * @param key    the SM2 private key
     * @param chain  its certificate chain, signer first
     * @param userId the SM2 user ID, e.g. {@link SignatureAlgorithm#DEFAULT_SM2_USER_ID}
     * @return the provider
     * @throws SigningException if the key is not SM2 or does not match the certificate
     */
    public static Sm2SigningProvider of(String id, PrivateKey key, List<X509Certificate> chain, String userId) {
        return new Sm2SigningProvider(id, new KeyMaterial(key, chain), userId);
    }

    /**
     * @param id       provider id
     * @param pkcs12   PKCS#12 bytes (read with BouncyCastle)
     * @param password its password
     * @param alias    the key entry, or {@code null} if the store holds exactly one
     * @param userId   the SM2 user ID
     * @return the provider
     * @throws SigningException if the store cannot be read or the key is unusable
     */
    public static Sm2SigningProvider fromPkcs12(String id, byte[] pkcs12, char[] password, String alias, String userId) {
        return new Sm2SigningProvider(id, KeyMaterial.fromPkcs12(id, pkcs12, password, alias, true), userId);
    }

    /**
     * @param id       provider id
     * @param path     a PKCS#12 file
     * @param password its password
     * @param alias    the key entry, or {@code null}
     * @param userId   the SM2 user ID
     * @return the provider
     */
    public static Sm2SigningProvider fromPkcs12(String id, Path path, char[] password, String alias, String userId) {
        return fromPkcs12(id, SoftwareKeySigningProvider.read(id, path), password, alias, userId);
    }

    /**
     * @param id            provider id
     * @param privateKeyPem PEM private key (PKCS#8, encrypted PKCS#8, or traditional EC)
     * @param password      password of an encrypted key, else {@code null}
     * @param chainPem      PEM certificates, signer first
     * @param userId        the SM2 user ID
     * @return the provider
     */
    public static Sm2SigningProvider fromPem(String id, String privateKeyPem, char[] password, String chainPem, String userId) {
        return new Sm2SigningProvider(id, KeyMaterial.fromPem(id, privateKeyPem, password, chainPem), userId);
    }
}
