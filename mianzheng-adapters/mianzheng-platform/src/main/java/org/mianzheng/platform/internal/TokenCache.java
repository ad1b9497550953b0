package org.mianzheng.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An access token: fetched on first use, refreshed {@code margin} before it expires (or half its lifetime before, if
 * that is shorter), and refreshed once when the platform rejects it. Concurrent callers share one login (single flight).
 */
public final class TokenCache {
    /**
     * A token and its expiry.
     *
     * @param value     the token
     * @param expiresAt when it expires
     */
    public record Token(String value, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration margin;
    private final Supplier<CompletableFuture<Token>> login;
    private Token current;
    /**
     * When {@link #current} is refreshed: {@code margin} before it expires, or half its lifetime before if that is
     * shorter (a token that lives less than the margin would otherwise cost a login on every call).
     */
    private Instant refreshAt;
    private CompletableFuture<Token> inflight;

    /**
     * @param clock  clock
     * @param margin refresh margin
     * @param login  performs a login
     */
    public TokenCache(Clock clock, Duration margin, Supplier<CompletableFuture<Token>> login) {
        this.clock = clock;
        this.margin = margin;
        this.login = login;
    }

    /** @return a token valid beyond the margin, logging in if needed */
    public CompletableFuture<String> get() {
        synchronized (this) {
            if (current != null && clock.instant().isBefore(refreshAt)) {
                return CompletableFuture.completedFuture(current.value());
            }
        }
        return refresh(null);
    }

    /**
     * @param rejected the token the platform rejected
     * @return a new token (unless another caller already replaced it)
     */
    public CompletableFuture<String> refresh(String rejected) {
        CompletableFuture<Token> f;
        boolean start = false;
        synchronized (this) {
            if (rejected != null && current != null && !current.value().equals(rejected)) {
                return CompletableFuture.completedFuture(current.value());
            }
            if (inflight == null) {
                inflight = new CompletableFuture<>();
                start = true;
            }
            f = inflight;
        }
        if (start) {
            CompletableFuture<Token> mine = f;
            CompletableFuture<Token> l;
            try {
                l = login.get();
            } catch (RuntimeException e) {
                l = CompletableFuture.failedFuture(e);
            }
            l.whenComplete((t, e) -> {
                Throwable failure = e != null ? e : t == null || t.value() == null || t.expiresAt() == null
                        ? new IllegalStateException("the login gave no token or no expiry") : null;
                synchronized (this) {
                    inflight = null;
                    if (failure == null) {
                        current = t;
                        Duration half = Duration.between(clock.instant(), t.expiresAt()).dividedBy(2);
                        refreshAt = t.expiresAt().minus(half.compareTo(margin) < 0 ? half : margin);
                    }
                }
                if (failure == null) { // every waiter of this single flight is answered, one way or the other
                    mine.complete(t);
                } else {
                    mine.completeExceptionally(failure);
                }
            });
        }
        return f.thenApply(Token::value);
    }

    /**
     * Runs {@code call} with a token; if it fails with a rejected token, refreshes once and runs it again.
     *
     * @param call the call
     * @param <T>  result
     * @return its result
     */
    public <T> CompletableFuture<T> withToken(Function<String, CompletableFuture<T>> call) {
        return get().thenCompose(token -> call.apply(token).handle((v, e) -> {
            if (e == null) {
                return CompletableFuture.completedFuture(v);
            }
            CallFailure cf = CallFailure.from(e);
            if (cf.tokenRejected()) {
                return refresh(token).thenCompose(call);
            }
            return CompletableFuture.<T>failedFuture(cf);
        }).thenCompose(Function.identity()));
    }

    /** Forgets the token (for tests and after credentials change). */
    public synchronized void invalidate() {
        current = null;
    }
}
