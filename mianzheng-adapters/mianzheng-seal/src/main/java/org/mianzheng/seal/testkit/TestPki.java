package org.mianzheng.seal.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.seal.internal.Bc;

/**
 * A throw-away PKI for tests and simulators: root and intermediate CAs, signing leaves and time-stamping
 * certificates, with RSA, ECDSA P-256 or SM2 keys, generated in memory with BouncyCastle. Nothing here is fit for
 * production.
 */
public final class TestPki {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    /** Key types. */
    public enum KeyType {
        /** RSA 2048. */
        RSA_2048,
        /** RSA 3072. */
        RSA_3072,
        /** RSA 4096. */
        RSA_4096,
        /** ECDSA on P-256. */
        EC_P256,
        /** SM2 on sm2p256v1. */
        SM2;

        String certificateSignatureAlgorithm() {
            switch (this) {
                case EC_P256:
                    return "SHA256withECDSA";
                case SM2:
                    return "SM3withSM2";
                default:
                    return "SHA256withRSA";
            }
        }
    }

    /**
     * @param type key type
     * @return a new key pair
     */
    public static KeyPair generate(KeyType type) {
        try {
            KeyPairGenerator g;
            switch (type) {
                case EC_P256:
                    g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
                    break;
                case SM2:
                    g = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
                    g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
                    break;
                case RSA_3072:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(3072, RANDOM);
                    break;
                case RSA_4096:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(4096, RANDOM);
                    break;
                default:
                    g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048, RANDOM);
                    break;
            }
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key generation failed for " + type, e);
        }
    }

    /**
     * @param commonName the root's CN
     * @param type       its key type
     * @param now        the current time; certificates are valid from an hour before to ten years after
     * @return a self-signed root CA
     */
    public static Authority rootCa(String commonName, KeyType type, Instant now) {
        KeyPair kp = generate(type);
        X500Principal name = principal(commonName);
        X509Certificate cert = build(name, kp.getPublic(), name, kp.getPrivate(), type, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofDays(3650)), Role.CA, null);
        return new Authority(kp.getPrivate(), type, List.of(cert), now);
    }

    private static X500Principal principal(String commonName) {
        InvalidValueException.requireText(commonName, "commonName");
        StringBuilder cn = new StringBuilder();
        for (char c : commonName.toCharArray()) {
            if (",+\"\\<>;=#".indexOf(c) >= 0) {
                cn.append('\\');
            }
            cn.append(c);
        }
        return new X500Principal("CN=" + cn + ",O=mianzheng test PKI,C=CN");
    }

    private enum Role { CA, SIGNER, TSA }

    private static X509Certificate build(X500Principal subject, PublicKey subjectKey, X500Principal issuer, PrivateKey issuerKey,
                                         KeyType issuerType, Instant notBefore, Instant notAfter, Role role, X509Certificate issuerCert) {
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, RANDOM).setBit(62),
                    Date.from(notBefore), Date.from(notAfter), subject, subjectKey);
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(subjectKey));
            if (issuerCert != null) {
                b.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(issuerCert));
            }
            switch (role) {
                case CA:
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    break;
                case TSA:
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    b.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                    break;
                default:
                    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                    break;
            }
            return new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(
                    b.build(new JcaContentSignerBuilder(issuerType.certificateSignatureAlgorithm()).setProvider(Bc.PROVIDER).build(issuerKey)));
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("certificate could not be built", e);
        }
    }

    /** A certification authority: its key and its chain up to the root. */
    public static final class Authority {
        private final PrivateKey key;
        private final KeyType type;
        private final List<X509Certificate> chain;
        private final Instant now;

        private Authority(PrivateKey key, KeyType type, List<X509Certificate> chain, Instant now) {
            this.key = key;
            this.type = type;
            this.chain = List.copyOf(chain);
            this.now = now;
        }

        /** @return this CA's certificate */
        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** @return the root of this CA's chain (a trust anchor) */
        public X509Certificate root() {
            return chain.get(chain.size() - 1);
        }

        /** @return this CA's certificate followed by its issuers up to the root */
        public List<X509Certificate> chain() {
            return chain;
        }

        /**
         * @param commonName CN of the intermediate
         * @param type       its key type
         * @return an intermediate CA issued by this CA
         */
        public Authority intermediate(String commonName, KeyType type) {
            KeyPair kp = generate(type);
            X509Certificate cert = build(principal(commonName), kp.getPublic(), certificate().getSubjectX500Principal(), key, this.type,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), Role.CA, certificate());
            List<X509Certificate> c = new ArrayList<>();
            c.add(cert);
            c.addAll(chain);
            return new Authority(kp.getPrivate(), type, c, now);
        }

        /**
         * @param commonName CN of the signer
         * @param type       its key type
         * @return a signing credential valid for a year
         */
        public Credential signer(String commonName, KeyType type) {
            return signer(commonName, type, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
        }

        /**
         * @param commonName CN of the signer
         * @param type       its key type
         * @param notBefore  start of validity
         * @param notAfter   end of validity
         * @return a signing credential
         */
        public Credential signer(String commonName, KeyType type, Instant notBefore, Instant notAfter) {
            return issue(commonName, type, notBefore, notAfter, Role.SIGNER);
        }

        /**
         * Certifies a key generated elsewhere (e.g. on a hardware token) for signing.
         *
         * @param commonName CN of the signer
         * @param publicKey  its public key
         * @return the new certificate followed by this CA's chain
         */
        public List<X509Certificate> certify(String commonName, PublicKey publicKey) {
            X509Certificate cert = build(principal(commonName), publicKey, certificate().getSubjectX500Principal(), key, this.type,
                    now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)), Role.SIGNER, certificate());
            List<X509Certificate> c = new ArrayList<>();
            c.add(cert);
            c.addAll(chain);
            return List.copyOf(c);
        }

        /**
         * @param commonName CN of the time-stamping unit
         * @param type       its key type
         * @return a credential with the critical extended key usage timeStamping
         */
        public Credential timestampAuthority(String commonName, KeyType type) {
            return issue(commonName, type, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), Role.TSA);
        }

        private Credential issue(String commonName, KeyType type, Instant notBefore, Instant notAfter, Role role) {
            KeyPair kp = generate(type);
            X509Certificate cert = build(principal(commonName), kp.getPublic(), certificate().getSubjectX500Principal(), key, this.type,
                    notBefore, notAfter, role, certificate());
            List<X509Certificate> c = new ArrayList<>();
            c.add(cert);
            c.addAll(chain);
            return new Credential(kp.getPrivate(), c);
        }
    }

    /**
     * A private key with its certificate chain (signer first, root last).
     *
     * @param key   the private key
     * @param chain the chain
     */
    public record Credential(PrivateKey key, List<X509Certificate> chain) {
        /** Copies the chain. */
        public Credential {
            chain = List.copyOf(chain);
        }

        /** @return the end-entity certificate */
        public X509Certificate certificate() {
            return chain.get(0);
        }

        /** @return the chain without its root (what a signer sends) */
        public List<X509Certificate> chainWithoutRoot() {
            return chain.size() == 1 ? chain : chain.subList(0, chain.size() - 1);
        }

        /** @return the root certificate */
        public X509Certificate root() {
            return chain.get(chain.size() - 1);
        }

        /**
         * @param password store password
         * @param alias    entry alias
         * @return a PKCS#12 key store holding the key and the chain (written with BouncyCastle, readable by the JDK)
         */
        public byte[] toPkcs12(char[] password, String alias) {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12", Bc.PROVIDER);
                ks.load(null, null);
                ks.setKeyEntry(alias, key, password, chain.toArray(new Certificate[0]));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ks.store(out, password);
                return out.toByteArray();
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("PKCS#12 could not be written", e);
            }
        }

        /**
         * @param password a password to encrypt the key with (PKCS#8, AES-256-CBC), or {@code null} for a plain
         *                 PKCS#8 key
         * @return the private key as PEM
         */
        public String privateKeyPem(char[] password) {
            try {
                StringWriter w = new StringWriter();
                try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                    if (password == null) {
                        pw.writeObject(new JcaPKCS8Generator(key, null));
                    } else {
                        pw.writeObject(new JcaPKCS8Generator(key,
                                new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                                        org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC)
                                        .setProvider(Bc.PROVIDER).setPassword(password).build()));
                    }
                }
                return w.toString();
            } catch (IOException | OperatorCreationException e) {
                throw new IllegalStateException("PEM could not be written", e);
            }
        }

        /**
         * @param withRoot whether to include the root
         * @return the chain as PEM
         */
        public String chainPem(boolean withRoot) {
            return pem(withRoot ? chain : chainWithoutRoot());
        }
    }

    /**
     * @param certificates certificates
     * @return them as PEM
     */
    public static String pem(List<X509Certificate> certificates) {
        try {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
                for (X509Certificate c : certificates) {
                    pw.writeObject(c);
                }
            }
            return w.toString();
        } catch (IOException e) {
            throw new IllegalStateException("PEM could not be written", e);
        }
    }
}
