package org.mianzheng.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditRecord;
import org.mianzheng.api.AuditType;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.store.InMemoryAuditStore;
import org.mianzheng.store.jdbc.JdbcStores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Audit appends per second on durable stores, several threads: the engine's {@link AuditChain} (linking, chain
 * check, group commit: concurrent appends coalesced into one transaction) on the in-memory store, the H2 file store
 * and PostgreSQL ({@code synchronous_commit=on}), beside raw JDBC baselines of the same rows in the same run:
 * {@code *-row} inserts each row in its own transaction (what appends cost without group commit), {@code *-batch}
 * inserts rows as a JDBC batch of 100 per transaction (the ceiling of batching, without a chain).
 *
 * <pre>
 * mvn -B -q -pl mianzheng-bench -am package -DskipTests
 * java -jar mianzheng-bench/target/benchmarks.jar DurableAuditBenchmark -t 16
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class DurableAuditBenchmark {
    /** Store under test. */
    @Param({"memory", "h2", "h2-row", "h2-batch", "postgres", "postgres-row", "postgres-batch"})
    public String impl;

    static final Map<String, String> DETAIL = Map.of("material", "SFZ", "channel", "onewindow", "outcome", "FOUND", "purpose", "办理公共租赁住房申请");
    static final AuditRecord RECORD = new AuditRecord(AuditType.RETRIEVAL, "clerk1", "B-2026-000001", "s".repeat(64), DETAIL);
    /** A linked event, for the raw baselines' row content. */
    static final AuditEvent SAMPLE = AuditEvent.link(1, java.time.Instant.parse("2026-03-02T02:00:00Z"), RECORD, AuditEvent.GENESIS);

    AuditChain chain;
    JdbcStores stores;
    JdbcConnectionPool pgPool;
    DataSource raw;
    final AtomicLong seq = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws SQLException {
        switch (impl) {
            case "memory" -> chain = new AuditChain(Clock.systemUTC(), new InMemoryAuditStore());
            case "h2" -> {
                stores = JdbcStores.h2(BenchDatabases.h2Dir());
                chain = new AuditChain(Clock.systemUTC(), stores.auditStore());
            }
            case "postgres" -> {
                pgPool = BenchDatabases.postgres(8);
                stores = JdbcStores.postgres(pgPool);
                chain = new AuditChain(Clock.systemUTC(), stores.auditStore());
            }
            case "h2-row", "h2-batch" -> {
                stores = JdbcStores.h2(BenchDatabases.h2Dir(), 64);
                raw = stores.dataSource();
            }
            default -> {
                pgPool = BenchDatabases.postgres(64);
                stores = JdbcStores.postgres(pgPool);
                raw = pgPool;
            }
        }
        if (raw != null) {
            try (Connection c = raw.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE raw_audit (seq BIGINT PRIMARY KEY, at_ns BIGINT NOT NULL, type VARCHAR(40) NOT NULL, actor VARCHAR(200) NOT NULL, "
                        + "biz_no VARCHAR(200), subject VARCHAR(200), detail VARCHAR(2000) NOT NULL, previous_hash CHAR(64) NOT NULL, hash CHAR(64) NOT NULL)");
            }
        }
    }

    /** One connection per thread for the raw baselines. */
    @State(Scope.Thread)
    public static class RawConnection {
        Connection c;
        PreparedStatement insert;
        int pending;

        @Setup(Level.Trial)
        public void open(DurableAuditBenchmark b) throws SQLException {
            if (b.raw == null) {
                return;
            }
            c = b.raw.getConnection();
            c.setAutoCommit(!b.impl.endsWith("-batch"));
            insert = c.prepareStatement("INSERT INTO raw_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            if (c != null) {
                if (pending > 0) {
                    insert.executeBatch();
                    c.commit();
                }
                c.close();
            }
        }
    }

    @Benchmark
    public Object append(RawConnection rc) throws SQLException {
        if (chain != null) {
            return chain.append(RECORD);
        }
        PreparedStatement p = rc.insert;
        p.setLong(1, seq.incrementAndGet());
        p.setLong(2, System.currentTimeMillis() * 1_000_000L);
        p.setString(3, SAMPLE.type().name());
        p.setString(4, SAMPLE.actor());
        p.setString(5, SAMPLE.bizNo());
        p.setString(6, SAMPLE.subject());
        p.setString(7, "{\"channel\":\"onewindow\",\"material\":\"SFZ\",\"outcome\":\"FOUND\",\"purpose\":\"办理公共租赁住房申请\"}");
        p.setString(8, SAMPLE.previousHash());
        p.setString(9, SAMPLE.hash());
        if (impl.endsWith("-row")) {
            return p.executeUpdate();
        }
        p.addBatch();
        if (++rc.pending == 100) {
            p.executeBatch();
            rc.c.commit();
            rc.pending = 0;
        }
        return p;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (chain != null) {
            long[] s = chain.writeStatistics();
            System.out.printf("%n[%s] %d events in %d store calls (%.1f per call), %d conflicts%n", impl, chain.head().sequence(), s[0],
                    s[0] == 0 ? 0.0 : (double) chain.head().sequence() / s[0], s[1]);
            if (stores != null && !chain.verify().ok()) {
                throw new IllegalStateException("chain does not verify");
            }
        }
        if (stores != null) {
            stores.close();
        }
        if (pgPool != null) {
            pgPool.dispose();
        }
        BenchDatabases.stop();
    }
}
