package org.mianzheng.seal.signing;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.Fixtures;
import org.mianzheng.seal.testkit.RemoteSigningServer;

/** The remote signing client against the test signing service, fronting EC and SM2 keys. */
class RemoteCompatibilityTest extends ReceiptSigningProviderKit {
    static RemoteSigningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RemoteSigningServer.start("t0ken", Map.of("ec", Fixtures.ecProvider(), "sm2", Fixtures.sm2Provider()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Override
    protected SigningProvider createProvider() {
        return RemoteSigningProvider.builder(server.uri(), "ec").id("remote-ec").bearerToken("t0ken").timeout(Duration.ofSeconds(5)).build();
    }

    @Override
    protected List<X509Certificate> trustAnchors() {
        return Fixtures.pki().anchors();
    }
}
