package org.mianzheng.seal.signing;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;

/** ECDSA P-256 key generated on a SoftHSM2 token, used through SunPKCS11. */
class Pkcs11CompatibilityTest extends ReceiptSigningProviderKit {
    @BeforeAll
    static void token() throws Exception {
        SoftHsm.token();
    }

    @Override
    protected SigningProvider createProvider() throws Exception {
        SoftHsm.Token t = SoftHsm.token();
        return Pkcs11SigningProvider.builder("hsm")
                .library(SoftHsm.LIBRARY)
                .slot(t.slot())
                .pin(SoftHsm.PIN.toCharArray())
                .alias(SoftHsm.ALIAS)
                .extraCertificates(Fixtures.pki().intermediate.chain().subList(0, 1))
                .build();
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
