package org.mianzheng.seal.pades;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.mianzheng.api.Codes;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.SigningException;
import org.mianzheng.api.spi.SignatureAlgorithm;
import org.mianzheng.seal.internal.Digests;

/**
 * RFC 3161 time-stamp client over HTTP ({@code application/timestamp-query} → {@code application/timestamp-reply}),
 * built on {@code java.net.http}.
 *
 * <p>Each request carries a fresh 64-bit nonce and asks for the TSA certificate; the response is checked against
 * the request (status granted, imprint, digest algorithm, nonce, policy when one was requested) before the token is
 * returned. Responses larger than {@value #MAX_RESPONSE_BYTES} bytes are refused.
 *
 * <p>The token size estimate is learned: the first call of {@link #tokenSizeEstimate()} probes the TSA once with a
 * random imprint; afterwards the largest token seen, plus a margin, is returned.
 *
 * <p>Thread-safe; blocking, bounded by the configured timeout. The {@link HttpClient} (one the host supplies, or a
 * default one) manages its own connection threads.
 */
public final class HttpTimestampClient implements TimestampClient {
    /** Largest response accepted. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id;
    private final URI uri;
    private final Duration timeout;
    private final String digestAlgorithm;
    private final ASN1ObjectIdentifier digestOid;
    private final String policyOid;
    private final String authorization;
    private final HttpClient http;
    private final AtomicInteger largestToken = new AtomicInteger();

    private HttpTimestampClient(Builder b) {
        this.id = b.id;
        this.uri = b.uri;
        this.timeout = b.timeout;
        this.digestAlgorithm = b.digestAlgorithm;
        this.digestOid = new ASN1ObjectIdentifier(digestOid(b.digestAlgorithm));
        this.policyOid = b.policyOid;
        this.authorization = b.authorization;
        this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    }

    /**
     * @param uri the TSA endpoint ({@code http} or {@code https})
     * @return a builder
     */
    public static Builder builder(URI uri) {
        InvalidValueException.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException("uri", "must be an http or https URI");
        }
        return new Builder(uri);
    }

    private static String digestOid(String name) {
        switch (name) {
            case "SHA-256":
                return SignatureAlgorithm.SHA256_WITH_RSA.digestOid();
            case "SHA-384":
                return "2.16.840.1.101.3.4.2.2";
            case "SHA-512":
                return "2.16.840.1.101.3.4.2.3";
            case "SM3":
                return SignatureAlgorithm.SM3_WITH_SM2.digestOid();
            default:
                throw new InvalidValueException("digestAlgorithm", "unsupported: " + name + " (SHA-256, SHA-384, SHA-512, SM3)");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    @Override
    public byte[] timestamp(byte[] imprint) {
        InvalidValueException.requireNonNull(imprint, "imprint");
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        if (policyOid != null) {
            gen.setReqPolicy(new ASN1ObjectIdentifier(policyOid));
        }
        BigInteger nonce = new BigInteger(64, RANDOM);
        TimeStampRequest request;
        byte[] body;
        try {
            request = gen.generate(digestOid, imprint, nonce);
            body = request.getEncoded();
        } catch (IllegalArgumentException | IOException e) {
            throw new SigningException(id, "time-stamp request could not be built (imprint of " + imprint.length
                    + " bytes for " + digestAlgorithm + "?)", e);
        }
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        byte[] reply;
        try {
            HttpResponse<InputStream> response = http.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SigningException(id, "TSA answered HTTP " + response.statusCode());
                }
                reply = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SigningException(id, "TSA unreachable or timed out: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException(id, "interrupted while waiting for the TSA", e);
        }
        if (reply.length > MAX_RESPONSE_BYTES) {
            throw new SigningException(id, "TSA response larger than " + MAX_RESPONSE_BYTES + " bytes");
        }
        TimeStampToken token;
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            token = response.getTimeStampToken();
            if (token == null) {
                throw new SigningException(id, "TSA refused: status " + response.getStatus()
                        + (response.getStatusString() == null ? "" : " (" + response.getStatusString() + ")"));
            }
            byte[] encoded = token.getEncoded();
            largestToken.accumulateAndGet(encoded.length, Math::max);
            return encoded;
        } catch (SigningException e) {
            throw e;
        } catch (TSPException e) {
            throw new SigningException(id, "TSA response does not match the request: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SigningException(id, "TSA response is malformed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public int tokenSizeEstimate() {
        int seen = largestToken.get();
        if (seen == 0) {
            byte[] probe = new byte[Digests.get(digestAlgorithm).getDigestLength()];
            RANDOM.nextBytes(probe);
            timestamp(probe);
            seen = largestToken.get();
        }
        return seen + seen / 20 + 128;
    }

    /** Builder of {@link HttpTimestampClient}. Set-once setters. */
    public static final class Builder {
        private final URI uri;
        private String id = "tsa";
        private Duration timeout = Duration.ofSeconds(10);
        private String digestAlgorithm = "SHA-256";
        private String policyOid;
        private String authorization;
        private HttpClient http;
        private final java.util.Set<String> set = new java.util.HashSet<>();

        private Builder(URI uri) {
            this.uri = uri;
        }

        private void once(String field) {
            if (!set.add(field)) {
                throw new InvalidValueException(field, "already set");
            }
        }

        /**
         * @param id id for errors and logs; default {@code tsa}
         * @return this builder
         */
        public Builder id(String id) {
            once("id");
            this.id = Codes.require(id, "id");
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
         * @param digestAlgorithm imprint digest: {@code SHA-256} (default), {@code SHA-384}, {@code SHA-512}, {@code SM3}
         * @return this builder
         */
        public Builder digestAlgorithm(String digestAlgorithm) {
            once("digestAlgorithm");
            InvalidValueException.requireNonNull(digestAlgorithm, "digestAlgorithm");
            digestOid(digestAlgorithm);
            this.digestAlgorithm = digestAlgorithm;
            return this;
        }

        /**
         * @param policyOid the TSA policy to request, or leave unset for the TSA's default
         * @return this builder
         */
        public Builder policyOid(String policyOid) {
            once("policyOid");
            InvalidValueException.requireNonNull(policyOid, "policyOid");
            try {
                new ASN1ObjectIdentifier(policyOid);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("policyOid", "not an object identifier");
            }
            this.policyOid = policyOid;
            return this;
        }

        /**
         * @param authorization value of the {@code Authorization} header sent to the TSA (e.g. {@code Basic ...})
         * @return this builder
         */
        public Builder authorization(String authorization) {
            once("authorization");
            this.authorization = InvalidValueException.requireText(authorization, "authorization");
            return this;
        }

        /**
         * @param http the HTTP client to use; default a new client with the timeout as connect timeout
         * @return this builder
         */
        public Builder httpClient(HttpClient http) {
            once("httpClient");
            this.http = InvalidValueException.requireNonNull(http, "httpClient");
            return this;
        }

        /** @return the client */
        public HttpTimestampClient build() {
            return new HttpTimestampClient(this);
        }
    }
}
