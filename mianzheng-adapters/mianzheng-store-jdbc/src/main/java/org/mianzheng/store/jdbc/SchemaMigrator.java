package org.mianzheng.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.mianzheng.api.StoreException;
import org.mianzheng.store.jdbc.internal.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in schema runner: applies the versioned schema files ({@code V1__init.sql}, ...) of a dialect that the
 * database does not have yet, each in one transaction, and checks the version. H2 commits each {@code CREATE} on its
 * own: there, the tables a script created before it failed are dropped again, so that a later start can apply it.
 *
 * <p>Every script records itself in {@code mz_schema_version}, whichever tool runs it; so a host that runs the
 * scripts with its own migration tool (Flyway, Liquibase, psql) opens the stores with {@link Mode#VALIDATE} and the
 * library still checks the version at start. Idempotent: running it on an up-to-date database changes nothing. It
 * refuses a database whose schema is newer than this library knows (an older library must not write to it). On
 * PostgreSQL concurrent runners (several nodes starting at once) are serialised by an advisory transaction lock.
 */
public final class SchemaMigrator {
    /** What to do at start. */
    public enum Mode {
        /** Apply missing scripts, then check (the default). */
        MIGRATE,
        /** Only check that the schema is exactly the version this library knows (the host migrates). */
        VALIDATE
    }

    /** The schema files this library knows, in order: version {@code i + 1} is {@code SCRIPTS.get(i)}. */
    public static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__vouchers_complaints_reviews.sql");
    /** The schema version this library writes. */
    public static final int CURRENT_VERSION = SCRIPTS.size();

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);
    static final long ADVISORY_LOCK_KEY = 0x6d69616e7a68656eL; // "mianzhen"
    private static final Object H2_LOCK = new Object();

    private SchemaMigrator() {
    }

    /**
     * @param ds      the database
     * @param dialect its dialect
     * @param mode    migrate or only validate
     * @return the schema version found (after migrating)
     * @throws StoreException if the schema is newer than this library, older (in {@link Mode#VALIDATE}), or a script fails
     */
    public static int run(DataSource ds, Dialect dialect, Mode mode) {
        if (mode == Mode.VALIDATE) {
            int v = Sql.read(ds, "schema check", SchemaMigrator::installedVersion);
            check(v);
            return v;
        }
        if (dialect == Dialect.H2) {
            synchronized (H2_LOCK) { // H2: one process owns the file
                return migrate(ds, dialect);
            }
        }
        return migrate(ds, dialect); // PostgreSQL: the advisory lock serialises nodes
    }

    private static int migrate(DataSource ds, Dialect dialect) {
        int v = Sql.read(ds, "schema check", SchemaMigrator::installedVersion);
        if (v > CURRENT_VERSION) {
            check(v);
        }
        for (int next = v + 1; next <= CURRENT_VERSION; next++) {
            int version = next;
            String script = load(dialect, SCRIPTS.get(version - 1));
            // H2 commits each CREATE on its own: what a failed script created is dropped again, so that a later start
            // can apply it from the beginning (PostgreSQL rolls its DDL back with the transaction)
            Set<String> before = dialect == Dialect.H2 ? Sql.read(ds, "schema check", SchemaMigrator::ownTables) : null;
            boolean applied;
            try {
                applied = apply(ds, dialect, version, script);
            } catch (StoreException e) {
                if (before != null) {
                    dropCreatedSince(ds, before, e);
                }
                throw e;
            }
            if (applied) {
                LOG.info("schema: applied {} ({})", SCRIPTS.get(version - 1), dialect);
            }
        }
        int after = Sql.read(ds, "schema check", SchemaMigrator::installedVersion);
        check(after);
        return after;
    }

    private static boolean apply(DataSource ds, Dialect dialect, int version, String script) {
        return Sql.tx(ds, "schema migration to version " + version, c -> {
                if (dialect == Dialect.POSTGRESQL) {
                    try (Statement s = c.createStatement()) {
                        // first, whatever the pool's default: under REPEATABLE READ or SERIALIZABLE the lock's statement
                        // would fix the snapshot before waiting, and the version read after it would miss the node that
                        // held the lock; READ COMMITTED reads it fresh
                        s.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
                        s.execute("SELECT pg_advisory_xact_lock(" + ADVISORY_LOCK_KEY + ")");
                    }
                }
                if (installedVersion(c) >= version) {
                    return false; // another node applied it while we waited
                }
                try (Statement s = c.createStatement()) {
                    for (String stmt : statements(script)) {
                        s.execute(stmt);
                    }
                }
                return true;
            });
    }

    /** @return the library's tables ({@code mz_...}) in the connection's schema, by the names the database gives them */
    private static Set<String> ownTables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), null, new String[] {"TABLE"})) {
            while (r.next()) {
                String name = r.getString("TABLE_NAME");
                if (name.toLowerCase(Locale.ROOT).startsWith("mz_")) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    private static void dropCreatedSince(DataSource ds, Set<String> before, StoreException failure) {
        try {
            Sql.read(ds, "undoing a failed schema migration", c -> {
                Set<String> created = ownTables(c);
                created.removeAll(before);
                try (Statement st = c.createStatement()) {
                    for (String table : created) {
                        st.execute("DROP TABLE IF EXISTS \"" + table.replace("\"", "\"\"") + "\" CASCADE");
                    }
                }
                if (!created.isEmpty()) {
                    LOG.warn("schema: the failed migration's tables were dropped again: {}", created);
                }
                return null;
            });
        } catch (StoreException undo) {
            failure.addSuppressed(undo);
        }
    }

    private static void check(int v) {
        if (v > CURRENT_VERSION) {
            throw new StoreException("the database schema is version " + v + ", newer than this library knows (" + CURRENT_VERSION
                    + "): upgrade mianzheng-store-jdbc before using this database");
        }
        if (v < CURRENT_VERSION) {
            throw new StoreException("the database schema is version " + v + " but this library needs " + CURRENT_VERSION + ": run "
                    + String.join(", ", SCRIPTS.subList(v, CURRENT_VERSION)) + " (or open the stores with Mode.MIGRATE)");
        }
    }

    /**
     * @param c a connection
     * @return the highest version recorded, 0 if there is no version table
     * @throws SQLException on failure
     */
    static int installedVersion(Connection c) throws SQLException {
        if (!tableExists(c, "mz_schema_version")) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT MAX(version) FROM mz_schema_version")) {
            r.next();
            return r.getInt(1);
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet r = md.getTables(c.getCatalog(), null, name, new String[] {"TABLE"})) {
                while (r.next()) {
                    String schema = r.getString("TABLE_SCHEM");
                    if (schema == null || schema.equalsIgnoreCase(c.getSchema())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param dialect dialect
     * @param name    script file name
     * @return its text
     */
    public static String load(Dialect dialect, String name) {
        String path = "/" + dialect.schemaFolder() + "/" + name;
        try (InputStream in = SchemaMigrator.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new StoreException("schema file " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("schema file " + path + " could not be read", e);
        }
    }

    /**
     * Splits a script into statements: {@code --} comment lines are dropped, a statement ends with {@code ;} at the
     * end of a line. (The scripts have no semicolons inside literals.)
     *
     * @param script the script
     * @return its statements
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            cur.append(line).append('\n');
            if (t.endsWith(";")) {
                String stmt = cur.toString().strip();
                out.add(stmt.substring(0, stmt.length() - 1));
                cur.setLength(0);
            }
        }
        if (!cur.toString().isBlank()) {
            throw new StoreException("schema script ends without ';'");
        }
        return out;
    }
}
