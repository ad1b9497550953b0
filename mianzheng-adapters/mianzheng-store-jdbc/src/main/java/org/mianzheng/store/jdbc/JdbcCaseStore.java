package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mianzheng.api.Case;
import org.mianzheng.api.Holder;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.HolderKind;
import org.mianzheng.api.MaterialDecision;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.VoluntarySubmission;
import org.mianzheng.api.spi.CaseStore;
import org.mianzheng.store.jdbc.internal.Json;
import org.mianzheng.store.jdbc.internal.Sql;

/** {@link CaseStore} on tables {@code mz_case} and {@code mz_voluntary_submission}. Thread-safe. */
public final class JdbcCaseStore implements CaseStore {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcCaseStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean insert(Case c) {
        String declared = Json.write(c.declared());
        return Sql.tx(ds, "case insert", con -> {
            try (PreparedStatement p = con.prepareStatement("INSERT INTO mz_case (biz_no, item_code, applicant_kind, applicant_id_type, applicant_id, "
                    + "applicant_name, declared, window_id, operator_id, opened_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, c.bizNo());
                p.setString(2, c.itemCode());
                p.setString(3, c.applicant().kind().name());
                p.setString(4, c.applicant().id().type().name());
                p.setString(5, c.applicant().id().value());
                p.setString(6, c.applicant().name());
                p.setString(7, declared);
                p.setString(8, c.windowId());
                p.setString(9, c.operatorId());
                Sql.setInstant(p, 10, c.openedAt());
                p.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    con.rollback();
                    return false;
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<Case> find(String bizNo) {
        return Sql.read(ds, "case find", con -> {
            try (PreparedStatement p = con.prepareStatement("SELECT biz_no, item_code, applicant_kind, applicant_id_type, applicant_id, applicant_name, "
                    + "declared, window_id, operator_id, opened_at_ns FROM mz_case WHERE biz_no = ?")) {
                p.setString(1, bizNo);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    try {
                        Holder h = new Holder(HolderKind.valueOf(r.getString(3)), new HolderId(HolderIdType.valueOf(r.getString(4)), r.getString(5)),
                                r.getString(6));
                        return Optional.of(new Case(r.getString(1), r.getString(2), h, Json.nested(r.getString(7)), r.getString(8), r.getString(9),
                                Sql.getInstant(r, "opened_at_ns")));
                    } catch (IllegalArgumentException | MianzhengException e) {
                        throw new StoreException("stored case cannot be read: " + e.getClass().getSimpleName(), e);
                    }
                }
            }
        });
    }

    @Override
    public void addSubmission(VoluntarySubmission s) {
        Sql.tx(ds, "voluntary submission", con -> {
            try (PreparedStatement p = con.prepareStatement("INSERT INTO mz_voluntary_submission (biz_no, material_code, operator_id, received_at_ns, "
                    + "planned, note) VALUES (?, ?, ?, ?, ?, ?)")) {
                p.setString(1, s.bizNo());
                p.setString(2, s.materialCode());
                p.setString(3, s.operatorId());
                Sql.setInstant(p, 4, s.receivedAt());
                p.setString(5, s.planned().name());
                p.setString(6, s.note());
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<VoluntarySubmission> submissions(String bizNo) {
        return Sql.read(ds, "voluntary submissions", con -> {
            try (PreparedStatement p = con.prepareStatement("SELECT biz_no, material_code, operator_id, received_at_ns, planned, note "
                    + "FROM mz_voluntary_submission WHERE biz_no = ? ORDER BY pos")) {
                p.setString(1, bizNo);
                try (ResultSet r = p.executeQuery()) {
                    List<VoluntarySubmission> out = new ArrayList<>();
                    while (r.next()) {
                        try {
                            out.add(new VoluntarySubmission(r.getString(1), r.getString(2), r.getString(3), Sql.getInstant(r, "received_at_ns"),
                                    MaterialDecision.valueOf(r.getString(5)), r.getString(6)));
                        } catch (IllegalArgumentException | MianzhengException e) {
                            throw new StoreException("stored voluntary submission cannot be read: " + e.getClass().getSimpleName(), e);
                        }
                    }
                    return out;
                }
            }
        });
    }
}
