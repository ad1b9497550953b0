package org.mianzheng.seal.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.api.spi.VoucherRegistry;

/** Voucher records kept in memory. Write-once per voucher number; not durable. Thread-safe; non-blocking. */
public final class InMemoryVoucherRegistry implements VoucherRegistry {
    private final ConcurrentHashMap<VoucherNumber, VoucherRecord> records = new ConcurrentHashMap<>();

    @Override
    public boolean register(VoucherRecord record) {
        InvalidValueException.requireNonNull(record, "record");
        return records.putIfAbsent(record.voucher(), record) == null;
    }

    @Override
    public Optional<VoucherRecord> lookup(VoucherNumber voucher) {
        InvalidValueException.requireNonNull(voucher, "voucher");
        return Optional.ofNullable(records.get(voucher));
    }

    /** @return how many vouchers are registered */
    public int size() {
        return records.size();
    }
}
