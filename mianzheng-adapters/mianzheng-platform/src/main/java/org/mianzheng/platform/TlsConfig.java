package org.mianzheng.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Optional TLS material from PKCS#12 files: a trust store (the platform's CA; otherwise the JDK's default trust) and
 * a client certificate with its key (for mutual TLS).
 *
 * @param trustStore         PKCS#12 trust store, or {@code null} for the JDK default
 * @param trustStorePassword its password (may be {@code null} for none)
 * @param keyStore           PKCS#12 file with the client key and certificate chain, or {@code null}
 * @param keyStorePassword   its password (also the key's)
 */
public record TlsConfig(Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword) {
    /** Validating constructor: at least one store; passwords copied. */
    public TlsConfig {
        if (trustStore == null && keyStore == null) {
            throw new ProfileException("tls: give a trust store, a client key store, or both");
        }
        trustStorePassword = trustStorePassword == null ? null : trustStorePassword.clone();
        keyStorePassword = keyStorePassword == null ? null : keyStorePassword.clone();
    }

    /**
     * @param trustStore PKCS#12 trust store
     * @param password   its password
     * @return a config that trusts that store only
     */
    public static TlsConfig trusting(Path trustStore, char[] password) {
        return new TlsConfig(trustStore, password, null, null);
    }

    /**
     * @param keyStore PKCS#12 client key store
     * @param password its password
     * @return a copy that also presents that client certificate
     */
    public TlsConfig withClientCertificate(Path keyStore, char[] password) {
        return new TlsConfig(trustStore, trustStorePassword, keyStore, password);
    }

    @Override
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    @Override
    public char[] keyStorePassword() {
        return keyStorePassword == null ? null : keyStorePassword.clone();
    }

    /**
     * @return an SSL context from the configured files
     * @throws ProfileException if a file cannot be read or is not a valid PKCS#12 store
     */
    public SSLContext sslContext() {
        try {
            TrustManagerFactory tmf = null;
            if (trustStore != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore, trustStorePassword, "trust store"));
            }
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePassword, "key store"), keyStorePassword == null ? new char[0] : keyStorePassword);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new ProfileException("tls: cannot build an SSL context: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, char[] password, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new ProfileException("tls: cannot read the " + what + " " + file.getFileName() + " as PKCS#12: " + e.getMessage(), e);
        }
    }

    /** @return without passwords */
    @Override
    public String toString() {
        return "TlsConfig[trustStore " + trustStore + ", keyStore " + keyStore + "]";
    }
}
