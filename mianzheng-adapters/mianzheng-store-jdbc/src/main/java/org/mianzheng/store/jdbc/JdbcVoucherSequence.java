package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.VoucherNumber;
import org.mianzheng.api.spi.VoucherSequence;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link VoucherSequence} on table {@code mz_voucher_sequence}: one counter row per prefix and issue date, incremented
 * under its row lock in a committed transaction, so that every node on the same database gets distinct numbers and a
 * restarted node never repeats one. Thread-safe.
 */
public final class JdbcVoucherSequence implements VoucherSequence {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcVoucherSequence(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public long next(String prefix, LocalDate day) {
        InvalidValueException.requireNonNull(prefix, "prefix");
        InvalidValueException.requireNonNull(day, "day");
        VoucherNumber.of(prefix, day, 1);
        return Sql.tx(ds, "voucher sequence", c -> {
            if (increment(c, prefix, day) == 0) {
                Savepoint sp = c.setSavepoint();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_voucher_sequence (prefix, issue_date, last_value) VALUES (?, ?, 1)")) {
                    p.setString(1, prefix);
                    p.setObject(2, day);
                    p.executeUpdate();
                    return 1L;
                } catch (SQLException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(sp); // another node created the counter first: take the next number from it
                    if (increment(c, prefix, day) != 1) {
                        throw new StoreException("voucher sequence counter vanished while it was being incremented");
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT last_value FROM mz_voucher_sequence WHERE prefix = ? AND issue_date = ?")) {
                p.setString(1, prefix);
                p.setObject(2, day);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        throw new StoreException("voucher sequence counter vanished while it was being read");
                    }
                    return r.getLong(1);
                }
            }
        });
    }

    private static int increment(Connection c, String prefix, LocalDate day) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE mz_voucher_sequence SET last_value = last_value + 1 WHERE prefix = ? AND issue_date = ?")) {
            p.setString(1, prefix);
            p.setObject(2, day);
            return p.executeUpdate();
        }
    }
}
