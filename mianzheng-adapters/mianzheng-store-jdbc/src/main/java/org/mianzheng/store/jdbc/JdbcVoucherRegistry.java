package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.VoucherRecord;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.store.jdbc.internal.Sql;

/** {@link VoucherRegistry} on table {@code mz_voucher}, keyed by the canonical voucher number; write-once. Thread-safe. */
public final class JdbcVoucherRegistry implements VoucherRegistry {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcVoucherRegistry(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean register(VoucherRecord record) {
        InvalidValueException.requireNonNull(record, "record");
        return Sql.tx(ds, "voucher register", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_voucher (voucher, issued_at_ns, sha256, biz_no) VALUES (?, ?, ?, ?)")) {
                p.setString(1, record.voucher().format());
                Sql.setInstant(p, 2, record.issuedAt());
                p.setString(3, record.sha256Hex());
                p.setString(4, record.bizNo());
                p.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    c.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<VoucherRecord> lookup(VoucherNumber voucher) {
        InvalidValueException.requireNonNull(voucher, "voucher");
        return Sql.read(ds, "voucher lookup", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT voucher, issued_at_ns, sha256, biz_no FROM mz_voucher WHERE voucher = ?")) {
                p.setString(1, voucher.format());
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(new VoucherRecord(VoucherNumber.parse(r.getString(1)), Sql.getInstant(r, "issued_at_ns"), r.getString(3),
                                r.getString(4)));
                    } catch (MianzhengException e) {
                        throw new StoreException("stored voucher record cannot be read: " + e.getClass().getSimpleName(), e);
                    }
                }
            }
        });
    }
}
