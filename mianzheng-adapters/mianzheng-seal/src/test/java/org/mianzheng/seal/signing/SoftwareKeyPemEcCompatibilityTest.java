package org.mianzheng.seal.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;
import org.mianzheng.seal.testkit.TestPki;

/** ECDSA P-256 software key read from an encrypted PKCS#8 PEM. */
class SoftwareKeyPemEcCompatibilityTest extends ReceiptSigningProviderKit {
    @Override
    protected SigningProvider createProvider() {
        TestPki.Credential ec = Fixtures.pki().ec;
        return SoftwareKeySigningProvider.fromPem("ec-pem", ec.privateKeyPem("s3cret".toCharArray()), "s3cret".toCharArray(), ec.chainPem(false));
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
