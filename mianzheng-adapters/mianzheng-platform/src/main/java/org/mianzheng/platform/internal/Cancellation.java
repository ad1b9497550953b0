package org.mianzheng.platform.internal;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellation of one retrieval's calls. When the engine gives up on a retrieval (its deadline) it cancels the
 * stage the client returned; that stage is the end of a chain of calls, and cancelling it does not reach them. The
 * client's calls register here instead: cancelling this cancels the call in flight (which frees its request slot and
 * stops its retries) and refuses every call not yet started. Thread-safe.
 */
public final class Cancellation {
    /** For calls that nobody cancels (directed requests). */
    public static final Cancellation NONE = new Cancellation();

    private volatile boolean cancelled;
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    /** @return whether {@link #cancel} was called */
    public boolean cancelled() {
        return cancelled;
    }

    /** Cancels the calls in flight and refuses those to come. */
    public void cancel() {
        if (this == NONE) {
            return;
        }
        cancelled = true;
        for (CompletableFuture<?> f : inFlight) {
            f.cancel(true);
        }
    }

    /**
     * Registers a call in flight until it completes; cancels it at once if this was cancelled meanwhile.
     *
     * @param f   the call
     * @param <T> its result
     * @return {@code f}
     */
    public <T> CompletableFuture<T> track(CompletableFuture<T> f) {
        if (this == NONE) {
            return f;
        }
        inFlight.add(f);
        f.whenComplete((v, e) -> inFlight.remove(f));
        if (cancelled) { // set before the add: cancel() may not have seen it
            f.cancel(true);
        }
        return f;
    }

    /**
     * @param <T> result
     * @return a stage that fails as cancelled if this was cancelled, for a call about to start; otherwise {@code null}
     */
    public <T> CompletableFuture<T> refusal() {
        return cancelled ? CompletableFuture.failedFuture(new CancellationException("the retrieval was cancelled")) : null;
    }
}
