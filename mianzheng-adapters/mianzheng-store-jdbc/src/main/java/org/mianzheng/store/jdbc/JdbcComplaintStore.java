package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mianzheng.api.Complaint;
import org.mianzheng.api.ComplaintCategory;
import org.mianzheng.api.ComplaintChannel;
import org.mianzheng.api.ComplaintState;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.ComplaintStore;
import org.mianzheng.store.jdbc.internal.Instants;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link ComplaintStore} on table {@code mz_complaint}: the latest version of each complaint, updated under an
 * optimistic lock on its version. Holds personal data (summary, complainant id). Thread-safe.
 */
public final class JdbcComplaintStore implements ComplaintStore {
    private static final String FIELDS = "channel, category, external_ref, biz_no, department_code, summary, complainant_id_type, complainant_id, "
            + "state, received_at_ns, received_by, assigned_to, assigned_at_ns, assigned_by, resolved_at_ns, resolved_by, substantiated, resolution";
    private static final String SELECT = "SELECT id, version, " + FIELDS + " FROM mz_complaint";
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcComplaintStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean insert(Complaint complaint) {
        if (complaint.version() != 1) {
            return false;
        }
        return Sql.tx(ds, "complaint insert", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_complaint (" + FIELDS + ", id, version) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(p, complaint);
                p.setString(19, complaint.id());
                p.setLong(20, complaint.version());
                p.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    c.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public boolean update(Complaint complaint) {
        return Sql.tx(ds, "complaint update", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE mz_complaint SET channel = ?, category = ?, external_ref = ?, biz_no = ?, "
                    + "department_code = ?, summary = ?, complainant_id_type = ?, complainant_id = ?, state = ?, received_at_ns = ?, received_by = ?, "
                    + "assigned_to = ?, assigned_at_ns = ?, assigned_by = ?, resolved_at_ns = ?, resolved_by = ?, substantiated = ?, resolution = ?, "
                    + "version = ? WHERE id = ? AND version = ?")) {
                bind(p, complaint);
                p.setLong(19, complaint.version());
                p.setString(20, complaint.id());
                p.setLong(21, complaint.version() - 1);
                return p.executeUpdate() == 1;
            }
        });
    }

    private static void bind(PreparedStatement p, Complaint k) throws SQLException {
        p.setString(1, k.channel().name());
        p.setString(2, k.category().name());
        Sql.setText(p, 3, k.externalRef());
        Sql.setText(p, 4, k.bizNo());
        Sql.setText(p, 5, k.departmentCode());
        p.setString(6, k.summary());
        Sql.setText(p, 7, k.complainant() == null ? null : k.complainant().type().name());
        Sql.setText(p, 8, k.complainant() == null ? null : k.complainant().value());
        p.setString(9, k.state().name());
        Sql.setInstant(p, 10, k.receivedAt());
        p.setString(11, k.receivedBy());
        Sql.setText(p, 12, k.assignedTo());
        Sql.setInstant(p, 13, k.assignedAt());
        Sql.setText(p, 14, k.assignedBy());
        Sql.setInstant(p, 15, k.resolvedAt());
        Sql.setText(p, 16, k.resolvedBy());
        if (k.substantiated() == null) {
            p.setNull(17, Types.BOOLEAN);
        } else {
            p.setBoolean(17, k.substantiated());
        }
        Sql.setText(p, 18, k.resolution());
    }

    @Override
    public Optional<Complaint> find(String id) {
        return Sql.read(ds, "complaint find", c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE id = ?")) {
                p.setString(1, id);
                List<Complaint> l = rows(p);
                return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
            }
        });
    }

    @Override
    public List<Complaint> receivedBetween(Instant from, Instant to) {
        return Sql.read(ds, "complaints read", c -> {
            try (PreparedStatement p = c.prepareStatement(SELECT + " WHERE received_at_ns >= ? AND received_at_ns < ? ORDER BY received_at_ns, id")) {
                p.setLong(1, Instants.clamp(from));
                p.setLong(2, Instants.clamp(to));
                return rows(p);
            }
        });
    }

    private static List<Complaint> rows(PreparedStatement p) throws SQLException {
        try (ResultSet r = p.executeQuery()) {
            List<Complaint> out = new ArrayList<>();
            while (r.next()) {
                try {
                    String idType = r.getString("complainant_id_type");
                    boolean substantiated = r.getBoolean("substantiated");
                    Boolean subst = r.wasNull() ? null : substantiated;
                    out.add(new Complaint(r.getString("id"), r.getLong("version"), ComplaintChannel.valueOf(r.getString("channel")),
                            ComplaintCategory.valueOf(r.getString("category")), r.getString("external_ref"), r.getString("biz_no"),
                            r.getString("department_code"), r.getString("summary"),
                            idType == null ? null : new HolderId(HolderIdType.valueOf(idType), r.getString("complainant_id")),
                            ComplaintState.valueOf(r.getString("state")), Sql.getInstant(r, "received_at_ns"), r.getString("received_by"),
                            r.getString("assigned_to"), Sql.getInstant(r, "assigned_at_ns"), r.getString("assigned_by"), Sql.getInstant(r, "resolved_at_ns"),
                            r.getString("resolved_by"), subst, r.getString("resolution")));
                } catch (IllegalArgumentException | MianzhengException e) {
                    throw new StoreException("stored complaint cannot be read: " + e.getClass().getSimpleName(), e);
                }
            }
            return out;
        }
    }
}
