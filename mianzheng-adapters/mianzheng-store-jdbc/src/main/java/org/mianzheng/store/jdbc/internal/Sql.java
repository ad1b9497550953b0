package org.mianzheng.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import org.mianzheng.api.StoreException;

/** Transactions and column helpers shared by the stores. Stateless. */
public final class Sql {
    /** SQLSTATE of a unique-key violation (H2 and PostgreSQL alike). */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class of serialization failures and deadlocks (PostgreSQL 40001, 40P01; H2 40001). */
    private static final String TRANSACTION_ROLLBACK_CLASS = "40";

    private Sql() {
    }

    /**
     * Work done on a connection.
     *
     * @param <T> result
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection
         * @return the result
         * @throws SQLException on failure
         */
        T run(Connection c) throws SQLException;
    }

    /** A refusal decided inside a transaction: rolled back, then rethrown as is. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param e the exception to rethrow after rollback */
        public Refused(StoreException e) {
            super(e);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws.
     *
     * @param ds   data source
     * @param what the operation, for messages
     * @param work the work
     * @param <T>  result
     * @return its result
     * @throws StoreException on any failure (SQL state in the message, never values)
     */
    public static <T> T tx(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T t = work.run(c);
                c.commit();
                return t;
            } catch (SQLException | RuntimeException | Error e) { // an Error too: restoring auto-commit would commit the half done
                rollback(c, e);
                throw e;
            } finally {
                restore(c, auto);
            }
        } catch (Refused r) {
            throw (StoreException) r.getCause();
        } catch (StoreException e) {
            throw e;
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed: " + e.getClass().getName(), e);
        }
    }

    /**
     * Runs a read (auto-commit).
     *
     * @param ds   data source
     * @param what the operation
     * @param work the work
     * @param <T>  result
     * @return its result
     */
    public static <T> T read(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (StoreException e) {
            throw e;
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed: " + e.getClass().getName(), e);
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    /**
     * @param what operation
     * @param e    the SQL failure
     * @return a store exception with the SQL state (values never appear: they may be personal data)
     */
    public static StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }

    /**
     * @param e an SQL failure
     * @return whether it is a unique-key violation
     */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param e an SQL failure
     * @return whether it is a serialization failure or deadlock (the transaction may be retried)
     */
    public static boolean isTransient(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith(TRANSACTION_ROLLBACK_CLASS);
    }

    /**
     * @param p     statement
     * @param i     parameter index
     * @param value instant or {@code null}
     * @throws SQLException on failure
     */
    public static void setInstant(PreparedStatement p, int i, Instant value) throws SQLException {
        if (value == null) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, Instants.toNanos(value));
        }
    }

    /**
     * @param r   row
     * @param col column
     * @return the instant or {@code null}
     * @throws SQLException on failure
     */
    public static Instant getInstant(ResultSet r, String col) throws SQLException {
        long v = r.getLong(col);
        return r.wasNull() ? null : Instants.fromNanos(v);
    }

    /**
     * @param p     statement
     * @param i     index
     * @param value text or {@code null}
     * @throws SQLException on failure
     */
    public static void setText(PreparedStatement p, int i, String value) throws SQLException {
        if (value == null) {
            p.setNull(i, Types.VARCHAR);
        } else {
            p.setString(i, value);
        }
    }
}
