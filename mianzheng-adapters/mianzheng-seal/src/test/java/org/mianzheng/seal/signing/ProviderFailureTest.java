package org.mianzheng.seal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.seal.Fixtures;
import org.mianzheng.seal.testkit.RemoteSigningServer;
import org.mianzheng.seal.testkit.TestPki;

/** Unusable keys, certificates, passwords and misbehaving signing services give precise SigningExceptions. */
class ProviderFailureTest {
    static RemoteSigningServer server;

    @BeforeAll
    static void start() throws IOException {
        server = RemoteSigningServer.start("t0ken", Map.of("ec", Fixtures.ecProvider(), "sm2", Fixtures.sm2Provider()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void rsaShorterThan2048IsRefused() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        java.security.KeyPair kp = g.generateKeyPair();
        var chain = Fixtures.pki().intermediate.certify("short key", kp.getPublic());
        assertThatThrownBy(() -> SoftwareKeySigningProvider.of("short", kp.getPrivate(), chain))
                .isInstanceOf(SigningException.class).hasMessageContaining("1024 bits is too short")
                .satisfies(e -> assertThat(((SigningException) e).providerId()).isEqualTo("short"));
    }

    @Test
    void otherCurvesAreRefused() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        java.security.KeyPair kp = g.generateKeyPair();
        var chain = Fixtures.pki().intermediate.certify("p384", kp.getPublic());
        assertThatThrownBy(() -> SoftwareKeySigningProvider.of("p384", kp.getPrivate(), chain))
                .isInstanceOf(SigningException.class).hasMessageContaining("unsupported key");
    }

    @Test
    void keyThatDoesNotMatchItsCertificateIsRefused() {
        assertThatThrownBy(() -> SoftwareKeySigningProvider.of("mismatch", Fixtures.pki().ec.key(),
                Fixtures.pki().intermediate.signer("other", TestPki.KeyType.EC_P256).chain()))
                .isInstanceOf(SigningException.class).hasMessageContaining("does not match the signer certificate");
    }

    @Test
    void wrongPkcs12PasswordIsReported() {
        byte[] p12 = Fixtures.pki().rsa.toPkcs12("right".toCharArray(), "seal");
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPkcs12("p12", p12, "wrong".toCharArray(), null))
                .isInstanceOf(SigningException.class).hasMessageContaining("wrong password or corrupt data")
                .hasMessageNotContaining("wrong\"").hasMessageNotContaining("right");
    }

