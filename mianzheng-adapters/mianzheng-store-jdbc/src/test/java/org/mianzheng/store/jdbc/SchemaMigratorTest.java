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
            assertThat(s.schemaVersion()).isEqualTo(1);
            assertThat(s.dialect()).isEqualTo(Dialect.H2);
            assertThat(Dialect.of(s.dataSource())).isEqualTo(Dialect.H2);
        }
        try (JdbcStores s = JdbcStores.h2(dir)) {
            assertThat(SchemaMigrator.run(s.dataSource(), Dialect.H2, SchemaMigrator.Mode.MIGRATE)).as("idempotent").isEqualTo(1);
            assertThat(SchemaMigrator.run(s.dataSource(), Dialect.H2, SchemaMigrator.Mode.VALIDATE)).isEqualTo(1);
            sql(s.dataSource(), "INSERT INTO mz_schema_version (version, description) VALUES (2, 'from the future')");
        }
        assertThatThrownBy(() -> JdbcStores.h2(dir)).isInstanceOf(StoreException.class).hasMessageContaining("newer than this library");
    }

    @Test
    void validateOnlyChecksAndNamesTheMissingScripts() throws Exception {
        JdbcConnectionPool pool = Pg.freshSchema(4);
        try {
            assertThatThrownBy(() -> JdbcStores.postgres(pool, SchemaMigrator.Mode.VALIDATE)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("V1__init.sql");
            // the host runs the script with its own tool: one transaction, as psql -1 would
            try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                for (String stmt : SchemaMigrator.statements(SchemaMigrator.load(Dialect.POSTGRESQL, "V1__init.sql"))) {
                    st.execute(stmt);
                }
                c.commit();
            }
            assertThat(JdbcStores.postgres(pool, SchemaMigrator.Mode.VALIDATE).schemaVersion()).isEqualTo(1);
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
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 var r = s.executeQuery("SELECT COUNT(*) FROM mz_schema_version")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(1);
            }
        } finally {
            ex.shutdownNow();
            pool.dispose();
        }
    }

    @Test
    void scriptsSplitIntoStatements() {
        assertThat(SchemaMigrator.statements("-- c\nCREATE TABLE a (x INT);\n\nINSERT INTO a\n  VALUES (1);\n")).containsExactly("CREATE TABLE a (x INT)",
                "INSERT INTO a\n  VALUES (1)");
        assertThatThrownBy(() -> SchemaMigrator.statements("SELECT 1")).isInstanceOf(StoreException.class);
        for (Dialect d : Dialect.values()) {
            assertThat(SchemaMigrator.statements(SchemaMigrator.load(d, "V1__init.sql"))).hasSizeGreaterThan(10);
        }
    }
}
