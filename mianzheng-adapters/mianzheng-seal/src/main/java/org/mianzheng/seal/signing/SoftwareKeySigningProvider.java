package org.mianzheng.seal.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.seal.internal.KeyMaterial;

/**
 * Signs with a software key held in memory: RSA of at least 2048 bits ({@code SHA256withRSA}) or ECDSA on P-256
 * ({@code SHA256withECDSA}), loaded from PKCS#12 or PEM. For SM2 keys use {@link Sm2SigningProvider}.
 *
 * <p>Thread-safe (a fresh {@link java.security.Signature} per call); non-blocking apart from CPU work.
 */
public final class SoftwareKeySigningProvider extends LocalKeySigningProvider {

    private SoftwareKeySigningProvider(String id, KeyMaterial m) {
        super(id, m.key(), m.chain(), null, null);
    }

    @Override
    void checkAlgorithm(SignatureAlgorithm algorithm) {
        if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
            throw new SigningException(id(), "SM2 key: use Sm2SigningProvider");
        }
    }

    /**
     * @param id    provider id
     * @param key   the private key
     * @param chain its certificate chain, signer first
     * @return the provider
     * @throws SigningException if the key is unsupported, too short or does not match the certificate
     */
    public static SoftwareKeySigningProvider of(String id, PrivateKey key, List<X509Certificate> chain) {
        return new SoftwareKeySigningProvider(id, new KeyMaterial(key, chain));
    }

    /**
     * @param id       provider id
     * @param pkcs12   PKCS#12 bytes
     * @param password its password
     * @param alias    the key entry, or {@code null} if the store holds exactly one
     * @return the provider
     * @throws SigningException if the store cannot be read or the key is unusable
     */
    public static SoftwareKeySigningProvider fromPkcs12(String id, byte[] pkcs12, char[] password, String alias) {
        return new SoftwareKeySigningProvider(id, KeyMaterial.fromPkcs12(id, pkcs12, password, alias, false));
    }

    /**
     * @param id       provider id
     * @param path     a PKCS#12 file
     * @param password its password
     * @param alias    the key entry, or {@code null} if the store holds exactly one
     * @return the provider
     * @throws SigningException if the file cannot be read or the key is unusable
     */
    public static SoftwareKeySigningProvider fromPkcs12(String id, Path path, char[] password, String alias) {
        return fromPkcs12(id, read(id, path), password, alias);
    }

    /**
     * @param id            provider id
     * @param privateKeyPem PEM private key (PKCS#8, encrypted PKCS#8, or traditional RSA/EC)
     * @param password      password of an encrypted key, else {@code null}
     * @param chainPem      PEM certificates, signer first
     * @return the provider
     * @throws SigningException if the PEM cannot be read or the key is unusable
     */
    public static SoftwareKeySigningProvider fromPem(String id, String privateKeyPem, char[] password, String chainPem) {
        return new SoftwareKeySigningProvider(id, KeyMaterial.fromPem(id, privateKeyPem, password, chainPem));
    }

    static byte[] read(String id, Path path) {
        InvalidValueException.requireNonNull(path, "path");
        try {
            if (Files.size(path) > KeyMaterial.MAX_INPUT) {
                throw new SigningException(id, "key file larger than " + KeyMaterial.MAX_INPUT + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new SigningException(id, "key file cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }
}
