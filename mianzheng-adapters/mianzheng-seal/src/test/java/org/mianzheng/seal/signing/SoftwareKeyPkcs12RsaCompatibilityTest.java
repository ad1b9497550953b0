package org.mianzheng.seal.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;

/** RSA 2048 software key read from PKCS#12. */
class SoftwareKeyPkcs12RsaCompatibilityTest extends ReceiptSigningProviderKit {
    @Override
    protected SigningProvider createProvider() {
        byte[] p12 = Fixtures.pki().rsa.toPkcs12("changeit".toCharArray(), "seal");
        return SoftwareKeySigningProvider.fromPkcs12("rsa-p12", p12, "changeit".toCharArray(), null);
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
