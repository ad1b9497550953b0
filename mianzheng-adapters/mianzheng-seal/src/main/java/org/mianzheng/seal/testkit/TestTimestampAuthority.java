package org.mianzheng.seal.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.seal.internal.Bc;
import org.mianzheng.seal.internal.SignatureSupport;

/**
 * An RFC 3161 time-stamping authority over HTTP, for tests and simulators only. Listens on a loopback port chosen by
 * the operating system; {@code POST /} with {@code application/timestamp-query}. The time comes from an injected
 * {@link Clock}; serial numbers count up from 1. Requests for a policy other than {@value #POLICY_OID} are rejected. The token carries the TSA's certificate chain plus any
 * {@linkplain #setExtraCertificates extra certificates} (to make tokens grow, e.g. to test space reservation).
 */
public final class TestTimestampAuthority implements AutoCloseable {
    /** The policy OID of every token (under the example arc 2.999). */
    public static final String POLICY_OID = "2.999.3161.1";
    private static final int MAX_REQUEST = 64 * 1024;

    static {
        LoopbackHttp.noDelay();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final TestPki.Credential credential;
    private final Clock clock;
    private final AtomicLong serial = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<List<X509Certificate>> extra = new AtomicReference<>(List.of());

    private TestTimestampAuthority(TestPki.Credential credential, Clock clock) throws IOException {
        this.credential = credential;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-tsa");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a TSA.
     *
     * @param credential the TSA's key and chain (e.g. from {@link TestPki.Authority#timestampAuthority})
     * @param clock      source of the time stamped
     * @return the running TSA; close it when done
     * @throws IOException if no loopback port could be bound
     */
    public static TestTimestampAuthority start(TestPki.Credential credential, Clock clock) throws IOException {
        InvalidValueException.requireNonNull(credential, "credential");
        InvalidValueException.requireNonNull(clock, "clock");
        return new TestTimestampAuthority(credential, clock);
    }

    /** @return the endpoint, {@code http://127.0.0.1:<port>/} */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/");
    }

    /** @return how many time-stamp requests were answered */
    public long requestCount() {
        return requests.get();
    }

    /** @return the TSA's certificate chain */
    public List<X509Certificate> chain() {
        return credential.chain();
    }

    /** @param certificates certificates added to every later token, besides the TSA's chain */
    public void setExtraCertificates(List<X509Certificate> certificates) {
        extra.set(List.copyOf(certificates));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST + 1);
            }
            if (body.length > MAX_REQUEST) {
                ex.sendResponseHeaders(413, -1);
                return;
            }
            byte[] reply;
            try {
                TimeStampRequest request = new TimeStampRequest(body);
                reply = respond(request).getEncoded();
            } catch (Exception e) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            requests.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            ex.sendResponseHeaders(200, reply.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(reply);
            }
        }
    }

    private TimeStampResponse respond(TimeStampRequest request) throws Exception {
        X509Certificate cert = credential.certificate();
        String alg = SignatureSupport.algorithmFor(cert.getPublicKey(), "test-tsa").jcaName();
        TimeStampTokenGenerator gen = new TimeStampTokenGenerator(
                new JcaSimpleSignerInfoGeneratorBuilder().setProvider(Bc.PROVIDER).build(alg, credential.key(), cert),
                new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build()
                        .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier(POLICY_OID));
        List<X509Certificate> certs = new ArrayList<>(credential.chain());
        certs.addAll(extra.get());
        gen.addCertificates(new JcaCertStore(certs));
        TimeStampResponseGenerator rg = new TimeStampResponseGenerator(gen, TSPAlgorithms.ALLOWED,
                java.util.Set.of(new ASN1ObjectIdentifier(POLICY_OID)));
        return rg.generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
