package org.mianzheng.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Databases for the durable-store benchmarks: an H2 file database in a temporary directory, and an embedded
 * PostgreSQL 14 with {@code synchronous_commit=on} (every commit waits for its WAL flush, as in production).
 */
final class BenchDatabases {
    private static EmbeddedPostgres postgres;
    private static int schemas;

    private BenchDatabases() {
    }

    /** @return a fresh directory for an H2 database */
    static Path h2Dir() {
        try {
            return Files.createTempDirectory("mz-bench-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param maxConnections pool size
     * @return a pool on a fresh schema of the embedded PostgreSQL
     */
    static synchronized JdbcConnectionPool postgres(int maxConnections) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on").setServerConfig("max_connections", "300").start();
            }
            String schema = "b" + (++schemas);
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
            ds.setServerNames(new String[] {"localhost"});
            ds.setPortNumbers(new int[] {postgres.getPort()});
            ds.setDatabaseName("postgres");
            ds.setUser("postgres");
            ds.setCurrentSchema(schema);
            JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
            pool.setMaxConnections(maxConnections);
            return pool;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the embedded PostgreSQL. */
    static synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the fork ends anyway
            }
            postgres = null;
        }
    }
}
