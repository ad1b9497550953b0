package org.mianzheng.store.jdbc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
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
import org.mianzheng.tck.AuditStoreContractKit;
import org.mianzheng.tck.CaseStoreContractKit;
import org.mianzheng.tck.CatalogStoreContractKit;
import org.mianzheng.tck.ComplaintStoreContractKit;
import org.mianzheng.tck.ConsentStoreContractKit;
import org.mianzheng.tck.OperatorStoreContractKit;
import org.mianzheng.tck.ViolationReviewStoreContractKit;
import org.mianzheng.tck.ViolationStoreContractKit;
import org.mianzheng.tck.VoucherRegistryContractKit;
import org.mianzheng.tck.VoucherSequenceContractKit;
import org.mianzheng.tck.WorkOrderStoreContractKit;

/** The contract kits against the JDBC stores on an H2 file database and on PostgreSQL, a fresh database per test. */
class JdbcStoresContractTest {
    static final List<AutoCloseable> OPEN = new ArrayList<>();

    @TempDir
    static Path dirs;
    static int n;

    static JdbcStores h2() {
        JdbcStores s = JdbcStores.h2(dirs.resolve("db" + (++n)));
        OPEN.add(s);
        return s;
    }

    static JdbcStores pg() {
        JdbcConnectionPool pool = Pg.freshSchema(8);
        OPEN.add(pool::dispose);
        return JdbcStores.postgres(pool);
    }

    /** Server option of the pools whose transactions default to SERIALIZABLE. */
    static final String SERIALIZABLE = "-c default_transaction_isolation=serializable";

    /** @return stores on a new schema whose pool's transactions default to SERIALIZABLE */
    static JdbcStores serializablePg() {
        JdbcConnectionPool fresh = Pg.freshSchema(1);
        String schema = Pg.schemaOf(fresh);
        fresh.dispose();
        JdbcConnectionPool pool = Pg.pool(schema, 8, SERIALIZABLE);
        OPEN.add(pool::dispose);
        return JdbcStores.postgres(pool);
    }

    /**
     * @param first stores opened by {@link #h2()} or {@link #pg()}
     * @return a second node on the same database: its own stores (and, on PostgreSQL, its own pool)
     */
    static JdbcStores secondNode(JdbcStores first) {
        if (first.dialect() == Dialect.H2) {
            return JdbcStores.of(first.dataSource(), Dialect.H2, SchemaMigrator.Mode.VALIDATE);
        }
        JdbcConnectionPool pool = Pg.pool(Pg.schemaOf(first.dataSource()), 8, serializable(first) ? SERIALIZABLE : null);
        OPEN.add(pool::dispose);
        return JdbcStores.postgres(pool);
    }

    private static boolean serializable(JdbcStores stores) {
        try (java.sql.Connection c = stores.dataSource().getConnection()) {
            return c.getTransactionIsolation() == java.sql.Connection.TRANSACTION_SERIALIZABLE;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not read the isolation level", e);
        }
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
        OPEN.clear();
    }

    @Nested
    class H2Audit extends AuditStoreContractKit {
        private JdbcStores first;

        @Override
        protected AuditStore newStore() {
            first = h2();
            return first.auditStore();
        }

