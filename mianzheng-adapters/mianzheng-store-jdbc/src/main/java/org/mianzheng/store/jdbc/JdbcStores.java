package org.mianzheng.store.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.Objects;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mianzheng.api.InvalidValueException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.api.spi.ConsentStore;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.api.spi.ViolationReviewStore;
import org.mianzheng.api.spi.ViolationStore;
import org.mianzheng.api.spi.VoucherRegistry;
import org.mianzheng.api.spi.VoucherSequence;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.core.Mianzheng;

/**
 * Every store of the engine on one JDBC database: embedded H2 ({@link #h2(Path)}) for a single instance with no set-up,
 * or PostgreSQL ({@link #postgres(DataSource)}) for several instances sharing one database.
 *
 * <pre>{@code
 * try (JdbcStores stores = JdbcStores.h2(Path.of("/var/lib/approval/mianzheng"));
 *      Mianzheng mz = stores.applyTo(Mianzheng.builder()).auditSubjectKey(key).build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Opening applies the schema files the database lacks ({@link SchemaMigrator.Mode#MIGRATE}) or, if the host runs
 * them with its own tool, only checks the version ({@link SchemaMigrator.Mode#VALIDATE}). {@link #close()} closes the
 * connection pool this class created (H2); a host's DataSource is the host's to close. Thread-safe.
 */
public final class JdbcStores implements AutoCloseable {
    /** File name (without extension) of the H2 database in its directory. */
    public static final String H2_FILE = "mianzheng";
    /** Default maximum connections of the H2 pool. */
    public static final int H2_MAX_CONNECTIONS = 16;

    private final DataSource ds;
    private final Dialect dialect;
    private final JdbcConnectionPool ownPool;
    private final int schemaVersion;
    private final JdbcCatalogStore catalog;
    private final JdbcCaseStore cases;
    private final JdbcAuditStore audit;
    private final JdbcOperatorStore operators;
    private final JdbcConsentStore consents;
    private final JdbcViolationStore violations;
    private final JdbcWorkOrderStore workOrders;
    private final JdbcComplaintStore complaints;
    private final JdbcViolationReviewStore reviews;
    private final JdbcVoucherSequence voucherSequence;
    private final JdbcVoucherRegistry voucherRegistry;

    private JdbcStores(DataSource ds, Dialect dialect, SchemaMigrator.Mode mode, JdbcConnectionPool ownPool) {
        this.ds = ds;
        this.dialect = dialect;
        this.ownPool = ownPool;
        try {
            this.schemaVersion = SchemaMigrator.run(ds, dialect, mode);
        } catch (RuntimeException e) {
            if (ownPool != null) {
                ownPool.dispose();
            }
            throw e;
        }
        this.catalog = new JdbcCatalogStore(ds);
        this.cases = new JdbcCaseStore(ds);
        this.audit = new JdbcAuditStore(ds, dialect == Dialect.POSTGRESQL || h2Server(ds));
        this.operators = new JdbcOperatorStore(ds);
        this.consents = new JdbcConsentStore(ds);
        this.violations = new JdbcViolationStore(ds);
        this.workOrders = new JdbcWorkOrderStore(ds, dialect);
        this.complaints = new JdbcComplaintStore(ds);
        this.reviews = new JdbcViolationReviewStore(ds);
        this.voucherSequence = new JdbcVoucherSequence(ds);
        this.voucherRegistry = new JdbcVoucherRegistry(ds);
    }

