package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.mianzheng.api.StoreException;

/**
 * The SQL dialects the stores speak, where H2 and PostgreSQL differ: schema files, claiming due actions
 * ({@code FOR UPDATE SKIP LOCKED} on PostgreSQL; on H2, which one process owns, claims are serialised in that process)
 * and insert-if-absent.
 */
public enum Dialect {
    /** H2 2.x, embedded (one process owns the database file). */
    H2("h2"),
    /** PostgreSQL 12 or later; several processes may share the database. */
    POSTGRESQL("postgresql");

    private final String folder;

    Dialect(String folder) {
        this.folder = folder;
    }

    /** @return the resource folder of this dialect's schema files, e.g. {@code org/mianzheng/store/jdbc/postgresql} */
    public String schemaFolder() {
        return "org/mianzheng/store/jdbc/" + folder;
    }

    /** @return the lock clause for claiming rows that other transactions hold ({@code SKIP LOCKED} where supported) */
    String claimLock() {
        return this == POSTGRESQL ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE";
    }

    /**
     * @param ds a data source
     * @return its dialect, from the database product name
     * @throws StoreException if the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String name = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (name.contains("h2")) {
                return H2;
            }
            if (name.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new StoreException("unsupported database: " + c.getMetaData().getDatabaseProductName() + " (H2 or PostgreSQL)");
        } catch (SQLException e) {
            throw new StoreException("could not connect to detect the database (SQL state " + e.getSQLState() + ")", e);
        }
    }
}
