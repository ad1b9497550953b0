package org.mianzheng.platform.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A non-blocking semaphore: waiters get a future completed when a permit is free; no threads of its own. */
public final class AsyncLimiter {
    private final int permits;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inUse;

    /** @param permits permits */
    public AsyncLimiter(int permits) {
        this.permits = permits;
    }

    /**
     * @param maxWait how long to wait for a permit
     * @return completes when a permit is held (the caller must {@link #release()}), or exceptionally with a
     *         {@code TimeoutException} after {@code maxWait}
     */
    public CompletableFuture<Void> acquire(Duration maxWait) {
        CompletableFuture<Void> w;
        synchronized (this) {
            if (inUse < permits) {
                inUse++;
                return CompletableFuture.completedFuture(null);
            }
            w = new CompletableFuture<>();
            waiters.add(w);
        }
        return w.orTimeout(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Returns a permit, handing it to the next live waiter if any. */
    public void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    inUse--;
                    return;
                }
            }
            if (next.complete(null)) {
                return;
            }
        }
    }

    /** @return permits in use */
    public synchronized int inUse() {
        return inUse;
    }
}
