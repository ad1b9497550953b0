package org.mianzheng.core.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests without sleeping. */
public final class Await {
    private Await() {
    }

    /**
     * Spins until the condition holds; fails after a generous bound instead of hanging.
     *
     * @param condition what to wait for
     */
    public static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.onSpinWait();
        }
    }
}
