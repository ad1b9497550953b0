package org.mianzheng.platform.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.mianzheng.api.SourceOutcome;
import org.mianzheng.platform.PlatformConfig;
import org.mianzheng.platform.RetryPolicy;
import org.slf4j.Logger;

/**
 * One platform's HTTP transport: POSTs with a per-attempt deadline, a body size limit, a bound on calls in flight,
 * typed failures ({@link CallFailure}), and bounded jittered retry of idempotent calls. Starts no threads.
 */
public final class Transport {
    private final String channel;
    private final PlatformConfig config;
    private final HttpClient client;
    private final AsyncLimiter limiter;
    private final Executor asyncExecutor;
    private final Logger log;

    /**
     * @param channel channel id, for logs
     * @param config  configuration
     * @param log     logger
     */
    public Transport(String channel, PlatformConfig config, Logger log) {
        this.channel = channel;
        this.config = config;
        this.log = log;
        this.limiter = new AsyncLimiter(config.maxConcurrentRequests());
        this.asyncExecutor = config.executor().orElse(ForkJoinPool.commonPool());
        this.client = config.httpClient().orElseGet(() -> {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(config.timeouts().connect());
            config.executor().ifPresent(b::executor);
            config.tls().ifPresent(t -> b.sslContext(t.sslContext()));
            return b.build();
        });
    }

    /** @return the HTTP client */
    public HttpClient client() {
        return client;
    }

    /** @return HTTP calls in flight now */
    public int inFlight() {
        return limiter.inUse();
    }

    /**
     * One attempt: POST {@code body} to {@code baseUrl + path}.
     *
     * @param route   route name, for logs
     * @param path    path below the base URL
     * @param headers extra headers
     * @param body    body
     * @param file    whether the answer carries a file (file timeout and limit)
     * @return the reply (any HTTP status), or failed with a {@link CallFailure}
     */
    public CompletableFuture<Reply> post(String route, String path, Map<String, String> headers, byte[] body, boolean file) {
        return post(route, path, headers, body, file, Cancellation.NONE);
    }

    /**
     * {@link #post(String, String, Map, byte[], boolean)} as one call of a retrieval that may be cancelled: the exchange
     * is registered with {@code cancellation}, which aborts it (and gives its request slot back) when the retrieval is
     * cancelled; a call not yet sent by then is not sent.
     *
     * @param route        route name, for logs
     * @param path         path below the base URL
     * @param headers      extra headers
     * @param body         body
     * @param file         whether the answer carries a file (file timeout and limit)
     * @param cancellation the retrieval's cancellation
     * @return the reply (any HTTP status), or failed with a {@link CallFailure} (or cancelled)
     */
    public CompletableFuture<Reply> post(String route, String path, Map<String, String> headers, byte[] body, boolean file, Cancellation cancellation) {
        Duration timeout = file ? config.timeouts().file() : config.timeouts().call();
        long max = file ? fileBodyLimit(config.maxFileBytes()) : config.maxResponseBytes();
        URI uri = URI.create(config.baseUrl() + path);
        return limiter.acquire(timeout).handle((v, e) -> e).thenCompose(waitFailure -> {
            if (waitFailure != null) {
                return CompletableFuture.failedFuture(CallFailure.of(SourceOutcome.TIMEOUT, "no free request slot within " + timeout.toMillis() + " ms"));
            }
            CompletableFuture<Reply> refused = cancellation.refusal();
            if (refused != null) {
                limiter.release();
                return refused;
            }
            long t0 = System.nanoTime();
            AtomicBoolean headersSeen = new AtomicBoolean();
            CompletableFuture<HttpResponse<byte[]>> f;
            try { // from here until the call is sent, any failure gives the slot back
                HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                headers.forEach(b::header); // a header the JDK refuses (e.g. a control character) throws here
                f = client.sendAsync(b.build(), info -> {
                    headersSeen.set(true);
                    return new LimitedBodySubscriber(max, info.headers().firstValueAsLong("content-length").orElse(-1));
                });
            } catch (RuntimeException e) {
                limiter.release();
                return CompletableFuture.failedFuture(CallFailure.of(SourceOutcome.UNAVAILABLE, "cannot send: " + e.getClass().getSimpleName()));
            }
            CompletableFuture<Reply> out = new CompletableFuture<>();
            f.whenComplete((resp, ex) -> {
                limiter.release();
                long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                if (ex == null) {
                    log.debug("{} {}: HTTP {} ({} bytes) in {} ms", channel, route, resp.statusCode(), resp.body().length, ms);
                    out.complete(new Reply(resp.statusCode(), resp.headers(), resp.body()));
                } else {
                    CallFailure cf = classify(ex, headersSeen.get());
                    log.debug("{} {}: {} after {} ms: {}", channel, route, cf.outcome(), ms, cf.getMessage());
                    out.completeExceptionally(cf);
                }
            });
            out.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((r, e) -> {
                if (e != null) {
                    f.cancel(true);
                }
            });
            return cancellation.track(out);
        });
    }

