package org.mianzheng.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mianzheng.api.StoreException;

/** The built-in schema runner on both dialects. */
class SchemaMigratorTest {
    @TempDir
    Path dir;

    static void sql(DataSource ds, String statement) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void h2IsMigratedOnceAndANewerSchemaIsRefused() throws Exception {
        try (JdbcStores s = JdbcStores.h2(dir)) {
            assertThat(s.schemaVersion()).isEqualTo(2);
            assertThat(s.dialect()).isEqualTo(Dialect.H2);
            assertThat(Dialect.of(s.dataSource())).isEqualTo(Dialect.H2);
        }
        try (JdbcStores s = JdbcStores.h2(dir)) {
            assertThat(SchemaMigrator.run(s.dataSource(), Dialect.H2, SchemaMigrator.Mode.MIGRATE)).as("idempotent").isEqualTo(2);
            assertThat(SchemaMigrator.run(s.dataSource(), Dialect.H2, SchemaMigrator.Mode.VALIDATE)).isEqualTo(2);
            sql(s.dataSource(), "INSERT INTO mz_schema_version (version, description) VALUES (3, 'from the future')");
        }
        assertThatThrownBy(() -> JdbcStores.h2(dir)).isInstanceOf(StoreException.class).hasMessageContaining("newer than this library");
    }

