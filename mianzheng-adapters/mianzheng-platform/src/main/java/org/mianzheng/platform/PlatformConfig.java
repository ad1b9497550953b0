package org.mianzheng.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.InvalidValueException;

/**
 * Everything a platform client needs besides its profile: where the platform is, who we are, how long to wait,
 * how to retry, how many calls may be in flight, how large answers may be, TLS, and the clock and executor.
 * Immutable; build with {@link #builder(URI, PlatformCredentials)}.
 *
 * <p>The client builds one {@link HttpClient} from this config (unless {@link Builder#httpClient} supplies one).
 * It never starts threads of its own: HTTP I/O runs on the {@code HttpClient}'s executor ({@link Builder#executor};
 * the JDK default otherwise), and backoff delays use the JDK's shared {@code CompletableFuture} delay scheduler.
 */
public final class PlatformConfig {
    private final URI baseUrl;
    private final PlatformCredentials credentials;
    private final Timeouts timeouts;
    private final RetryPolicy retry;
    private final SignatureAlgorithm signatureAlgorithm;
    private final TlsConfig tls;
    private final Executor executor;
    private final HttpClient httpClient;
    private final Clock clock;
    private final int maxConcurrentRequests;
    private final int maxFileBytes;
    private final int maxResponseBytes;
    private final Duration tokenRefreshMargin;

    private PlatformConfig(Builder b) {
        this.baseUrl = b.baseUrl;
        this.credentials = b.credentials;
        this.timeouts = b.timeouts;
        this.retry = b.retry;
        this.signatureAlgorithm = b.signatureAlgorithm;
        this.tls = b.tls;
        this.executor = b.executor;
        this.httpClient = b.httpClient;
        this.clock = b.clock;
        this.maxConcurrentRequests = b.maxConcurrentRequests;
        this.maxFileBytes = b.maxFileBytes;
        this.maxResponseBytes = b.maxResponseBytes;
        this.tokenRefreshMargin = b.tokenRefreshMargin;
        if (signatureAlgorithm == SignatureAlgorithm.HMAC_SM3) {
            Signatures.requireSm3();
        }
    }

    /**
     * @param baseUrl     the platform's base URL (http or https), e.g. {@code https://yc.example.gov.cn/onewindow}
     * @param credentials app key and secret
     * @return a builder with defaults: {@link Timeouts#defaults()}, {@link RetryPolicy#defaults()}, HMAC-SHA256,
     *         64 concurrent requests, files up to {@link DocumentFile#DEFAULT_MAX_BYTES}, JSON answers up to 1 MiB,
     *         token refresh 60 s before expiry, the system UTC clock
     */
    public static Builder builder(URI baseUrl, PlatformCredentials credentials) {
        return new Builder(baseUrl, credentials);
    }

    /** @return base URL, without a trailing slash */
    public URI baseUrl() {
        return baseUrl;
    }

    /** @return credentials */
    public PlatformCredentials credentials() {
        return credentials;
    }

    /** @return timeouts */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** @return retry policy for idempotent calls */
    public RetryPolicy retry() {
        return retry;
    }

    /** @return the MAC of request signatures */
    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** @return TLS material, if configured */
    public Optional<TlsConfig> tls() {
        return Optional.ofNullable(tls);
    }

    /** @return the executor for HTTP I/O and continuations, if configured */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /** @return a pre-built HTTP client, if supplied (then {@link #tls()} and {@link #executor()} are its business) */
    public Optional<HttpClient> httpClient() {
        return Optional.ofNullable(httpClient);
    }

    /** @return the clock for timestamps and token expiry */
    public Clock clock() {
        return clock;
    }

    /** @return the most HTTP calls in flight at once; more wait (up to their call timeout) for a free slot */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** @return the largest file accepted, in bytes */
    public int maxFileBytes() {
        return maxFileBytes;
    }

    /** @return the largest JSON answer without a file accepted, in bytes */
    public int maxResponseBytes() {
        return maxResponseBytes;
    }