    /**
     * The largest answer body that may carry a file of {@code maxFileBytes}: its Base64 (4/3), with room for MIME line
     * breaks written as JSON escapes ({@code \r\n} every 76 characters, about 5 %) and escaped slashes ({@code \/},
     * about 1.6 %) — a tenth more in all — and 64 KiB for the rest of the answer.
     *
     * @param maxFileBytes the largest file accepted
     * @return the body limit in bytes
     */
    static long fileBodyLimit(int maxFileBytes) {
        return (long) maxFileBytes * 4 / 3 * 11 / 10 + 64 * 1024;
    }

    private static CallFailure classify(Throwable ex, boolean headersSeen) {
        Throwable c = ex;
        while (c instanceof CompletionException && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof CallFailure) {
            return (CallFailure) c;
        }
        if (c instanceof HttpTimeoutException || c instanceof TimeoutException || c instanceof CancellationException) {
            return CallFailure.of(SourceOutcome.TIMEOUT, "no answer within the call timeout");
        }
        if (c instanceof SSLException) {
            return CallFailure.of(SourceOutcome.UNAVAILABLE, "TLS failed: " + c.getClass().getSimpleName());
        }
        if (c instanceof IOException) {
            return headersSeen
                    ? CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "answer body truncated (" + c.getClass().getSimpleName() + ")")
                    : CallFailure.of(SourceOutcome.UNAVAILABLE, "connection failed or closed without an answer (" + c.getClass().getSimpleName() + ")");
        }
        return CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "unexpected " + c.getClass().getSimpleName());
    }

    /**
     * Runs {@code attempt}, retrying it after UNAVAILABLE or TIMEOUT if {@code idempotent}, within the retry policy.
     *
     * @param route      route, for logs
     * @param idempotent whether the call may be repeated
     * @param attempt    makes one attempt
     * @param <T>        result
     * @return the first success or the last failure (a {@link CallFailure})
     */
    public <T> CompletableFuture<T> retrying(String route, boolean idempotent, Supplier<CompletableFuture<T>> attempt) {
        return retrying(route, idempotent, attempt, Cancellation.NONE);
    }

    /**
     * {@link #retrying(String, boolean, Supplier)} as one call of a retrieval that may be cancelled: once it is, no
     * attempt is started and the one in flight is cancelled.
     *
     * @param route        route name, for logs
     * @param idempotent   whether the call may be sent again
     * @param attempt      one attempt
     * @param cancellation the retrieval's cancellation
     * @param <T>          result
     * @return the first success, or the last failure (or cancelled)
     */
    public <T> CompletableFuture<T> retrying(String route, boolean idempotent, Supplier<CompletableFuture<T>> attempt, Cancellation cancellation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        cancellation.track(result); // cancelled: run() starts nothing more
        run(1, route, idempotent, attempt, result);
        return result;
    }

    private <T> void run(int n, String route, boolean idempotent, Supplier<CompletableFuture<T>> attempt, CompletableFuture<T> result) {
        if (result.isDone()) { // answered, or cancelled
            return;
        }
        CompletableFuture<T> f;
        try {
            f = attempt.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((v, e) -> {
            if (e == null) {
                result.complete(v);
                return;
            }
            CallFailure cf = CallFailure.from(e);
            RetryPolicy p = config.retry();
            if (idempotent && cf.retryable() && n < p.maxAttempts() && !result.isDone()) {
                Duration d = p.backoff(n, ThreadLocalRandom.current().nextDouble());
                if (cf.retryAfter() != null) {
                    Duration hint = cf.retryAfter().compareTo(p.maxBackoff()) > 0 ? p.maxBackoff() : cf.retryAfter();
                    d = hint.compareTo(d) > 0 ? hint : d;
                }
                log.debug("{} {}: attempt {} {}; retrying in {} ms", channel, route, n, cf.outcome(), d.toMillis());
                CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS, asyncExecutor)
                        .execute(() -> run(n + 1, route, idempotent, attempt, result));
            } else {
                result.completeExceptionally(cf);
            }
        });
    }

    /**
     * @param headers response headers
     * @return the {@code Retry-After} seconds, or {@code null}
     */
    public static Duration retryAfter(HttpHeaders headers) {
        return headers.firstValue("retry-after").map(v -> {
            try {
                long s = Long.parseLong(v.strip());
                return s >= 0 ? Duration.ofSeconds(s) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }

    /**
     * Maps an HTTP status that carries no usable platform code.
     *
     * @param status HTTP status (not 2xx)
     * @param headers headers
     * @return the failure
     */
    public static CallFailure httpFailure(int status, HttpHeaders headers) {
        if (status == 429) {
            return new CallFailure(SourceOutcome.UNAVAILABLE, null, "HTTP 429: rate limited", false, retryAfter(headers));
        }
        if (status >= 500) {
            return new CallFailure(SourceOutcome.UNAVAILABLE, null, "HTTP " + status, false, retryAfter(headers));
        }
        if (status == 401) {
            return new CallFailure(SourceOutcome.AUTHENTICATION_FAILED, null, "HTTP 401", true, null);
        }
        if (status == 403) {
            return CallFailure.of(SourceOutcome.AUTHENTICATION_FAILED, "HTTP 403");
        }
        if (status >= 400) {
            return CallFailure.of(SourceOutcome.BAD_REQUEST, "HTTP " + status);
        }
        return CallFailure.of(SourceOutcome.MALFORMED_RESPONSE, "unexpected HTTP " + status);
    }
}
