package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.mianzheng.api.Consent;
import org.mianzheng.api.ConsentMethod;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.ConsentStore;
import org.mianzheng.store.jdbc.internal.Json;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link ConsentStore} on table {@code mz_consent}. {@link #put} inserts a new consent or replaces a stored one (a
 * revocation) and keeps its place in the case's order. Thread-safe.
 */
public final class JdbcConsentStore implements ConsentStore {
    private static final String COLUMNS = "id, biz_no, item_code, applicant_id_type, applicant_id, operator_id, window_id, material_codes, purpose, "
            + "method, evidence_ref, evidence_sha256, granted_at_ns, expires_at_ns, revoked_at_ns, revoked_by";
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcConsentStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void put(Consent consent) {
        Sql.tx(ds, "consent put", c -> {
            if (update(c, consent) == 0) {
                Savepoint sp = c.setSavepoint();
                try {
                    insert(c, consent);
                } catch (SQLException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(sp); // inserted concurrently: replace it
                    update(c, consent);
                }
            }
            return null;
        });
    }

    private static int update(Connection c, Consent k) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE mz_consent SET biz_no = ?, item_code = ?, applicant_id_type = ?, applicant_id = ?, "
                + "operator_id = ?, window_id = ?, material_codes = ?, purpose = ?, method = ?, evidence_ref = ?, evidence_sha256 = ?, granted_at_ns = ?, "
                + "expires_at_ns = ?, revoked_at_ns = ?, revoked_by = ? WHERE id = ?")) {
            bind(p, k, 1);
            p.setString(16, k.id());
            return p.executeUpdate();
        }
    }

    private static void insert(Connection c, Consent k) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_consent (biz_no, item_code, applicant_id_type, applicant_id, operator_id, "
                + "window_id, material_codes, purpose, method, evidence_ref, evidence_sha256, granted_at_ns, expires_at_ns, revoked_at_ns, revoked_by, "
                + "id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(p, k, 1);
            p.setString(16, k.id());
            p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Consent k, int i) throws SQLException {
        p.setString(i, k.bizNo());
        p.setString(i + 1, k.itemCode());
        p.setString(i + 2, k.applicant().type().name());
        p.setString(i + 3, k.applicant().value());
        p.setString(i + 4, k.operatorId());
        p.setString(i + 5, k.windowId());
        p.setString(i + 6, Json.write(List.copyOf(new TreeSet<>(k.materialCodes()))));
        p.setString(i + 7, k.purpose());
        p.setString(i + 8, k.method().name());
        p.setString(i + 9, k.evidenceRef());
        p.setString(i + 10, k.evidenceSha256());
        Sql.setInstant(p, i + 11, k.grantedAt());
        Sql.setInstant(p, i + 12, k.expiresAt());
        Sql.setInstant(p, i + 13, k.revokedAt());
        Sql.setText(p, i + 14, k.revokedBy());
    }

    @Override
    public Optional<Consent> find(String id) {
        List<Consent> l = query("SELECT " + COLUMNS + " FROM mz_consent WHERE id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<Consent> forCase(String bizNo) {
        return query("SELECT " + COLUMNS + " FROM mz_consent WHERE biz_no = ? ORDER BY pos", bizNo);
    }

    private List<Consent> query(String sql, String arg) {
        return Sql.read(ds, "consent read", c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setString(1, arg);
                try (ResultSet r = p.executeQuery()) {
                    List<Consent> out = new ArrayList<>();
                    while (r.next()) {
                        try {
                            out.add(new Consent(r.getString("id"), r.getString("biz_no"), r.getString("item_code"),
                                    new HolderId(HolderIdType.valueOf(r.getString("applicant_id_type")), r.getString("applicant_id")),
                                    r.getString("operator_id"), r.getString("window_id"), new java.util.LinkedHashSet<>(Json.list(r.getString("material_codes"))),
                                    r.getString("purpose"), ConsentMethod.valueOf(r.getString("method")), r.getString("evidence_ref"),
                                    r.getString("evidence_sha256"), Sql.getInstant(r, "granted_at_ns"), Sql.getInstant(r, "expires_at_ns"),
                                    Sql.getInstant(r, "revoked_at_ns"), r.getString("revoked_by")));
                        } catch (IllegalArgumentException | MianzhengException e) {
                            throw new StoreException("stored consent cannot be read: " + e.getClass().getSimpleName(), e);
                        }
                    }
                    return out;
                }
            }
        });
    }
}
