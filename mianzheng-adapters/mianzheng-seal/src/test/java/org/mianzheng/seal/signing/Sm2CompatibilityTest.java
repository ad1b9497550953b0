package org.mianzheng.seal.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;

/** SM2 key read from PKCS#12 (BouncyCastle), default SM2 user ID. */
class Sm2CompatibilityTest extends ReceiptSigningProviderKit {
    @Override
    protected SigningProvider createProvider() {
        byte[] p12 = Fixtures.pki().sm2.toPkcs12("changeit".toCharArray(), "sm2");
        return Sm2SigningProvider.fromPkcs12("sm2-p12", p12, "changeit".toCharArray(), "sm2", "1234567812345678");
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
