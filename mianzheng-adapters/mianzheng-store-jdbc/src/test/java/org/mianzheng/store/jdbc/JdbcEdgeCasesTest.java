package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.store.jdbc.internal.Sql;

/** Transactions that end in an Error, and an outbox mark that races another node's (on H2). */
class JdbcEdgeCasesTest {
    @TempDir
    Path dir;

    private static int count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet r = st.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }

    @Test
    void anErrorInATransactionRollsItBack() throws Exception {
        try (JdbcStores s = JdbcStores.h2(dir.resolve("tx"))) {
            AssertionError thrown = new AssertionError("an Error after the first statement");
            assertThatThrownBy(() -> Sql.tx(s.dataSource(), "probe", c -> {
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO mz_liaison (department_code, operator_id) VALUES ('D1', 'op1')");
                }
                throw thrown;
            })).isSameAs(thrown);
            // restoring auto-commit on the connection would have committed the insert
            assertThat(count(s.dataSource(), "SELECT COUNT(*) FROM mz_liaison")).isZero();
        }
    }

    /**
     * A data source on which the outbox's insert-if-absent meets what H2 does when two nodes insert one notification at
     * once: the other node's row is committed first, and this node's insert fails with a unique-key violation.
     */
    private static DataSource racing(DataSource real, String id, Long otherSentAtNs) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class}, (proxy, m, args) -> {
            Object r = invoke(real, m, args);
            if (!(r instanceof Connection conn) || !m.getName().equals("getConnection")) {
                return r;
            }
            return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, (p2, m2, a2) -> {
                Object out = invoke(conn, m2, a2);
                if (!(m2.getName().equals("prepareStatement") && ((String) a2[0]).startsWith("MERGE INTO mz_notification"))) {
                    return out;
                }
                PreparedStatement merge = (PreparedStatement) out;
                return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(), new Class<?>[]{PreparedStatement.class}, (p3, m3, a3) -> {
                    if (m3.getName().equals("executeUpdate")) {
                        try (Connection other = real.getConnection();
                             PreparedStatement ins = other.prepareStatement("INSERT INTO mz_notification (id, sent_at_ns) VALUES (?, ?)")) {
                            ins.setString(1, id);
                            if (otherSentAtNs == null) {
                                ins.setNull(2, java.sql.Types.BIGINT);
                            } else {
                                ins.setLong(2, otherSentAtNs);
                            }
                            ins.executeUpdate();
                        }
                        throw new SQLException("Unique index or primary key violation (as H2 reports the race)", "23505", 23505);
                    }
                    return invoke(merge, m3, a3);
                });
            });
        });
    }

    /** Calls {@code m} on {@code target} as a proxy's handler does: what it throws, not wrapped. */
    static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void onH2AMarkThatLosesTheRaceToAnotherNodesMarkIsFalseNotAnError() throws Exception {
        try (JdbcStores s = JdbcStores.h2(dir.resolve("race"))) {
            JdbcWorkOrderStore store = new JdbcWorkOrderStore(racing(s.dataSource(), "push:A-1", 1L), Dialect.H2);
            assertThat(store.markSent("push:A-1", Instant.parse("2027-01-04T02:00:00Z"))).as("the other node sent it first").isFalse();
            assertThat(s.workOrderStore().sent("push:A-1")).isTrue();
        }
    }

    @Test
    void onH2ANotificationScheduledMeanwhileIsMarkedByThisCall() throws Exception {
        try (JdbcStores s = JdbcStores.h2(dir.resolve("sched"))) {
            JdbcWorkOrderStore store = new JdbcWorkOrderStore(racing(s.dataSource(), "remind:A-1", null), Dialect.H2);
            assertThat(store.markSent("remind:A-1", Instant.parse("2027-01-04T02:00:00Z"))).as("scheduled, not sent: this call sends it").isTrue();
            assertThat(s.workOrderStore().sent("remind:A-1")).isTrue();
        }
    }

    @Test
    void aStoredEventWithAForeignTypeIsReportedAsModifiedWithoutRepeatingWhatIsStored() throws Exception {
        try (JdbcStores s = JdbcStores.h2(dir.resolve("audit"))) {
            org.mianzheng.core.audit.AuditChain chain = new org.mianzheng.core.audit.AuditChain(java.time.Clock.systemUTC(), s.auditStore());
            for (int i = 1; i <= 5; i++) {
                chain.append(new org.mianzheng.api.AuditRecord(org.mianzheng.api.AuditType.CACHE_HIT, "clerk", "B" + i, null, java.util.Map.of()));
            }
            try (Connection c = s.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE mz_audit_event SET type = '11010519491231002X' WHERE seq = 3");
            }
            org.mianzheng.api.AuditVerification v = chain.verify();
            assertThat(v.problem()).isEqualTo(org.mianzheng.api.AuditVerification.Problem.MODIFIED);
            assertThat(v.atSequence()).isEqualTo(3L);
            assertThat(v.detail()).contains("its type is not an audit type").doesNotContain("11010519491231002X");
        }
    }

    /**
     * Two nodes appointing a department's first liaison at the same moment: the one whose insert loses to the other's
     * replaces it instead of failing (PostgreSQL, the other node's insert held open until this one is waiting on it).
     */
    @Test
    void aFirstLiaisonAppointedOnTwoNodesAtOnceIsReplacedNotLost() throws Exception {
        org.h2.jdbcx.JdbcConnectionPool pool = Pg.freshSchema(4);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (JdbcStores s = JdbcStores.postgres(pool); Connection other = pool.getConnection(); Statement os = other.createStatement();
             Connection watch = pool.getConnection(); Statement ws = watch.createStatement()) {
            other.setAutoCommit(false);
            os.executeUpdate("INSERT INTO mz_liaison (department_code, operator_id) VALUES ('D9', 'opA')"); // the other node, not yet committed
            org.mianzheng.api.AccountEvent appointed = org.mianzheng.tck.StoreSamples.accountEvent(
                    org.mianzheng.api.AccountEvent.Kind.LIAISON_APPOINTED, "opB", 1);
            java.util.concurrent.Future<?> mine = ex.submit(() -> s.operatorStore().putLiaison("D9", "opB", appointed));
            assertThat(Pg.awaitWaiting(ws, "transactionid", 1)).as("this node's insert waits on the other's").isEqualTo(1);
            other.commit();
            mine.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(s.operatorStore().liaison("D9")).contains("opB");
            assertThat(s.operatorStore().events()).containsExactly(appointed);
        } finally {
            ex.shutdownNow();
            pool.dispose();
        }
    }

    /** A directory whose path would smuggle settings into H2's URL is refused before anything is created. */
    @Test
    void anH2DirectoryWithASemicolonIsRefused() {
        Path hostile = dir.resolve("db;INIT=RUNSCRIPT FROM 'x.sql'");
        assertThatThrownBy(() -> JdbcStores.h2(hostile)).isInstanceOf(org.mianzheng.api.InvalidValueException.class).hasMessageContaining("';'");
        assertThat(java.nio.file.Files.exists(hostile)).isFalse();
    }

    /** A stored JSON column that cannot be read fails with where, not with the stored text (it may be personal data). */
    @Test
    void unreadableStoredJsonNamesNoStoredText() {
        assertThatThrownBy(() -> org.mianzheng.store.jdbc.internal.Json.list("[\"SFZ\", 11010519491231002X]"))
                .isInstanceOf(org.mianzheng.api.StoreException.class).hasMessageContaining("line 1")
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain("11010519491231002X").doesNotContain("SFZ");
                    assertThat(e.getCause()).isNull();
                });
    }
}
