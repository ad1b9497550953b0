package org.mianzheng.store.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import javax.sql.DataSource;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.mianzheng.api.StoreException;

/** Transactions and column helpers shared by the stores. Stateless. */
public final class Sql {
    /** SQLSTATE of a unique-key violation (H2 and PostgreSQL alike). */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE of a serialization failure (PostgreSQL; H2 reports a deadlock with it too). */
    private static final String SERIALIZATION_FAILURE = "40001";
    /** SQLSTATE of a deadlock (PostgreSQL). */
    private static final String DEADLOCK = "40P01";

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
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. A transaction the
     * database rolled back as a serialization failure or a deadlock (SQLSTATE 40001 and 40P01: PostgreSQL on a pool whose
     * default isolation is REPEATABLE READ or SERIALIZABLE, or two transactions locking rows in opposite orders; H2's
     * 40001; never the rest of class 40, such as 40003, whose transaction may have committed) is run again, from the
     * start, up to {@link #MAX_ATTEMPTS} times in all, after a short random pause. {@code work} must therefore touch nothing but the connection, or make what it touches anew on each run.
     *
     * @param ds   data source
     * @param what the operation, for messages
     * @param work the work
     * @param <T>  result
     * @return its result
     * @throws StoreException on any failure (SQL state in the message, never values)
     */
    public static <T> T tx(DataSource ds, String what, Work<T> work) {
        return retried(what, () -> txOnce(ds, what, work));
    }

    private static <T> T txOnce(DataSource ds, String what, Work<T> work) {
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
            throw isTransient(e) ? new RolledBack(what, e) : failure(what, e);
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed: " + e.getClass().getName(), e);
        }
    }

    /**
     * Runs a read (auto-commit). A read the database rolled back as a serialization failure or deadlock is run again,
     * as {@link #tx} does.
     *
     * @param ds   data source
     * @param what the operation
     * @param work the work
     * @param <T>  result
     * @return its result
     */
    public static <T> T read(DataSource ds, String what, Work<T> work) {
        return retried(what, () -> readOnce(ds, what, work));
    }

    private static <T> T readOnce(DataSource ds, String what, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (StoreException e) {
            throw e;
        } catch (SQLException e) {
            throw isTransient(e) ? new RolledBack(what, e) : failure(what, e);
        } catch (RuntimeException e) {
            throw new StoreException(what + " failed: " + e.getClass().getName(), e);
        }
    }

    /** Attempts in all of a transaction that the database keeps rolling back as a serialization failure or deadlock. */
    public static final int MAX_ATTEMPTS = 5;

    /**
     * The retry of {@link RolledBack} attempts: exponential pauses from about 4 ms, randomised by half, so two
     * transactions that collided do not collide again in step.
     */
    private static final Retry ROLLED_BACK = Retry.of("mianzheng-jdbc-rolled-back", RetryConfig.custom()
            .maxAttempts(MAX_ATTEMPTS)
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(java.time.Duration.ofMillis(4), 2.0, 0.5))
            .retryExceptions(RolledBack.class)
            .build());

    /** One attempt that the database rolled back as a serialization failure or deadlock: worth running again. */
    private static final class RolledBack extends StoreException {
        private static final long serialVersionUID = 1L;

        RolledBack(String what, SQLException e) {
            super(what + " failed (SQL state " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
        }
    }

    private static <T> T retried(String what, java.util.function.Supplier<T> attempt) {
        int[] attempts = {0};
        try {
            return ROLLED_BACK.executeSupplier(() -> {
                attempts[0]++;
                return attempt.get();
            });
        } catch (RolledBack e) { // every attempt, or those before an interrupt ended the pauses
            SQLException cause = (SQLException) e.getCause();
            throw new StoreException(what + " failed: the database rolled it back " + attempts[0] + (attempts[0] == 1 ? " time" : " times in a row")
                    + " as a serialization failure or deadlock (SQL state " + cause.getSQLState() + ", error " + cause.getErrorCode() + ")", cause);
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
        // a batch reports the failed statement's error as its next exception or its cause: look a few links down both
        int links = 0;
        for (SQLException s = e; s != null && links < 16; s = s.getNextException()) {
            for (Throwable t = s; t != null && links++ < 16; t = t.getCause()) {
                // only these two: the rest of class 40 (40003, statement completion unknown) may have committed
                if (t instanceof SQLException q && (SERIALIZATION_FAILURE.equals(q.getSQLState()) || DEADLOCK.equals(q.getSQLState()))) {
                    return true;
                }
            }
        }
        return false;
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
