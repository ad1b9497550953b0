package org.mianzheng.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import org.mianzheng.platform.PlatformCredentials;
import org.mianzheng.platform.SignatureAlgorithm;

/**
 * How to run a simulator. Immutable; {@link #builder()} starts from: loopback, OS-chosen port, credentials
 * {@code ow-app}/{@code ow-secret} and {@code ch-app}/{@code ch-secret}, HMAC-SHA256, system clock, tokens valid
 * 2 h, no latency, seed 1, 16 HTTP threads, plain HTTP.
 *
 * @param host                bind address (keep it loopback in tests)
 * @param port                port, 0 for OS-chosen
 * @param oneWindow           credentials the onewindow platform accepts
 * @param cityHub             credentials the cityhub platform accepts
 * @param signatureAlgorithm  the MAC both platforms require
 * @param clock               the platforms' clock (tokens, timestamps, the desk)
 * @param tokenTtl            lifetime of issued tokens
 * @param timestampTolerance  how far a request timestamp may be from the clock
 * @param latency             latency of every answer
 * @param seed                sample-data seed
 * @param threads             HTTP worker threads
 * @param sslContext          HTTPS with this context, or {@code null} for HTTP
 * @param needClientAuth      with HTTPS: require a client certificate
 */
public record SimulatorConfig(String host, int port, PlatformCredentials oneWindow, PlatformCredentials cityHub, SignatureAlgorithm signatureAlgorithm,
                              Clock clock, Duration tokenTtl, Duration timestampTolerance, Duration latency, long seed, int threads,
                              SSLContext sslContext, boolean needClientAuth) {
    /** Validating constructor. */
    public SimulatorConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        Objects.requireNonNull(oneWindow, "oneWindow");
        Objects.requireNonNull(cityHub, "cityHub");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(timestampTolerance, "timestampTolerance");
        Objects.requireNonNull(latency, "latency");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the defaults */
    public static SimulatorConfig defaults() {
        return builder().build();
    }

    /** Builder. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private PlatformCredentials oneWindow = new PlatformCredentials("ow-app", "ow-secret");
        private PlatformCredentials cityHub = new PlatformCredentials("ch-app", "ch-secret");
        private SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.HMAC_SHA256;
        private Clock clock = Clock.systemUTC();
        private Duration tokenTtl = Duration.ofHours(2);
        private Duration timestampTolerance = Duration.ofMinutes(5);
        private Duration latency = Duration.ZERO;
        private long seed = 1;
        private int threads = 16;
        private SSLContext sslContext;
        private boolean needClientAuth;

        private Builder() {
        }

        /** @param v bind address @return this */
        public Builder host(String v) {
            host = v;
            return this;
        }

        /** @param v port, 0 = OS-chosen @return this */
        public Builder port(int v) {
            port = v;
            return this;
        }

        /** @param v onewindow credentials @return this */
        public Builder oneWindow(PlatformCredentials v) {
            oneWindow = v;
            return this;
        }

        /** @param v cityhub credentials @return this */
        public Builder cityHub(PlatformCredentials v) {
            cityHub = v;
            return this;
        }

        /** @param v required MAC @return this */
        public Builder signatureAlgorithm(SignatureAlgorithm v) {
            signatureAlgorithm = v;
            return this;
        }

        /** @param v clock (e.g. a {@link ManualClock}) @return this */
        public Builder clock(Clock v) {
            clock = v;
            return this;
        }

        /** @param v token lifetime @return this */
        public Builder tokenTtl(Duration v) {
            tokenTtl = v;
            return this;
        }

        /** @param v timestamp tolerance @return this */
        public Builder timestampTolerance(Duration v) {
            timestampTolerance = v;
            return this;
        }

        /** @param v latency of every answer @return this */
        public Builder latency(Duration v) {
            latency = v;
            return this;
        }

        /** @param v sample-data seed @return this */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** @param v HTTP worker threads @return this */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        /**
         * @param ctx            server TLS context
         * @param needClientAuth whether a client certificate is required
         * @return this
         */
        public Builder https(SSLContext ctx, boolean needClientAuth) {
            this.sslContext = ctx;
            this.needClientAuth = needClientAuth;
            return this;
        }

        /** @return the config */
        public SimulatorConfig build() {
            return new SimulatorConfig(host, port, oneWindow, cityHub, signatureAlgorithm, clock, tokenTtl, timestampTolerance, latency, seed, threads,
                    sslContext, needClientAuth);
        }
    }
}
