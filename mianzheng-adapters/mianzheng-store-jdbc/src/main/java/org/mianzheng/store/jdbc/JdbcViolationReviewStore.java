package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.mianzheng.api.LiabilityExemptionGround;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.ReviewDecision;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.ViolationReview;
import org.mianzheng.api.spi.ViolationReviewStore;
import org.mianzheng.store.jdbc.internal.Sql;

/** {@link ViolationReviewStore} on table {@code mz_violation_review}: first writer wins per violation. Thread-safe. */
public final class JdbcViolationReviewStore implements ViolationReviewStore {
    private static final String SELECT = "SELECT violation_id, kind, operator_id, decision, ground, note, reviewer, reviewed_at_ns "
            + "FROM mz_violation_review";
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcViolationReviewStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean add(ViolationReview v) {
        return Sql.tx(ds, "violation review add", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_violation_review (violation_id, kind, operator_id, decision, ground, note, "
                    + "reviewer, reviewed_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, v.violationId());
                p.setString(2, v.kind().name());
                p.setString(3, v.operatorId());
                p.setString(4, v.decision().name());
                Sql.setText(p, 5, v.ground() == null ? null : v.ground().name());
                p.setString(6, v.note());
                p.setString(7, v.reviewer());
                Sql.setInstant(p, 8, v.reviewedAt());
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
    public Optional<ViolationReview> find(String violationId) {
        List<ViolationReview> l = query(SELECT + " WHERE violation_id = ?", violationId);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<ViolationReview> all() {
        return query(SELECT + " ORDER BY pos", null);
    }

    private List<ViolationReview> query(String sql, String arg) {
        return Sql.read(ds, "violation review read", c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                if (arg != null) {
                    p.setString(1, arg);
                }
                try (ResultSet r = p.executeQuery()) {
                    List<ViolationReview> out = new ArrayList<>();
                    while (r.next()) {
                        try {
                            String ground = r.getString("ground");
                            out.add(new ViolationReview(r.getString("violation_id"), ViolationKind.valueOf(r.getString("kind")), r.getString("operator_id"),
                                    ReviewDecision.valueOf(r.getString("decision")), ground == null ? null : LiabilityExemptionGround.valueOf(ground),
                                    r.getString("note"), r.getString("reviewer"), Sql.getInstant(r, "reviewed_at_ns")));
                        } catch (IllegalArgumentException | MianzhengException e) {
                            throw new StoreException("stored violation review cannot be read: " + e.getClass().getSimpleName(), e);
                        }
                    }
                    return out;
                }
            }
        });
    }
}