        @Override
        protected AuditStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).auditStore();
        }
    }

    @Nested
    class H2Catalog extends CatalogStoreContractKit {
        @Override
        protected CatalogStore newStore() {
            return h2().catalogStore();
        }
    }

    @Nested
    class H2Cases extends CaseStoreContractKit {
        private JdbcStores first;

        @Override
        protected CaseStore newStore() {
            first = h2();
            return first.caseStore();
        }

        @Override
        protected CaseStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).caseStore();
        }
    }

    @Nested
    class H2Consents extends ConsentStoreContractKit {
        @Override
        protected ConsentStore newStore() {
            return h2().consentStore();
        }
    }

    @Nested
    class H2Operators extends OperatorStoreContractKit {
        @Override
        protected OperatorStore newStore() {
            return h2().operatorStore();
        }
    }

    @Nested
    class H2Violations extends ViolationStoreContractKit {
        @Override
        protected ViolationStore newStore() {
            return h2().violationStore();
        }
    }

    @Nested
    class H2WorkOrders extends WorkOrderStoreContractKit {
        private JdbcStores first;

        @Override
        protected WorkOrderStore newStore() {
            first = h2();
            return first.workOrderStore();
        }

        @Override
        protected WorkOrderStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).workOrderStore();
        }
    }

    @Nested
    class PgAudit extends AuditStoreContractKit {
        private JdbcStores first;

        @Override
        protected AuditStore newStore() {
            first = pg();
            return first.auditStore();
        }

        @Override
        protected AuditStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).auditStore();
        }
    }

    @Nested
    class PgCatalog extends CatalogStoreContractKit {
        @Override
        protected CatalogStore newStore() {
            return pg().catalogStore();
        }
    }

    @Nested
    class PgCases extends CaseStoreContractKit {
        private JdbcStores first;

        @Override
        protected CaseStore newStore() {
            first = pg();
            return first.caseStore();
        }

        @Override
        protected CaseStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).caseStore();
        }
    }

    @Nested
    class PgConsents extends ConsentStoreContractKit {
        @Override
        protected ConsentStore newStore() {
            return pg().consentStore();
        }
    }

    @Nested
    class PgOperators extends OperatorStoreContractKit {
        @Override
        protected OperatorStore newStore() {
            return pg().operatorStore();
        }
    }

    @Nested
    class PgViolations extends ViolationStoreContractKit {
        @Override
        protected ViolationStore newStore() {
            return pg().violationStore();
        }
    }

    @Nested
    class PgWorkOrders extends WorkOrderStoreContractKit {
        private JdbcStores first;

        @Override
        protected WorkOrderStore newStore() {
            first = pg();
            return first.workOrderStore();
        }

        @Override
        protected WorkOrderStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).workOrderStore();
        }
    }

    /**
     * The stores on a pool whose transactions default to SERIALIZABLE: the kits' races across two nodes make the
     * database roll transactions back as serialization failures, which the stores run again.
     */
    @Nested
    class SerializablePgAudit extends AuditStoreContractKit {
        private JdbcStores first;

        @Override
        protected AuditStore newStore() {
            first = serializablePg();
            return first.auditStore();
        }

        @Override
        protected AuditStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).auditStore();
        }
    }

    @Nested
    class SerializablePgCases extends CaseStoreContractKit {
        private JdbcStores first;

        @Override
        protected CaseStore newStore() {
            first = serializablePg();
            return first.caseStore();
        }

        @Override
        protected CaseStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).caseStore();
        }
    }

    @Nested
    class SerializablePgWorkOrders extends WorkOrderStoreContractKit {
        private JdbcStores first;

        @Override
        protected WorkOrderStore newStore() {
            first = serializablePg();
            return first.workOrderStore();
        }

        @Override
        protected WorkOrderStore secondNode() {
            return JdbcStoresContractTest.secondNode(first).workOrderStore();
        }
    }

    @Nested
    class H2Complaints extends ComplaintStoreContractKit {
        @Override
        protected ComplaintStore newStore() {
            return h2().complaintStore();
        }
    }

    @Nested
    class H2ViolationReviews extends ViolationReviewStoreContractKit {
        @Override
        protected ViolationReviewStore newStore() {
            return h2().violationReviewStore();
        }
    }

    @Nested
    class H2Vouchers extends VoucherRegistryContractKit {
        @Override
        protected VoucherRegistry newStore() {
            return h2().voucherRegistry();
        }
    }

    @Nested
    class H2VoucherNumbers extends VoucherSequenceContractKit {
        private JdbcStores first;

        @Override
        protected VoucherSequence newStore() {
            first = h2();
            return first.voucherSequence();
        }

        @Override
        protected VoucherSequence secondNode() {
            return JdbcStoresContractTest.secondNode(first).voucherSequence();
        }
    }

    @Nested
    class PgComplaints extends ComplaintStoreContractKit {
        @Override
        protected ComplaintStore newStore() {
            return pg().complaintStore();
        }
    }

    @Nested
    class PgViolationReviews extends ViolationReviewStoreContractKit {
        @Override
        protected ViolationReviewStore newStore() {
            return pg().violationReviewStore();
        }
    }

    @Nested
    class PgVouchers extends VoucherRegistryContractKit {
        @Override
        protected VoucherRegistry newStore() {
            return pg().voucherRegistry();
        }
    }

    @Nested
    class PgVoucherNumbers extends VoucherSequenceContractKit {
        private JdbcStores first;

        @Override
        protected VoucherSequence newStore() {
            first = pg();
            return first.voucherSequence();
        }

        @Override
        protected VoucherSequence secondNode() {
            return JdbcStoresContractTest.secondNode(first).voucherSequence();
        }
    }
}
