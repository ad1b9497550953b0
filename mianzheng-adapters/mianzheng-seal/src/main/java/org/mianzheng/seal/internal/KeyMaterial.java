package org.mianzheng.seal.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.mianzheng.api.SigningException;

/**
 * Loads a private key and its certificate chain from PKCS#12 or PEM. Error messages name the problem, never the
 * password or key material.
 *
 * @param key   the private key
 * @param chain the certificate chain, signer first
 */
public record KeyMaterial(PrivateKey key, List<X509Certificate> chain) {
    /** Largest PKCS#12 or PEM input accepted. */
    public static final int MAX_INPUT = 1 << 20;

    /** Validating constructor. */
    public KeyMaterial {
        if (key == null) {
            throw new SigningException(null, "no private key");
        }
        if (chain == null || chain.isEmpty() || chain.stream().anyMatch(java.util.Objects::isNull)) {
            throw new SigningException(null, "no certificate chain");
        }
        chain = List.copyOf(chain);
    }

    /**
     * @param providerId for messages
     * @param pkcs12     the key store bytes
     * @param password   its password
     * @param alias      the entry, or {@code null} for the only key entry
     * @param bouncy     read with BouncyCastle (needed for SM2) instead of the JDK
     * @return the key and chain
     */
    public static KeyMaterial fromPkcs12(String providerId, byte[] pkcs12, char[] password, String alias, boolean bouncy) {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new SigningException(providerId, "PKCS#12 data is empty");
        }
        if (pkcs12.length > MAX_INPUT) {
            throw new SigningException(providerId, "PKCS#12 data larger than " + MAX_INPUT + " bytes");
        }
        KeyStore ks;
        try {
            ks = bouncy ? KeyStore.getInstance("PKCS12", Bc.PROVIDER) : KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException e) {
            throw new SigningException(providerId, "PKCS#12 could not be read (wrong password or corrupt data)", e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(providerId, "PKCS#12 could not be read: " + e.getClass().getSimpleName(), e);
        }
        return fromKeyStore(providerId, ks, password, alias);
    }

    /**
     * @param providerId for messages
     * @param ks         a loaded key store
     * @param password   key password (or {@code null} where the store needs none, e.g. PKCS#11)
     * @param alias      the entry, or {@code null} for the only key entry
     * @return the key and chain
     */
    public static KeyMaterial fromKeyStore(String providerId, KeyStore ks, char[] password, String alias) {
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new SigningException(providerId, "key store holds " + keys.size() + " key entries; name the alias");
                }
                chosen = keys.get(0);
            }
            if (!ks.isKeyEntry(chosen)) {
                throw new SigningException(providerId, "key store has no key entry named '" + chosen + "'");
            }
            Key key = ks.getKey(chosen, password);
            if (!(key instanceof PrivateKey)) {
                throw new SigningException(providerId, "entry '" + chosen + "' is not a private key");
            }
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new SigningException(providerId, "entry '" + chosen + "' has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return new KeyMaterial((PrivateKey) key, chain);
        } catch (SigningException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(providerId, "key entry could not be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * @param providerId    for messages
     * @param privateKeyPem a PEM private key: PKCS#8 ({@code PRIVATE KEY}), encrypted PKCS#8
     *                      ({@code ENCRYPTED PRIVATE KEY}) or traditional OpenSSL ({@code RSA/EC PRIVATE KEY})
     * @param password      the password of an encrypted key, else {@code null}
     * @param chainPem      the certificates, signer first
     * @return the key and chain
     */
    public static KeyMaterial fromPem(String providerId, String privateKeyPem, char[] password, String chainPem) {
        if (privateKeyPem == null || privateKeyPem.length() > MAX_INPUT || chainPem == null || chainPem.length() > MAX_INPUT) {
            throw new SigningException(providerId, "PEM input missing or larger than " + MAX_INPUT + " characters");
        }
        PrivateKeyInfo info;
        try (PEMParser parser = new PEMParser(new StringReader(privateKeyPem))) {
            Object o = parser.readObject();
            if (o instanceof PEMKeyPair) {
                info = ((PEMKeyPair) o).getPrivateKeyInfo();
            } else if (o instanceof PrivateKeyInfo) {
                info = (PrivateKeyInfo) o;
            } else if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                requirePassword(providerId, password);
                info = ((PKCS8EncryptedPrivateKeyInfo) o).decryptPrivateKeyInfo(
                        new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password));
            } else if (o instanceof PEMEncryptedKeyPair) {
                requirePassword(providerId, password);
                info = ((PEMEncryptedKeyPair) o).decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(password))
                        .getPrivateKeyInfo();
            } else {
                throw new SigningException(providerId, "PEM holds no private key"
                        + (o == null ? "" : " (found " + o.getClass().getSimpleName() + ")"));
            }
        } catch (SigningException e) {
            throw e;
        } catch (PKCSException | OperatorCreationException e) {
            throw new SigningException(providerId, "encrypted private key could not be decrypted (wrong password?)", e);
        } catch (IOException | RuntimeException e) {
            throw new SigningException(providerId, "PEM private key could not be read: " + e.getClass().getSimpleName(), e);
        }
        PrivateKey key = toPrivateKey(providerId, info);
        List<X509Certificate> chain = certificates(providerId, chainPem);
        return new KeyMaterial(key, chain);
    }

    private static void requirePassword(String providerId, char[] password) {
        if (password == null) {
            throw new SigningException(providerId, "the private key is encrypted but no password was given");
        }
    }

    private static PrivateKey toPrivateKey(String providerId, PrivateKeyInfo info) {
        try {
            PrivateKey bc = new JcaPEMKeyConverter().setProvider(Bc.PROVIDER).getPrivateKey(info);
            if ("RSA".equals(bc.getAlgorithm())) {
                return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(bc.getEncoded()));
            }
            String curve = info.getPrivateKeyAlgorithm().getParameters() == null ? null
                    : info.getPrivateKeyAlgorithm().getParameters().toString();
            if (SignatureSupport.OID_P256.equals(curve)) {
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(bc.getEncoded()));
            }
            return bc;
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            throw new SigningException(providerId, "private key could not be decoded: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * @param providerId for messages
     * @param pem        PEM certificates
     * @return the certificates in order
     */
    public static List<X509Certificate> certificates(String providerId, String pem) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)))) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new SigningException(providerId, "PEM holds no certificate");
            }
            return List.copyOf(out);
        } catch (SigningException e) {
            throw e;
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SigningException(providerId, "certificates could not be read: " + e.getClass().getSimpleName(), e);
        }
    }
}
