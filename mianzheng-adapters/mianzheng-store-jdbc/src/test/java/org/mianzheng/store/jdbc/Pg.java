package org.mianzheng.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * One embedded PostgreSQL for the whole test JVM (started on first use, stopped at exit), and fresh schemas on it so
 * that each test starts empty. Pools are H2's {@link JdbcConnectionPool} over the PostgreSQL driver's
 * {@link PGConnectionPoolDataSource} (any pool would do).
 */
public final class Pg {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private Pg() {
    }

    /** @return the running server */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres s = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // exiting anyway
                }
            }));
        }
        return server;
    }

    /**
     * @param maxConnections pool size
     * @return a pool on a new, empty schema
     */
    public static JdbcConnectionPool freshSchema(int maxConnections) {
        String schema = "t" + SCHEMAS.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema, e);
        }
        return pool(schema, maxConnections);
    }

    /**
     * @param schema         an existing schema
     * @param maxConnections pool size
     * @return a pool whose connections use that schema
     */
    public static JdbcConnectionPool pool(String schema, int maxConnections) {
        return pool(schema, maxConnections, null);
    }

    /**
     * @param schema         an existing schema
     * @param maxConnections pool size
     * @param options        server options for each connection ({@code -c name=value ...}), or {@code null}
     * @return a pool whose connections use that schema
     */
    public static JdbcConnectionPool pool(String schema, int maxConnections, String options) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        if (options != null) {
            ds.setOptions(options);
        }
        ds.setServerNames(new String[] {"localhost"});
        ds.setPortNumbers(new int[] {server().getPort()});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setCurrentSchema(schema);
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(maxConnections);
        return pool;
    }

    /**
     * @param ds a data source on the embedded server
     * @return the schema its connections use
     */
    public static String schemaOf(javax.sql.DataSource ds) {
        try (Connection c = ds.getConnection()) {
            return c.getSchema();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the current schema", e);
        }
    }

    /**
     * Waits, up to 30 s, until at least {@code n} lock requests of a type are waiting on the server (another session
     * holds what they ask for), so that a test can release it only once they all wait.
     *
     * @param s        a statement on the server
     * @param locktype {@code pg_locks.locktype}, e.g. {@code advisory} or {@code transactionid}
     * @param n        the requests to wait for
     * @return the requests waiting when it stopped
     * @throws java.sql.SQLException if {@code pg_locks} cannot be read
     */
    static int awaitWaiting(Statement s, String locktype, int n) throws java.sql.SQLException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        int waiting;
        while ((waiting = waiting(s, locktype)) < n && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        return waiting;
    }

    private static int waiting(Statement s, String locktype) throws java.sql.SQLException {
        try (java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM pg_locks WHERE locktype = '" + locktype + "' AND NOT granted")) {
            r.next();
            return r.getInt(1);
        }
    }
}
