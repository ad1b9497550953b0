package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.ViolationStore;
import org.mianzheng.store.jdbc.internal.Instants;
import org.mianzheng.store.jdbc.internal.Json;
import org.mianzheng.store.jdbc.internal.Sql;

/** {@link ViolationStore} on table {@code mz_violation}. Thread-safe. */
public final class JdbcViolationStore implements ViolationStore {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcViolationStore(DataSource ds) {
        this.ds = ds;
    }

    /** @throws StoreException also if a violation with that id is stored already */
    @Override
    public void add(Violation v) {
        Sql.tx(ds, "violation add", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_violation (id, at_ns, kind, operator_id, biz_no, refused, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                p.setString(1, v.id());
                Sql.setInstant(p, 2, v.at());
                p.setString(3, v.kind().name());
                p.setString(4, v.operatorId());
                Sql.setText(p, 5, v.bizNo());
                p.setBoolean(6, v.refused());
                p.setString(7, Json.write(v.detail()));
                p.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public List<Violation> between(Instant from, Instant to) {
        return Sql.read(ds, "violations read", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, at_ns, kind, operator_id, biz_no, refused, detail FROM mz_violation "
                    + "WHERE at_ns >= ? AND at_ns < ? ORDER BY at_ns, pos")) {
                p.setLong(1, Instants.clamp(from));
                p.setLong(2, Instants.clamp(to));
                try (ResultSet r = p.executeQuery()) {
                    List<Violation> out = new ArrayList<>();
                    while (r.next()) {
                        try {
                            out.add(new Violation(r.getString(1), Sql.getInstant(r, "at_ns"), ViolationKind.valueOf(r.getString(3)), r.getString(4),
                                    r.getString(5), r.getBoolean(6), Json.map(r.getString(7))));
                        } catch (IllegalArgumentException | MianzhengException e) {
                            throw new StoreException("stored violation cannot be read: " + e.getClass().getSimpleName(), e);
                        }
                    }
                    return out;
                }
            }
        });
    }
}
