package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.store.jdbc.internal.Sql;
import org.mianzheng.tck.StoreSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction the database rolled back as a serialization failure or a deadlock (SQLSTATE class 40) is run again;
 * any other failure is not, and a transaction rolled back every time fails after {@link Sql#MAX_ATTEMPTS} runs.
 */
class RolledBackTransactionTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private JdbcDataSource h2;

    @BeforeEach
    void table() throws SQLException {
        h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:rolledback" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void drop() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    /** Connections whose first {@code failures} commits fail with {@code sqlState} (the database rolls back). */
    private static DataSource commitsFailing(DataSource ds, int failures, String sqlState) {
        AtomicInteger left = new AtomicInteger(failures);
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, m, args) -> {
            Object real = JdbcEdgeCasesTest.invoke(ds, m, args);
            if (!m.getName().equals("getConnection")) {
                return real;
            }
            Connection c = (Connection) real;
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (p, cm, cargs) -> {
                if (cm.getName().equals("commit") && left.getAndDecrement() > 0) {
                    c.rollback();
                    throw new SQLException("could not serialize access", sqlState, 7);
                }
                return JdbcEdgeCasesTest.invoke(c, cm, cargs);
            });
        });
    }

    private int rows() throws SQLException {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static Sql.Work<String> insert(AtomicInteger runs) {
        return c -> {
            runs.incrementAndGet();
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
            }
            return "stored";
        };
    }

    @Test
    void aSerializationFailureOrDeadlockIsRunAgainAndCommittedOnce() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        assertThat(Sql.tx(commitsFailing(h2, 2, "40001"), "insert", insert(runs))).isEqualTo("stored");
        assertThat(runs).hasValue(3);
        assertThat(rows()).isOne();

        AtomicInteger again = new AtomicInteger();
        assertThat(Sql.<Integer>tx(commitsFailing(h2, 1, "40P01"), "delete", c -> {
            again.incrementAndGet();
            try (Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM t");
            }
        })).as("PostgreSQL's deadlock").isOne();
        assertThat(again).hasValue(2);
        assertThat(rows()).isZero();
    }

    @Test
    void aTransactionRolledBackEveryTimeFailsAfterTheLastAttempt() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Sql.tx(commitsFailing(h2, Integer.MAX_VALUE, "40001"), "insert", insert(runs)))
                .isExactlyInstanceOf(StoreException.class)
                .hasMessage("insert failed: the database rolled it back " + Sql.MAX_ATTEMPTS + " times in a row as a serialization failure or "
                        + "deadlock (SQL state 40001, error 7)")
                .hasCauseInstanceOf(SQLException.class);
        assertThat(runs).hasValue(Sql.MAX_ATTEMPTS);
        assertThat(rows()).isZero();
    }

    @Test
    void anyOtherFailureIsNotRunAgain() throws SQLException {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> Sql.tx(commitsFailing(h2, 1, "08006"), "insert", insert(runs)))
                .isExactlyInstanceOf(StoreException.class).hasMessage("insert failed (SQL state 08006, error 7)");
        assertThat(runs).as("a lost connection: whether the commit took is unknown").hasValue(1);

        AtomicInteger unknown = new AtomicInteger();
        assertThatThrownBy(() -> Sql.tx(commitsFailing(h2, 1, "40003"), "insert", insert(unknown)))
                .isExactlyInstanceOf(StoreException.class).hasMessage("insert failed (SQL state 40003, error 7)");
        assertThat(unknown).as("class 40 too, but 'statement completion unknown': it may have committed").hasValue(1);

        AtomicInteger refused = new AtomicInteger();
        assertThatThrownBy(() -> Sql.tx(h2, "refusal", c -> {
            refused.incrementAndGet();
            throw new Sql.Refused(new StoreException("not the next one"));
        })).hasMessage("not the next one");
        assertThat(refused).hasValue(1);
    }

    @Test
    void aReadRolledBackIsRunAgainAndABatchsRollbackIsFoundInItsChain() {
        AtomicInteger runs = new AtomicInteger();
        assertThat(Sql.<String>read(h2, "read", c -> {
            if (runs.incrementAndGet() == 1) {
                SQLException batch = new java.sql.BatchUpdateException("batch entry 0 was aborted", "2BP01", 0, new int[0]);
                batch.setNextException(new SQLException("deadlock detected", "40P01"));
                throw batch;
            }
            return "read";
        })).isEqualTo("read");
        assertThat(runs).hasValue(2);
        assertThat(Sql.isTransient(new SQLException("wrapped", "XX000", new SQLException("inner", "40001")))).isTrue();
        assertThat(Sql.isTransient(new SQLException("unique", "23505"))).isFalse();
    }

    /**
     * On a PostgreSQL pool whose default isolation is SERIALIZABLE, an update that waited on another node's update of
     * the same order fails as a serialization failure once that commits. Run again, it sees the other node's version
     * and is answered as the conflict it is, not as a store failure.
     */
    @Test
    void onASerializablePoolAnUpdateThatLostToAnotherNodeIsAConflictNotAFailure() throws Exception {
        JdbcConnectionPool fresh = Pg.freshSchema(1);
        String schema = Pg.schemaOf(fresh);
        fresh.dispose();
        JdbcConnectionPool pool = Pg.pool(schema, 4, "-c default_transaction_isolation=serializable");
        ExecutorService ex = Executors.newSingleThreadExecutor();
        try (JdbcStores s = JdbcStores.postgres(pool)) {
            Instant created = Instant.parse("2027-01-04T01:00:00Z");
            WorkOrder o = StoreSamples.order("SER-1", created);
            s.workOrderStore().insert(o, StoreSamples.schedule(o));
            try (Connection other = pool.getConnection(); Statement os = other.createStatement();
                 Connection watch = pool.getConnection(); Statement ws = watch.createStatement()) {
                other.setAutoCommit(false);
                assertThat(os.executeUpdate("UPDATE mz_work_order SET version = 2 WHERE id = 'SER-1'")).isOne(); // the other node, open
                Future<Boolean> mine = ex.submit(() -> s.workOrderStore().update(StoreSamples.moved(o, 2, created.plus(Duration.ofHours(2))), null));
                assertThat(Pg.awaitWaiting(ws, "transactionid", 1)).as("this node's update waits on the other's").isEqualTo(1);
                other.commit();
                assertThat(mine.get(30, TimeUnit.SECONDS)).as("the version moved on: a conflict").isFalse();
            }
            assertThat(s.workOrderStore().find("SER-1")).hasValueSatisfying(w -> {
                assertThat(w.version()).isEqualTo(2);
                assertThat(w.answerDueAt()).isEqualTo(o.answerDueAt());
            });
        } finally {
            ex.shutdownNow();
            pool.dispose();
        }
    }
}
