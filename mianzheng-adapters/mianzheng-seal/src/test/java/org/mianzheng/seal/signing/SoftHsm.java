package org.mianzheng.seal.signing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mianzheng.seal.Fixtures;

/**
 * A SoftHSM2 token for tests: initialised with {@code softhsm2-util} in {@code target/softhsm} (surefire points
 * {@code SOFTHSM2_CONF} there), with an ECDSA P-256 key generated <em>on the token</em> through SunPKCS11 and its
 * certificate (issued by the test CA) stored next to it. Tests skip, saying why, only where softhsm2 is absent.
 */
final class SoftHsm {
    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String PIN = "1234";
    static final String ALIAS = "seal";
    private static Token token;

    /**
     * @param slot       the token holding the signing key (logged in by these tests)
     * @param chain      the key's certificate chain
     * @param freshSlot  a second token nobody logs in to (PKCS#11 login state is per process and token)
     */
    record Token(long slot, List<X509Certificate> chain, long freshSlot) {
    }

    private SoftHsm() {
    }

    static synchronized Token token() throws Exception {
        if (token != null) {
            return token;
        }
        assumeTrue(Files.isRegularFile(LIBRARY) && onPath("softhsm2-util"),
                "softhsm2 is not installed (apt-get install softhsm2): PKCS#11 tests skipped");
        String conf = System.getenv("SOFTHSM2_CONF");
        assumeTrue(conf != null, "SOFTHSM2_CONF is not set: run the PKCS#11 tests through Maven, whose surefire configuration sets it");
        Path confFile = Path.of(conf);
        Path dir = confFile.getParent();
        Path tokens = dir.resolve("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> s = Files.walk(tokens)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(confFile, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        String out = run("softhsm2-util", "--init-token", "--free", "--label", "mianzheng-test", "--pin", PIN, "--so-pin", "5678");
        Matcher m = Pattern.compile("reassigned to slot (\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util did not report the slot: " + out);
        }
        long slot = Long.parseLong(m.group(1));
        Matcher m2 = Pattern.compile("reassigned to slot (\\d+)").matcher(
                run("softhsm2-util", "--init-token", "--free", "--label", "mianzheng-fresh", "--pin", PIN, "--so-pin", "5678"));
        if (!m2.find()) {
            throw new IllegalStateException("softhsm2-util did not report the second slot");
        }
        long fresh = Long.parseLong(m2.group(1));
        Provider p = Security.getProvider("SunPKCS11").configure("--name = mianzhengkeygen\nlibrary = " + LIBRARY + "\nslot = " + slot + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(generate, CKO_PUBLIC_KEY, *) = {\n  CKA_TOKEN = true\n}\n");
        KeyStore ks = KeyStore.getInstance("PKCS11", p);
        ks.load(null, PIN.toCharArray());
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", p);
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair kp = g.generateKeyPair();
        List<X509Certificate> chain = Fixtures.pki().intermediate.certify("乌海市行政审批和政务服务局 HSM", kp.getPublic());
        ks.setKeyEntry(ALIAS, kp.getPrivate(), null, new Certificate[]{chain.get(0)});
        token = new Token(slot, chain, fresh);
        return token;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!pr.waitFor(60, TimeUnit.SECONDS)) {
            pr.destroyForcibly();
            throw new IllegalStateException(cmd[0] + " timed out");
        }
        String out = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (pr.exitValue() != 0) {
            throw new IllegalStateException(cmd[0] + " failed: " + out);
        }
        return out;
    }
}
