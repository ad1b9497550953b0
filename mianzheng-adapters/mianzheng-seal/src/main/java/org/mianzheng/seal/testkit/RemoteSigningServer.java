package org.mianzheng.seal.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.signing.RemoteSigningProvider;

/**
 * A remote signing service speaking the protocol of {@link RemoteSigningProvider}, for tests and simulators only. It
 * fronts local {@link SigningProvider}s by key id, checks a bearer token, and listens on a loopback port chosen by the
 * operating system. A {@linkplain #setFault fault} can be injected to test clients.
 */
public final class RemoteSigningServer implements AutoCloseable {
    private static final int MAX_REQUEST = RemoteSigningProvider.MAX_TBS_BYTES;

    /** Faults the server can inject. */
    public enum Fault {
        /** Behave. */
        NONE,
        /** Answer signing requests with HTTP 500. */
        HTTP_500,
        /** Answer signing requests with a signature over other bytes. */
        WRONG_SIGNATURE
    }

    static {
        LoopbackHttp.noDelay();
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] token;
    private final Map<String, SigningProvider> keys;
    private final AtomicLong signatures = new AtomicLong();
    private final AtomicReference<Fault> fault = new AtomicReference<>(Fault.NONE);

    private RemoteSigningServer(String token, Map<String, SigningProvider> keys) throws IOException {
        this.token = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.US_ASCII);
        this.keys = Map.copyOf(keys);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "test-remote-signer");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/v1/keys/", this::handle);
        server.start();
    }

    /**
     * @param bearerToken the token clients must send, or {@code null} for none
     * @param keys        key id → the provider that signs for it
     * @return the running server; close it when done
     * @throws IOException if no loopback port could be bound
     */
    public static RemoteSigningServer start(String bearerToken, Map<String, SigningProvider> keys) throws IOException {
        InvalidValueException.requireNonNull(keys, "keys");
        return new RemoteSigningServer(bearerToken, keys);
    }

    /** @return the base URI, {@code http://127.0.0.1:<port>} */
    public URI uri() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** @return how many signatures were made */
    public long signatureCount() {
        return signatures.get();
    }

    /** @param f the fault to inject from now on */
    public void setFault(Fault f) {
        fault.set(InvalidValueException.requireNonNull(f, "fault"));
    }

    private boolean authorised(HttpExchange ex) {
        if (token == null) {
            return true;
        }
        String h = ex.getRequestHeaders().getFirst("Authorization");
        return h != null && MessageDigest.isEqual(token, h.getBytes(StandardCharsets.US_ASCII));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!authorised(ex)) {
                ex.sendResponseHeaders(401, -1);
                return;
            }
            String rest = ex.getRequestURI().getRawPath().substring("/v1/keys/".length());
            boolean sign = rest.endsWith("/sign");
            String keyId = URLDecoder.decode(sign ? rest.substring(0, rest.length() - "/sign".length()) : rest, StandardCharsets.UTF_8);
            SigningProvider p = keys.get(keyId);
            if (p == null || keyId.contains("/")) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (!sign) {
                if (!"GET".equals(ex.getRequestMethod())) {
                    ex.sendResponseHeaders(405, -1);
                    return;
                }
                ex.getResponseHeaders().set("Content-Type", "application/pem-certificate-chain");
                ex.getResponseHeaders().set(RemoteSigningProvider.ALGORITHM_HEADER, p.algorithm().name());
                if (p.algorithm() == SignatureAlgorithm.SM3_WITH_SM2) {
                    ex.getResponseHeaders().set(RemoteSigningProvider.SM2_USER_ID_HEADER, p.sm2UserId());
                }
                send(ex, TestPki.pem(p.certificateChain()).getBytes(StandardCharsets.US_ASCII));
                return;
            }
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
            Fault f = fault.get();
            if (f == Fault.HTTP_500) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            byte[] sig;
            try {
                sig = p.sign(f == Fault.WRONG_SIGNATURE ? "other bytes".getBytes(StandardCharsets.US_ASCII) : body);
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            signatures.incrementAndGet();
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            send(ex, sig);
        }
    }

    private static void send(HttpExchange ex, byte[] body) throws IOException {
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
