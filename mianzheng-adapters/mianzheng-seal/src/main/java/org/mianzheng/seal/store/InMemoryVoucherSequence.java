package org.mianzheng.seal.store;

import java.time.LocalDate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.spi.VoucherSequence;

/**
 * Voucher sequence numbers counted in memory, per prefix and day, from 1. Unique within this JVM only (not durable,
 * not shared between nodes). Thread-safe; non-blocking.
 */
public final class InMemoryVoucherSequence implements VoucherSequence {
    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    @Override
    public long next(String prefix, LocalDate day) {
        InvalidValueException.requireNonNull(prefix, "prefix");
        InvalidValueException.requireNonNull(day, "day");
        VoucherNumber.of(prefix, day, 1);
        return counters.computeIfAbsent(prefix + '|' + day, k -> new AtomicLong()).incrementAndGet();
    }
}
