package org.mianzheng.seal.signing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.api.spi.SigningProvider;
import org.mianzheng.seal.internal.KeyMaterial;
import org.mianzheng.seal.internal.SignatureSupport;

/**
 * Signs through a remote signing service over HTTP ({@code java.net.http}); the key stays in the service.
 *
 * <h2>Protocol</h2>
 * <ul>
 *   <li>{@code GET {base}/v1/keys/{keyId}} → 200 with the certificate chain as PEM (signer first,
 *       {@code application/pem-certificate-chain}), header {@value #ALGORITHM_HEADER} naming a
 *       {@link SignatureAlgorithm} constant and, for SM2, {@value #SM2_USER_ID_HEADER}.</li>
 *   <li>{@code POST {base}/v1/keys/{keyId}/sign} with the bytes to be signed as {@code application/octet-stream}
 *       (at most {@value #MAX_TBS_BYTES} bytes) → 200 with the signature as {@code application/octet-stream}.</li>
 *   <li>Both carry {@code Authorization: Bearer <token>} when a token is configured; 401/403 mean refused, 404 an
 *       unknown key.</li>
 * </ul>
 * The description is fetched once, at {@link Builder#build()}. Every signature received is verified against the
 * signer certificate before it is returned, so a misbehaving service cannot produce an invalid receipt.
 *
 * <p>Thread-safe; blocking, each call bounded by the configured timeout. The {@link HttpClient} (supplied by the host
 * or a default one) manages its own connection threads.
 */
public final class RemoteSigningProvider implements SigningProvider {
    /** Response header naming the algorithm. */
    public static final String ALGORITHM_HEADER = "X-Mianzheng-Signature-Algorithm";
    /** Response header carrying the SM2 user ID. */
    public static final String SM2_USER_ID_HEADER = "X-Mianzheng-Sm2-User-Id";
    /** Largest request body. */
    public static final int MAX_TBS_BYTES = 64 * 1024;
    /** Largest response body accepted. */
    public static final int MAX_RESPONSE_BYTES = 256 * 1024;

    private final String id;
    private final URI describeUri;
    private final URI signUri;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final SignatureAlgorithm algorithm;
    private final List<X509Certificate> chain;
    private final String sm2UserId;

    private RemoteSigningProvider(Builder b) {
        this.id = b.id;
        String base = b.base.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String key = URLEncoder.encode(b.keyId, StandardCharsets.UTF_8);
        this.describeUri = URI.create(base + "/v1/keys/" + key);
        this.signUri = URI.create(base + "/v1/keys/" + key + "/sign");
        this.authorization = b.token == null ? null : "Bearer " + b.token;
        this.timeout = b.timeout;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();

        HttpResponse<byte[]> description = call(HttpRequest.newBuilder(describeUri).GET(), "describe the key");
        String algName = description.headers().firstValue(ALGORITHM_HEADER).orElse(null);
        if (algName == null) {
            throw new SigningException(id, "signing service did not name the algorithm (" + ALGORITHM_HEADER + ")");
        }
        try {
            this.algorithm = SignatureAlgorithm.valueOf(algName.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SigningException(id, "signing service named an unknown algorithm");
        }
        this.chain = List.copyOf(KeyMaterial.certificates(id, new String(description.body(), StandardCharsets.US_ASCII)));
        SignatureAlgorithm keyAlg = SignatureSupport.algorithmFor(chain.get(0).getPublicKey(), id);
        if (keyAlg != algorithm) {
            throw new SigningException(id, "signing service claims " + algorithm + " but its certificate's key is for " + keyAlg);
        }
        String uid = description.headers().firstValue(SM2_USER_ID_HEADER).orElse(null);
        if (algorithm == SignatureAlgorithm.SM3_WITH_SM2 && (uid == null || uid.isEmpty())) {
            throw new SigningException(id, "SM2 signing service did not name its SM2 user ID (" + SM2_USER_ID_HEADER + ")");
        }
        this.sm2UserId = uid == null ? SignatureAlgorithm.DEFAULT_SM2_USER_ID : uid;
        sign(LocalKeySigningProvider.PROBE); // the service's key must match its certificate: checked now, not at the first receipt
    }

    /**
     * @param base  the service's base URI, e.g. {@code https://sign.example/api}
     * @param keyId the key to use
     * @return a builder
     */
    public static Builder builder(URI base, String keyId) {
        InvalidValueException.requireNonNull(base, "base");
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("base", "must be an http or https URI");
        }
        return new Builder(base, Codes.require(keyId, "keyId"));
    }