    /** @return how long before its expiry a token is refreshed */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin;
    }

    /**
     * @return the longest a single call (with all its retries and one re-login) can take before its stage
     *         completes; file calls use the file timeout
     */
    public Duration worstCaseCall() {
        Duration perAttempt = timeouts.file().plus(timeouts.call());
        return perAttempt.multipliedBy(retry.maxAttempts() + 1L).plus(retry.worstCaseBackoff());
    }

    @Override
    public String toString() {
        return "PlatformConfig[" + baseUrl + ", " + credentials + ", " + timeouts + ", " + retry + ", " + signatureAlgorithm
                + (tls == null ? "" : ", " + tls) + "]";
    }

    /** Builder: every setting starts at its default (docs/configuration.md); a later call of a setter replaces an earlier one. */
    public static final class Builder {
        private final URI baseUrl;
        private final PlatformCredentials credentials;
        private Timeouts timeouts = Timeouts.defaults();
        private RetryPolicy retry = RetryPolicy.defaults();
        private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA256;
        private TlsConfig tls;
        private Executor executor;
        private HttpClient httpClient;
        private Clock clock = Clock.systemUTC();
        private int maxConcurrentRequests = 64;
        private int maxFileBytes = DocumentFile.DEFAULT_MAX_BYTES;
        private int maxResponseBytes = 1024 * 1024;
        private Duration tokenRefreshMargin = Duration.ofSeconds(60);

        private Builder(URI baseUrl, PlatformCredentials credentials) {
            InvalidValueException.requireNonNull(baseUrl, "baseUrl");
            String scheme = baseUrl.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || baseUrl.getHost() == null) {
                throw new InvalidValueException("baseUrl", "must be an absolute http or https URL, got " + baseUrl);
            }
            String s = baseUrl.toString();
            this.baseUrl = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
            this.credentials = InvalidValueException.requireNonNull(credentials, "credentials");
        }

        /** @param v timeouts @return this */
        public Builder timeouts(Timeouts v) {
            this.timeouts = InvalidValueException.requireNonNull(v, "timeouts");
            return this;
        }

        /** @param v retry policy @return this */
        public Builder retry(RetryPolicy v) {
            this.retry = InvalidValueException.requireNonNull(v, "retry");
            return this;
        }

        /** @param v MAC of request signatures @return this */
        public Builder signatureAlgorithm(SignatureAlgorithm v) {
            this.signatureAlgorithm = InvalidValueException.requireNonNull(v, "signatureAlgorithm");
            return this;
        }

        /** @param v TLS material @return this */
        public Builder tls(TlsConfig v) {
            this.tls = InvalidValueException.requireNonNull(v, "tls");
            return this;
        }

        /** @param v executor for the HTTP client and continuations @return this */
        public Builder executor(Executor v) {
            this.executor = InvalidValueException.requireNonNull(v, "executor");
            return this;
        }

        /** @param v a pre-built HTTP client (its timeouts, TLS and executor are used as they are) @return this */
        public Builder httpClient(HttpClient v) {
            this.httpClient = InvalidValueException.requireNonNull(v, "httpClient");
            return this;
        }

        /** @param v clock @return this */
        public Builder clock(Clock v) {
            this.clock = InvalidValueException.requireNonNull(v, "clock");
            return this;
        }

        /** @param v most HTTP calls in flight, 1..10000 @return this */
        public Builder maxConcurrentRequests(int v) {
            if (v < 1 || v > 10_000) {
                throw new InvalidValueException("maxConcurrentRequests", "must be 1..10000, got " + v);
            }
            this.maxConcurrentRequests = v;
            return this;
        }

        /** @param v largest accepted file in bytes, positive @return this */
        public Builder maxFileBytes(int v) {
            if (v < 1) {
                throw new InvalidValueException("maxFileBytes", "must be positive, got " + v);
            }
            this.maxFileBytes = v;
            return this;
        }

        /** @param v largest accepted JSON answer in bytes (without files), at least 1024 @return this */
        public Builder maxResponseBytes(int v) {
            if (v < 1024) {
                throw new InvalidValueException("maxResponseBytes", "must be at least 1024, got " + v);
            }
            this.maxResponseBytes = v;
            return this;
        }

        /** @param v how long before expiry a token is refreshed, non-negative @return this */
        public Builder tokenRefreshMargin(Duration v) {
            InvalidValueException.requireNonNull(v, "tokenRefreshMargin");
            if (v.isNegative()) {
                throw new InvalidValueException("tokenRefreshMargin", "must not be negative");
            }
            this.tokenRefreshMargin = v;
            return this;
        }

        /** @return the config */
        public PlatformConfig build() {
            return new PlatformConfig(this);
        }
    }
}
