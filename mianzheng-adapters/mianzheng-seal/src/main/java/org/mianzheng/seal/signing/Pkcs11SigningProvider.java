package org.mianzheng.seal.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.seal.internal.KeyMaterial;

/**
 * Signs with a key that never leaves a PKCS#11 token (HSM, smart card, SoftHSM), through the JDK's SunPKCS11
 * provider: RSA &ge; 2048 bits or ECDSA P-256. The key is found by its alias (the label of the certificate on the
 * token); the certificate chain is the token's, optionally completed with intermediate certificates the host gives.
 *
 * <pre>{@code
 * SigningProvider p = Pkcs11SigningProvider.builder("hsm")
 *         .library(Path.of("/usr/lib/softhsm/libsofthsm2.so"))
 *         .slotListIndex(0)
 *         .pin("1234".toCharArray())
 *         .alias("seal")
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe (SunPKCS11 pools token sessions); blocking while the token signs. The PIN is used to log in once
 * and not kept.
 */
public final class Pkcs11SigningProvider extends LocalKeySigningProvider {
    private final Provider pkcs11;

    private Pkcs11SigningProvider(String id, KeyMaterial m, Provider pkcs11) {
        super(id, m.key(), m.chain(), null, pkcs11);
        this.pkcs11 = pkcs11;
    }

    @Override
    void checkAlgorithm(SignatureAlgorithm algorithm) {
        if (algorithm == SignatureAlgorithm.SM3_WITH_SM2) {
            throw new SigningException(id(), "SM2 is not supported through SunPKCS11");
        }
    }

    /** @return the configured SunPKCS11 provider instance (for hosts that share it) */
    public Provider pkcs11Provider() {
        return pkcs11;
    }

    /**
     * @param id provider id
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(Codes.require(id, "providerId"));
    }

    /**
     * Configures a SunPKCS11 provider instance.
     *
     * @param name    a name for the instance ({@code A-Z a-z 0-9})
     * @param library the PKCS#11 module (shared library)
     * @param slotListIndex index of the slot in the token's slot list, or {@code -1}
     * @param slot    slot id, or {@code -1}
     * @return the configured provider
     * @throws SigningException if SunPKCS11 is not available or the library cannot be loaded
     */
    public static Provider configureSunPkcs11(String name, Path library, int slotListIndex, long slot) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new SigningException(name, "the SunPKCS11 provider (module jdk.crypto.cryptoki) is not available in this JDK");
        }
        if (!Files.isRegularFile(library)) {
            throw new SigningException(name, "PKCS#11 library not found: " + library);
        }
        StringBuilder config = new StringBuilder("--name = ").append(name.replaceAll("[^A-Za-z0-9]", ""))
                .append("\nlibrary = ").append(library.toAbsolutePath());
        if (slot >= 0) {
            config.append("\nslot = ").append(slot);
        } else if (slotListIndex >= 0) {
            config.append("\nslotListIndex = ").append(slotListIndex);
        }
        config.append('\n');
        try {
            return base.configure(config.toString());
        } catch (RuntimeException e) {
            throw new SigningException(name, "SunPKCS11 could not load " + library.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Builder of {@link Pkcs11SigningProvider}. Set-once setters. */
    public static final class Builder {
        private final String id;
        private final Set<String> set = new HashSet<>();
        private Path library;
        private int slotListIndex = -1;
        private long slot = -1;
        private Provider provider;
        private char[] pin;
        private String alias;
        private final List<X509Certificate> extra = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /**
         * @param library path of the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
         * @return this builder
         */
        public Builder library(Path library) {
            once("library");
            this.library = InvalidValueException.requireNonNull(library, "library");
            return this;
        }

        /**
         * @param index index in the slot list (0 = first slot with a token)
         * @return this builder
         */
        public Builder slotListIndex(int index) {
            once("slot");
            if (index < 0) {
                throw new InvalidValueException("slotListIndex", "must be >= 0");
            }
            this.slotListIndex = index;
            return this;
        }

        /**
         * @param slot the slot id
         * @return this builder
         */
        public Builder slot(long slot) {
            once("slot");
            if (slot < 0) {
                throw new InvalidValueException("slot", "must be >= 0");
            }
            this.slot = slot;
            return this;
        }

        /**
         * Uses a SunPKCS11 instance the host configured already, instead of {@link #library}.
         *
         * @param provider a configured SunPKCS11 provider
         * @return this builder
         */
        public Builder provider(Provider provider) {
            once("provider");
            this.provider = InvalidValueException.requireNonNull(provider, "provider");
            return this;
        }

        /**
         * @param pin the user PIN; copied, and cleared after login
         * @return this builder
         */
        public Builder pin(char[] pin) {
            once("pin");
            this.pin = InvalidValueException.requireNonNull(pin, "pin").clone();
            return this;
        }

        /**
         * @param alias the key's alias on the token (label of its certificate)
         * @return this builder
         */
        public Builder alias(String alias) {
            once("alias");
            this.alias = InvalidValueException.requireText(alias, "alias");
            return this;
        }

        /**
         * @param certificates intermediate certificates to append when the token holds only the signer's
         * @return this builder
         */
        public Builder extraCertificates(List<X509Certificate> certificates) {
            once("extraCertificates");
            extra.addAll(InvalidValueException.requireNonNull(certificates, "extraCertificates"));
            return this;
        }

        /**
         * Logs in to the token, finds the key and checks it against its certificate.
         *
         * @return the provider
         * @throws SigningException if the token, PIN, key or certificate is unusable
         */
        public Pkcs11SigningProvider build() {
            if (pin == null) {
                throw new InvalidValueException("pin", "must be set");
            }
            if (alias == null) {
                throw new InvalidValueException("alias", "must be set");
            }
            Provider p = provider;
            if (p == null) {
                if (library == null) {
                    throw new InvalidValueException("library", "set the PKCS#11 library or a configured provider");
                }
                p = configureSunPkcs11("mianzheng" + id, library, slotListIndex, slot);
            }
            KeyMaterial m;
            try {
                KeyStore ks = KeyStore.getInstance("PKCS11", p);
                ks.load(null, pin);
                m = KeyMaterial.fromKeyStore(id, ks, null, alias);
            } catch (IOException e) {
                throw new SigningException(id, "token login failed (wrong PIN or token not present)", e);
            } catch (GeneralSecurityException | RuntimeException e) {
                if (e instanceof SigningException) {
                    throw (SigningException) e;
                }
                throw new SigningException(id, "token could not be opened: " + e.getClass().getSimpleName(), e);
            } finally {
                java.util.Arrays.fill(pin, '\0');
            }
            List<X509Certificate> chain = new ArrayList<>(m.chain());
            for (X509Certificate c : extra) {
                if (!chain.contains(c)) {
                    chain.add(c);
                }
            }
            return new Pkcs11SigningProvider(id, new KeyMaterial(m.key(), chain), p);
        }
    }
}
