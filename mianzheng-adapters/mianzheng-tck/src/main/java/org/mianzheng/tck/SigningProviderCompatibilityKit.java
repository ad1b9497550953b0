package org.mianzheng.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.Codes;
import org.mianzheng.api.Holder;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;

/**
 * Contract tests every {@link SigningProvider} must pass. A provider's test extends this class and implements
 * {@link #createProvider()} and {@link #trustAnchors()}:
 *
 * <pre>{@code
 * class MyProviderTest extends SigningProviderCompatibilityKit {
 *     protected SigningProvider createProvider() { return MyProvider.connect(...); }
 *     protected List<X509Certificate> trustAnchors() { return List.of(myRoot); }
 * }
 * }</pre>
 *
 * It checks the written contract of the SPI: stable description, a certificate chain valid at {@link #now()} that leads
 * to one of {@link #trustAnchors()}, signatures that verify with the certificate (SM2 with its user ID), input handling,
 * thread safety. {@code mianzheng-seal}'s own tests extend it further with a receipt
 * signed and verified end to end.
 */
public abstract class SigningProviderCompatibilityKit {
    /** A fixed time inside the validity of the provider's certificate; override {@link #now()} if needed. */
    protected static final Instant DEFAULT_NOW = Instant.parse("2026-11-25T06:30:05Z");

    private SigningProvider provider;

    /**
     * @return the provider under test, ready to sign
     * @throws Exception if it cannot be set up
     */
    protected abstract SigningProvider createProvider() throws Exception;

    /** @return the trust anchors the provider's certificate chain leads to */
    protected abstract List<X509Certificate> trustAnchors();

    /** @return a time at which the provider's certificates are valid */
    protected Instant now() {
        return DEFAULT_NOW;
    }

    @BeforeEach
    void createProviderUnderTest() throws Exception {
        provider = createProvider();
        assertThat(provider).as("createProvider()").isNotNull();
    }

    /** @return the provider under test */
    protected SigningProvider provider() {
        return provider;
    }

    @Test
    void idIsACodeAndStable() {
        String id = provider.id();
        assertThat(Codes.require(id, "id")).isEqualTo(id);
        assertThat(provider.id()).isEqualTo(id);
    }

    @Test
    void describesItselfStably() {
        assertThat(provider.algorithm()).isNotNull().isEqualTo(provider.algorithm());
        assertThat(provider.certificateChain()).isEqualTo(provider.certificateChain());
        assertThat(provider.sm2UserId()).isEqualTo(provider.sm2UserId());
    }

    @Test
    void chainIsNonEmptyUnmodifiableAndMatchesTheAlgorithm() {
        List<X509Certificate> chain = provider.certificateChain();
        assertThat(chain).isNotEmpty().doesNotContainNull();
        assertThat(chain).isUnmodifiable();
        assertThat(chain.get(0).getPublicKey().getAlgorithm()).isIn(provider.algorithm().keyAlgorithm(), "SM2");
    }

    @Test
    void sm2ProvidersAlwaysNameAUserId() {
        if (provider.algorithm() == SignatureAlgorithm.SM3_WITH_SM2) {
            assertThat(provider.sm2UserId()).isNotEmpty();
        }
    }

    @Test
    void chainIsValidNowAndLeadsToATrustAnchor() throws Exception {
        List<X509Certificate> chain = provider.certificateChain();
        java.util.Date at = java.util.Date.from(now());
        for (X509Certificate c : chain) {
            c.checkValidity(at); // throws CertificateExpiredException or CertificateNotYetValidException
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            assertThat(Verify.issuedBy(chain.get(i), chain.get(i + 1))).as("certificate %d of the chain is issued by the next", i).isTrue();
        }
        X509Certificate top = chain.get(chain.size() - 1);
        assertThat(trustAnchors()).as("the chain ends at, or is issued by, a trust anchor")
                .anyMatch(a -> a.equals(top) || Verify.issuedBy(top, a));
    }

    @Test
    void signatureVerifiesWithTheSignerCertificate() {
        byte[] data = "DER of signed attributes, or anything".getBytes(StandardCharsets.UTF_8);
        byte[] sig = provider.sign(data);
        assertThat(sig).isNotNull().isNotEmpty();
        assertThat(Verify.signature(provider, data, sig)).isTrue();
    }

    @Test
    void signatureIsBoundToTheData() {
        byte[] sig = provider.sign("one".getBytes(StandardCharsets.UTF_8));
        assertThat(Verify.signature(provider, "two".getBytes(StandardCharsets.UTF_8), sig)).isFalse();
    }

    @Test
    void emptyInputCanBeSigned() {
        byte[] sig = provider.sign(new byte[0]);
        assertThat(Verify.signature(provider, new byte[0], sig)).isTrue();
    }

    @Test
    void nullIsRefusedWithATypedException() {
        assertThatThrownBy(() -> provider.sign(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void concurrentSigningIsSafe() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                byte[] data = ("message " + i).getBytes(StandardCharsets.UTF_8);
                tasks.add(() -> Verify.signature(provider, data, provider.sign(data)));
            }
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