    @Test
    void unknownAliasAndGarbagePkcs12() {
        byte[] p12 = Fixtures.pki().rsa.toPkcs12("pw".toCharArray(), "seal");
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPkcs12("p12", p12, "pw".toCharArray(), "nope"))
                .isInstanceOf(SigningException.class).hasMessageContaining("no key entry named 'nope'");
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPkcs12("p12", "garbage".getBytes(StandardCharsets.US_ASCII), "pw".toCharArray(), null))
                .isInstanceOf(SigningException.class);
    }

    @Test
    void encryptedPemWithoutPasswordAndPemWithoutKey() {
        TestPki.Credential ec = Fixtures.pki().ec;
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPem("pem", ec.privateKeyPem("pw".toCharArray()), null, ec.chainPem(false)))
                .isInstanceOf(SigningException.class).hasMessageContaining("no password was given");
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPem("pem", ec.privateKeyPem("pw".toCharArray()), "bad".toCharArray(), ec.chainPem(false)))
                .isInstanceOf(SigningException.class).hasMessageContaining("could not be decrypted");
        assertThatThrownBy(() -> SoftwareKeySigningProvider.fromPem("pem", ec.chainPem(false), null, ec.chainPem(false)))
                .isInstanceOf(SigningException.class).hasMessageContaining("holds no private key");
    }

    @Test
    void sm2AndSoftwareProvidersKeepToTheirKeys() {
        assertThatThrownBy(() -> SoftwareKeySigningProvider.of("x", Fixtures.pki().sm2.key(), Fixtures.pki().sm2.chain()))
                .isInstanceOf(SigningException.class).hasMessageContaining("use Sm2SigningProvider");
        assertThatThrownBy(() -> Sm2SigningProvider.of("x", Fixtures.pki().ec.key(), Fixtures.pki().ec.chain(), "1234567812345678"))
                .isInstanceOf(SigningException.class).hasMessageContaining("not an SM2 key");
        assertThatThrownBy(() -> Sm2SigningProvider.of("x", Fixtures.pki().sm2.key(), Fixtures.pki().sm2.chain(), ""))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("never made without a user ID");
    }

    @Test
    void remoteServiceRefusesWrongTokenAndUnknownKey() {
        assertThatThrownBy(() -> RemoteSigningProvider.builder(server.uri(), "ec").bearerToken("wrong").build())
                .isInstanceOf(SigningException.class).hasMessageContaining("HTTP 401");
        assertThatThrownBy(() -> RemoteSigningProvider.builder(server.uri(), "nokey").bearerToken("t0ken").build())
                .isInstanceOf(SigningException.class).hasMessageContaining("does not know the key");
    }

    @Test
    void remoteServiceFaultsAreCaught() {
        RemoteSigningProvider p = RemoteSigningProvider.builder(server.uri(), "sm2").id("remote-sm2").bearerToken("t0ken").build();
        assertThat(p.sm2UserId()).isEqualTo("1234567812345678");
        try {
            server.setFault(RemoteSigningServer.Fault.HTTP_500);
            assertThatThrownBy(() -> p.sign(new byte[]{1})).isInstanceOf(SigningException.class).hasMessageContaining("HTTP 500");
            server.setFault(RemoteSigningServer.Fault.WRONG_SIGNATURE);
            assertThatThrownBy(() -> p.sign(new byte[]{1})).isInstanceOf(SigningException.class)
                    .hasMessageContaining("does not verify");
        } finally {
            server.setFault(RemoteSigningServer.Fault.NONE);
        }
        assertThatThrownBy(() -> p.sign(new byte[RemoteSigningProvider.MAX_TBS_BYTES + 1])).isInstanceOf(SigningException.class);
    }

    @Test
    void aRemoteServiceWhoseKeyDoesNotMatchItsCertificateIsRefusedWhenBuilt() {
        long before = server.signatureCount();
        try {
            server.setFault(RemoteSigningServer.Fault.WRONG_SIGNATURE);
            assertThatThrownBy(() -> RemoteSigningProvider.builder(server.uri(), "ec").bearerToken("t0ken").build())
                    .isInstanceOf(SigningException.class).hasMessageContaining("does not verify");
        } finally {
            server.setFault(RemoteSigningServer.Fault.NONE);
        }
        assertThat(server.signatureCount()).isEqualTo(before + 1); // one probe signature
    }

    @Test
    void unreachableServiceIsASigningException() throws IOException {
        RemoteSigningServer gone = RemoteSigningServer.start(null, Map.of("ec", Fixtures.ecProvider()));
        RemoteSigningProvider p = RemoteSigningProvider.builder(gone.uri(), "ec").timeout(Duration.ofSeconds(2)).build();
        gone.close();
        assertThatThrownBy(() -> p.sign(new byte[]{1})).isInstanceOf(SigningException.class).hasMessageContaining("unreachable");
    }

    @Test
    void pkcs11WrongPinAndMissingLibrary() throws Exception {
        SoftHsm.Token t = SoftHsm.token();
        assertThatThrownBy(() -> Pkcs11SigningProvider.builder("hsm").library(SoftHsm.LIBRARY).slot(t.freshSlot()).pin("0000".toCharArray())
                .alias(SoftHsm.ALIAS).build()).isInstanceOf(SigningException.class).hasMessageContaining("login failed");
        assertThatThrownBy(() -> Pkcs11SigningProvider.builder("hsm").library(java.nio.file.Path.of("/nonexistent/libp11.so"))
                .pin("1234".toCharArray()).alias("x").build()).isInstanceOf(SigningException.class).hasMessageContaining("library not found");
    }
}