    /** H2 commits each CREATE at once: a script that fails halfway must not leave its first tables to block the next start. */
    @Test
    void onH2AScriptThatFailsHalfwayLeavesNoTablesAndRunsWhenTheCauseIsGone() throws Exception {
        Path d = dir.resolve("half");
        JdbcConnectionPool pool = JdbcConnectionPool.create(JdbcStores.h2Url(d), "sa", "");
        try {
            sql(pool, "CREATE TABLE mz_notification (clash INT)"); // the last table V1 creates: the script fails there
            assertThatThrownBy(() -> SchemaMigrator.run(pool, Dialect.H2, SchemaMigrator.Mode.MIGRATE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("schema migration to version 1");
            try (Connection c = pool.getConnection();
                 java.sql.ResultSet r = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) LIKE 'mz\\_%' ESCAPE '\\'")) {
                r.next();
                assertThat(r.getInt(1)).as("only the table that was there before").isEqualTo(1);
            }
            sql(pool, "DROP TABLE mz_notification");
            assertThat(SchemaMigrator.run(pool, Dialect.H2, SchemaMigrator.Mode.MIGRATE)).isEqualTo(SchemaMigrator.CURRENT_VERSION);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void validateOnlyChecksAndNamesTheMissingScripts() throws Exception {
        JdbcConnectionPool pool = Pg.freshSchema(4);
        try {
            assertThatThrownBy(() -> JdbcStores.postgres(pool, SchemaMigrator.Mode.VALIDATE)).isInstanceOf(StoreException.class)
                        .hasMessageContaining("V1__init.sql, V2__vouchers_complaints_reviews.sql");
            // the host runs the script with its own tool: one transaction, as psql -1 would
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String script : SchemaMigrator.SCRIPTS) {
                    for (String stmt : SchemaMigrator.statements(SchemaMigrator.load(Dialect.POSTGRESQL, script))) {
                        st.execute(stmt);
                    }
                }
                c.commit();
            }
            assertThat(JdbcStores.postgres(pool, SchemaMigrator.Mode.VALIDATE).schemaVersion()).isEqualTo(2);
            assertThat(Dialect.of(pool)).isEqualTo(Dialect.POSTGRESQL);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void nodesStartingTogetherMigrateOnce() throws Exception {
        JdbcConnectionPool pool = Pg.freshSchema(8);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                // separate class loaders are not needed: the advisory lock serialises the transactions
                fs.add(ex.submit(() -> JdbcStores.postgres(pool).schemaVersion()));
            }
            for (Future<Integer> f : fs) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 var r = s.executeQuery("SELECT COUNT(*) FROM mz_schema_version")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2);
            }
        } finally {
            ex.shutdownNow();
            pool.dispose();
        }
    }

    /**
     * Nodes whose pools default to SERIALIZABLE, all waiting for the migration lock while another holds it: each reads
     * the version after the lock, so only the first migrates and the others find the schema in place.
     */
    @Test
    void nodesWaitingForTheLockUnderSerializableMigrateOnce() throws Exception {
        JdbcConnectionPool first = Pg.freshSchema(2);
        String schema = Pg.schemaOf(first);
        first.dispose();
        List<JdbcConnectionPool> pools = new ArrayList<>();
        ExecutorService ex = Executors.newFixedThreadPool(3);
        JdbcConnectionPool holderPool = Pg.pool(schema, 1);
        pools.add(holderPool);
        try (Connection holder = holderPool.getConnection(); Statement hs = holder.createStatement()) {
            hs.execute("SELECT pg_advisory_lock(" + SchemaMigrator.ADVISORY_LOCK_KEY + ")"); // held until the nodes wait for it
            List<Future<Integer>> fs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                JdbcConnectionPool p = Pg.pool(schema, 4, "-c default_transaction_isolation=serializable");
                pools.add(p);
                fs.add(ex.submit(() -> JdbcStores.postgres(p).schemaVersion()));
            }
            // all three in their migration transaction, at the lock
            assertThat(Pg.awaitWaiting(hs, "advisory", 3)).as("nodes waiting for the migration lock").isEqualTo(3);
            hs.execute("SELECT pg_advisory_unlock(" + SchemaMigrator.ADVISORY_LOCK_KEY + ")");
            for (Future<Integer> f : fs) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(2);
            }
            try (var r = hs.executeQuery("SELECT COUNT(*) FROM mz_schema_version")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2);
            }
        } finally {
            ex.shutdownNow();
            pools.forEach(JdbcConnectionPool::dispose);
        }
    }

    @Test
    void scriptsSplitIntoStatements() {
        assertThat(SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n  VALUES (1);\n")).containsExactly("CREATE TABLE a (x INT)",
                "INSERT INTO a\n  VALUES (1)");
        assertThatThrownBy(() -> SchemaMigrator.statements("SELECT 1")).isInstanceOf(StoreException.class);
        for (Dialect d : Dialect.values()) {
            assertThat(SchemaMigrator.statements(SchemaMigrator.load(d, "V1__init.sql"))).hasSizeGreaterThan(10);
            assertThat(SchemaMigrator.statements(SchemaMigrator.load(d, "V2__vouchers_complaints_reviews.sql"))).hasSize(6);
        }
    }

    /** Brings a database to version 1 only, as an older library left it, with a row in a version-1 table. */
    static void atVersion1(DataSource ds, Dialect dialect) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            for (String stmt : SchemaMigrator.statements(SchemaMigrator.load(dialect, "V1__init.sql"))) {
                st.execute(stmt);
            }
            st.execute("INSERT INTO mz_liaison (department_code, operator_id) VALUES ('ZWFWJ', 'clerk1')");
            c.commit();
        }
    }

    static void upgradedFromVersion1(JdbcStores s) {
        assertThat(s.schemaVersion()).isEqualTo(2);
        assertThat(s.operatorStore().liaison("ZWFWJ")).as("version-1 data survives").contains("clerk1");
        assertThat(s.voucherSequence().next("WH", java.time.LocalDate.of(2026, 3, 2))).isEqualTo(1);
        assertThat(s.violationReviewStore().all()).isEmpty();
        assertThat(s.complaintStore().find("K1")).isEmpty();
    }

    @Test
    void h2AtVersion1IsUpgradedToVersion2() throws Exception {
        JdbcConnectionPool pool = JdbcConnectionPool.create(JdbcStores.h2Url(dir), "sa", "");
        try {
            atVersion1(pool, Dialect.H2);
            assertThatThrownBy(() -> JdbcStores.of(pool, Dialect.H2, SchemaMigrator.Mode.VALIDATE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("version 1").hasMessageContaining("V2__vouchers_complaints_reviews.sql");
        } finally {
            pool.dispose();
        }
        try (JdbcStores s = JdbcStores.h2(dir)) {
            upgradedFromVersion1(s);
        }
    }

    @Test
    void postgresAtVersion1IsUpgradedToVersion2() throws Exception {
        JdbcConnectionPool pool = Pg.freshSchema(4);
        try {
            atVersion1(pool, Dialect.POSTGRESQL);
            upgradedFromVersion1(JdbcStores.postgres(pool));
            try (Connection c = pool.getConnection(); Statement st = c.createStatement();
                 var r = st.executeQuery("SELECT version FROM mz_schema_version ORDER BY version")) {
                assertThat(r.next() && r.getInt(1) == 1 && r.next() && r.getInt(1) == 2 && !r.next()).isTrue();
            }
        } finally {
            pool.dispose();
        }
    }
}
