package org.mianzheng.seal.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;

/** SM2 key from PEM with a non-default SM2 user ID. */
class Sm2CustomUserIdCompatibilityTest extends ReceiptSigningProviderKit {
    @Override
    protected SigningProvider createProvider() {
        return Sm2SigningProvider.fromPem("sm2-pem", Fixtures.pki().sm2.privateKeyPem(null), null, Fixtures.pki().sm2.chainPem(false),
                "wuhai-zwfw@mianzheng");
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
