package org.mianzheng.onewindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.LicenseStatus;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.api.SourceResult;
import org.mianzheng.platform.ProfileException;
import org.mianzheng.platform.TlsConfig;
import org.mianzheng.simulator.Simulator;
import org.mianzheng.simulator.SimulatorConfig;
import org.mianzheng.tck.simulator.SimulatorFixture;

/** HTTPS with a configured trust store and a client certificate (mutual TLS), PKCS#12 files made by keytool. */
class TlsTest {
    private static final char[] PW = "changeit".toCharArray();
    @TempDir
    static Path dir;
    private static Simulator sim;

    @BeforeAll
    static void start() throws Exception {
        keytools(new String[]{"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", "server.p12"},
                new String[]{"-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=window-app", "-validity", "2",
                        "-storetype", "PKCS12", "-keystore", "client.p12"});
        keytools(new String[]{"-exportcert", "-alias", "server", "-keystore", "server.p12", "-file", "server.crt"},
                new String[]{"-exportcert", "-alias", "client", "-keystore", "client.p12", "-file", "client.crt"});
        keytools(new String[]{"-importcert", "-noprompt", "-alias", "server", "-file", "server.crt", "-storetype", "PKCS12", "-keystore", "client-trust.p12"},
                new String[]{"-importcert", "-noprompt", "-alias", "client", "-file", "client.crt", "-storetype", "PKCS12", "-keystore", "server-trust.p12"});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load("server.p12"), PW);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load("server-trust.p12"));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        sim = Simulator.start(SimulatorConfig.builder().https(ctx, true).build());
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private static KeyStore load(String name) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            ks.load(in, PW);
        }
        return ks;
    }

    /** Runs keytool invocations in parallel (independent of each other) and waits for all. */
    private static void keytools(String[]... invocations) throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (String[] args : invocations) {
            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            cmd.addAll(List.of(args));
            cmd.addAll(List.of("-storepass", "changeit"));
            running.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start());
        }
        for (Process p : running) {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + out);
            }
        }
    }

    private static SourceResult retrieve(TlsConfig tls) {
        OneWindowClient c = OneWindowClient.create(OneWindowCompatibilityTest.testConfig(sim).tls(tls).build());
        return c.retrieve(SimulatorFixture.query(sim.data().first(LicenseStatus.VALID, HolderKind.PERSON), true))
                .toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    @Test
    void mutualTlsWithConfiguredTrustStoreAndClientCertificate() {
        assertThat(sim.oneWindowUrl().getScheme()).isEqualTo("https");
        TlsConfig tls = TlsConfig.trusting(dir.resolve("client-trust.p12"), PW).withClientCertificate(dir.resolve("client.p12"), PW);
        assertThat(retrieve(tls).outcome()).isEqualTo(SourceOutcome.FOUND);
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFails() {
        SourceResult r = retrieve(TlsConfig.trusting(dir.resolve("client-trust.p12"), PW));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
    }

    @Test
    void untrustedServerIsRefused() {
        SourceResult r = retrieve(TlsConfig.trusting(dir.resolve("server-trust.p12"), PW).withClientCertificate(dir.resolve("client.p12"), PW));
        assertThat(r.outcome()).isEqualTo(SourceOutcome.UNAVAILABLE);
        assertThat(r.detail()).contains("TLS");
    }

    @Test
    void unreadableStoreIsAConfigurationError() {
        assertThatThrownBy(() -> TlsConfig.trusting(dir.resolve("missing.p12"), PW).sslContext())
                .isInstanceOf(ProfileException.class).hasMessageContaining("missing.p12");
        assertThatThrownBy(() -> TlsConfig.trusting(dir.resolve("client.p12"), "wrong".toCharArray()).sslContext())
                .isInstanceOf(ProfileException.class).hasMessageContaining("PKCS#12");
    }
}