    private HttpResponse<byte[]> call(HttpRequest.Builder rb, String what) {
        rb.timeout(timeout);
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        try {
            HttpResponse<InputStream> r = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            int status = r.statusCode();
            if (status == 401 || status == 403) {
                throw new SigningException(id, "signing service refused to " + what + " (HTTP " + status + ")");
            }
            if (status == 404) {
                throw new SigningException(id, "signing service does not know the key (HTTP 404)");
            }
            if (status != 200) {
                throw new SigningException(id, "signing service failed to " + what + " (HTTP " + status + ")");
            }
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new SigningException(id, "signing service response larger than " + MAX_RESPONSE_BYTES + " bytes");
            }
            return new SimpleResponse(r, body);
        } catch (IOException e) {
            throw new SigningException(id, "signing service unreachable or timed out: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException(id, "interrupted while waiting for the signing service", e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public SignatureAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public List<X509Certificate> certificateChain() {
        return chain;
    }

    @Override
    public String sm2UserId() {
        return sm2UserId;
    }

    @Override
    public byte[] sign(byte[] toBeSigned) {
        InvalidValueException.requireNonNull(toBeSigned, "toBeSigned");
        if (toBeSigned.length > MAX_TBS_BYTES) {
            throw new SigningException(id, "bytes to sign larger than " + MAX_TBS_BYTES);
        }
        HttpResponse<byte[]> r = call(HttpRequest.newBuilder(signUri)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(toBeSigned)), "sign");
        byte[] sig = r.body();
        if (sig.length == 0) {
            throw new SigningException(id, "signing service returned an empty signature");
        }
        if (!SignatureSupport.verify(algorithm, chain.get(0).getPublicKey(), sm2UserId, toBeSigned, sig)) {
            throw new SigningException(id, "signing service returned a signature that does not verify with its certificate");
        }
        return sig;
    }

    @Override
    public String toString() {
        return "RemoteSigningProvider[" + id + ", " + algorithm + ", " + signUri + "]";
    }

    /** A response with its body read into memory. */
    private static final class SimpleResponse implements HttpResponse<byte[]> {
        private final HttpResponse<InputStream> r;
        private final byte[] body;

        SimpleResponse(HttpResponse<InputStream> r, byte[] body) {
            this.r = r;
            this.body = body;
        }

        @Override
        public int statusCode() {
            return r.statusCode();
        }

        @Override
        public HttpRequest request() {
            return r.request();
        }

        @Override
        public java.util.Optional<HttpResponse<byte[]>> previousResponse() {
            return java.util.Optional.empty();
        }

        @Override
        public java.net.http.HttpHeaders headers() {
            return r.headers();
        }

        @Override
        public byte[] body() {
            return body;
        }

        @Override
        public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
            return r.sslSession();
        }

        @Override
        public URI uri() {
            return r.uri();
        }

        @Override
        public HttpClient.Version version() {
            return r.version();
        }
    }

    /** Builder of {@link RemoteSigningProvider}. Set-once setters. */
    public static final class Builder {
        private final URI base;
        private final String keyId;
        private final Set<String> set = new HashSet<>();
        private String id = "remote";
        private String token;
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient http;

        private Builder(URI base, String keyId) {
            this.base = base;
            this.keyId = keyId;
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /**
         * @param id provider id; default {@code remote}
         * @return this builder
         */
        public Builder id(String id) {
            once("id");
            this.id = Codes.require(id, "providerId");
            return this;
        }

        /**
         * @param token bearer token sent with every request
         * @return this builder
         */
        public Builder bearerToken(String token) {
            once("bearerToken");
            String t = InvalidValueException.requireText(token, "bearerToken");
            for (int i = 0; i < t.length(); i++) {
                if (t.charAt(i) < 0x21 || t.charAt(i) > 0x7E) {
                    throw new InvalidValueException("bearerToken", "must be printable ASCII without spaces");
                }
            }
            this.token = t;
            return this;
        }

        /**
         * @param timeout per-request timeout; default 10 s
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            once("timeout");
            InvalidValueException.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new InvalidValueException("timeout", "must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * @param http the HTTP client; default a new one
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            once("httpClient");
            this.http = InvalidValueException.requireNonNull(http, "httpClient");
            return this;
        }

        /**
         * Fetches the key's description (blocking).
         *
         * @return the provider
         * @throws SigningException if the service cannot be reached, refuses, or describes an unusable key
         */
        public RemoteSigningProvider build() {
            return new RemoteSigningProvider(this);
        }
    }
}
