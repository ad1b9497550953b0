package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mianzheng.api.AuditEvent;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.AuditStore;
import org.mianzheng.store.jdbc.internal.Json;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link AuditStore} on table {@code mz_audit_event}. A batch is one transaction: the last stored event is read, the
 * batch must continue it (sequence and previous hash), and the rows are inserted with one JDBC batch; the primary key on
 * the sequence makes two writers that built on the same last event conflict, so exactly one of them is stored.
 * Thread-safe.
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String COLUMNS = "seq, at_ns, type, actor, biz_no, subject, detail, previous_hash, hash";
    private final DataSource ds;
    private final boolean shared;

    /**
     * A store that says it may be {@linkplain #sharedWithOtherEngines() shared with other engines}.
     *
     * @param ds the database (schema applied)
     */
    public JdbcAuditStore(DataSource ds) {
        this(ds, true);
    }

    /**
     * @param ds     the database (schema applied)
     * @param shared whether engines in other processes may append to it ({@link JdbcStores} says so for PostgreSQL
     *               and for H2 reached through a server, not for an embedded H2 file, which one process owns)
     */
    public JdbcAuditStore(DataSource ds, boolean shared) {
        this.ds = ds;
        this.shared = shared;
    }

    @Override
    public boolean sharedWithOtherEngines() {
        return shared;
    }

    @Override
    public void append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            throw new StoreException("empty audit batch");
        }
        AuditEvent first = events.get(0);
        for (int i = 1; i < events.size(); i++) {
            AuditEvent e = events.get(i);
            if (e.sequence() != events.get(i - 1).sequence() + 1 || !e.previousHash().equals(events.get(i - 1).hash())) {
                throw new StoreException("audit batch: event " + e.sequence() + " does not follow event " + events.get(i - 1).sequence());
            }
        }
        Sql.tx(ds, "audit append", c -> {
            long lastSeq = 0;
            String lastHash = AuditEvent.GENESIS;
            try (PreparedStatement p = c.prepareStatement("SELECT seq, hash FROM mz_audit_event WHERE seq = (SELECT MAX(seq) FROM mz_audit_event)");
                 ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    lastSeq = r.getLong(1);
                    lastHash = r.getString(2);
                }
            }
            if (first.sequence() != lastSeq + 1 || !first.previousHash().equals(lastHash)) {
                throw new Sql.Refused(new StoreException("audit event " + first.sequence() + " does not continue the stored chain (last "
                        + lastSeq + ")"));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent e : events) {
                    p.setLong(1, e.sequence());
                    Sql.setInstant(p, 2, e.at());
                    p.setString(3, e.type().name());
                    p.setString(4, e.actor());
                    Sql.setText(p, 5, e.bizNo());
                    Sql.setText(p, 6, e.subject());
                    p.setString(7, Json.write(e.detail()));
                    p.setString(8, e.previousHash());
                    p.setString(9, e.hash());
                    p.addBatch();
                }
                p.executeBatch();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new Sql.Refused(new StoreException("audit sequence " + first.sequence() + " was taken by another writer", e));
                }
                throw e;
            }
            return null;
        });
    }

    @Override
    public Optional<AuditEvent> last() {
        return Sql.read(ds, "audit last", c -> {
            List<AuditEvent> l = query(c, "SELECT " + COLUMNS + " FROM mz_audit_event WHERE seq = (SELECT MAX(seq) FROM mz_audit_event)", -1, -1);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        });
    }

    @Override
    public List<AuditEvent> read(long fromSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return Sql.read(ds, "audit read", c -> query(c, "SELECT " + COLUMNS + " FROM mz_audit_event WHERE seq >= ? ORDER BY seq LIMIT ?",
                fromSequence, limit));
    }

    private static List<AuditEvent> query(Connection c, String sql, long from, int limit) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (from >= 0 || limit >= 0) {
                p.setLong(1, from);
                p.setInt(2, limit);
            }
            try (ResultSet r = p.executeQuery()) {
                List<AuditEvent> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row(r));
                }
                return out;
            }
        }
    }

    private static AuditEvent row(ResultSet r) throws SQLException {
        long seq = r.getLong("seq");
        AuditType type;
        try {
            type = AuditType.valueOf(String.valueOf(r.getString("type")));
        } catch (IllegalArgumentException e) { // the stored text is not repeated: it may be anything
            throw new StoreException("stored audit event " + seq + " cannot be read: its type is not an audit type", null);
        }
        try {
            return new AuditEvent(seq, Sql.getInstant(r, "at_ns"), type, r.getString("actor"), r.getString("biz_no"), r.getString("subject"),
                    Json.map(r.getString("detail")), r.getString("previous_hash"), r.getString("hash"));
        } catch (org.mianzheng.api.MianzhengException e) {
            throw new StoreException("stored audit event " + seq + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StoreException("stored audit event " + seq + " cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }
}