    /**
     * @return whether an H2 database is reached through a TCP server, so that other processes may reach it too (also
     *         when its URL cannot be read: following costs little, missing another engine's revocation does not). An
     *         embedded file opened with {@code AUTO_SERVER=TRUE} cannot be told from the connection: engines sharing one
     *         that way set {@code Mianzheng.Builder.followChanges} themselves.
     */
    static boolean h2Server(DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            String url = c.getMetaData().getURL().toLowerCase(java.util.Locale.ROOT);
            return url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
        } catch (java.sql.SQLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Opens (creating if needed) the embedded H2 database {@value #H2_FILE}{@code .mv.db} in {@code dir}, with a pool
     * of {@value #H2_MAX_CONNECTIONS} connections, and applies the schema. One process at a time may open a directory.
     *
     * @param dir the directory (created if missing)
     * @return the stores
     * @throws StoreException if the database cannot be opened or its schema is newer than this library
     */
    public static JdbcStores h2(Path dir) {
        return h2(dir, H2_MAX_CONNECTIONS);
    }

    /**
     * @param dir            the directory (created if missing)
     * @param maxConnections pool size
     * @return the stores
     */
    public static JdbcStores h2(Path dir, int maxConnections) {
        Objects.requireNonNull(dir, "dir");
        if (maxConnections < 1) {
            throw new InvalidValueException("maxConnections", "at least 1");
        }
        String url = h2Url(dir); // refused before anything is created
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the database directory", e);
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        pool.setMaxConnections(maxConnections);
        return new JdbcStores(pool, Dialect.H2, SchemaMigrator.Mode.MIGRATE, pool);
    }

    /**
     * The JDBC URL of the embedded database in {@code dir}: every commit is written to the file before it returns
     * ({@code WRITE_DELAY=0}), so a process crash loses no acknowledged write; lock waits up to 10 s.
     *
     * @param dir the directory
     * @return the URL
     * @throws org.mianzheng.api.InvalidValueException if the directory's path holds a {@code ;}, which H2 would read as
     *                                                 the start of its settings
     */
    public static String h2Url(Path dir) {
        String file = dir.toAbsolutePath().resolve(H2_FILE).toString();
        if (file.indexOf(';') >= 0) { // H2 reads what follows a ';' in its URL as settings (INIT=RUNSCRIPT ... among them)
            throw new org.mianzheng.api.InvalidValueException("dir", "an H2 database directory must not contain ';'");
        }
        return "jdbc:h2:file:" + file + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
    }

    /**
     * Stores on a PostgreSQL database the host configured (pool, credentials, TLS); applies missing schema files.
     *
     * @param ds the host's data source
     * @return the stores
     * @throws StoreException if the database cannot be reached or its schema is newer than this library
     */
    public static JdbcStores postgres(DataSource ds) {
        return postgres(ds, SchemaMigrator.Mode.MIGRATE);
    }

    /**
     * @param ds   the host's data source
     * @param mode {@link SchemaMigrator.Mode#VALIDATE} when the host runs the schema files with its own tool
     * @return the stores
     */
    public static JdbcStores postgres(DataSource ds, SchemaMigrator.Mode mode) {
        return of(ds, Dialect.POSTGRESQL, mode);
    }

    /**
     * @param ds      a data source (its pool and life belong to the caller)
     * @param dialect its dialect ({@link Dialect#of(DataSource)} detects it)
     * @param mode    migrate or validate
     * @return the stores
     */
    public static JdbcStores of(DataSource ds, Dialect dialect, SchemaMigrator.Mode mode) {
        return new JdbcStores(Objects.requireNonNull(ds, "ds"), Objects.requireNonNull(dialect, "dialect"), Objects.requireNonNull(mode, "mode"),
                null);
    }

    /**
     * Registers every store on the builder (each builder setter is set once, as usual: a builder that has a store set
     * already fails). The voucher stores are not engine stores: pass {@link #voucherSequence()} and
     * {@link #voucherRegistry()} to the receipt service ({@code ReceiptService.builder()} of {@code mianzheng-seal}).
     *
     * @param builder an engine builder
     * @return the builder
     */
    public Mianzheng.Builder applyTo(Mianzheng.Builder builder) {
        return builder.catalogStore(catalog).caseStore(cases).auditStore(audit).operatorStore(operators).consentStore(consents)
                .violationStore(violations).workOrderStore(workOrders).complaintStore(complaints).violationReviewStore(reviews);
    }

    /** @return catalog filings */
    public CatalogStore catalogStore() {
        return catalog;
    }

    /** @return cases and voluntary submissions */
    public CaseStore caseStore() {
        return cases;
    }

    /** @return the audit chain */
    public AuditStore auditStore() {
        return audit;
    }

    /** @return operators, account events and liaisons */
    public OperatorStore operatorStore() {
        return operators;
    }

    /** @return consents */
    public ConsentStore consentStore() {
        return consents;
    }

    /** @return violations */
    public ViolationStore violationStore() {
        return violations;
    }

    /** @return work orders, their schedule and the outbox */
    public WorkOrderStore workOrderStore() {
        return workOrders;
    }

    /** @return complaints (Art. 21) */
    public ComplaintStore complaintStore() {
        return complaints;
    }

    /** @return violation reviews (Art. 11, 12) */
    public ViolationReviewStore violationReviewStore() {
        return reviews;
    }

    /** @return voucher sequence numbers, unique across every node on this database (for the receipt service) */
    public VoucherSequence voucherSequence() {
        return voucherSequence;
    }

    /** @return the registry of issued vouchers (for the receipt service) */
    public VoucherRegistry voucherRegistry() {
        return voucherRegistry;
    }

    /** @return the data source */
    public DataSource dataSource() {
        return ds;
    }

    /** @return the dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the schema version of the database */
    public int schemaVersion() {
        return schemaVersion;
    }

    /** Closes the H2 pool (and so the embedded database) if this object created it; idempotent. */
    @Override
    public void close() {
        if (ownPool != null) {
            ownPool.dispose();
        }
    }
}
