package org.mianzheng.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.mianzheng.api.CatalogFiling;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.CatalogStore;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link CatalogStore} on table {@code mz_catalog_filing}; the changes are stored in {@link CatalogCodec} form. The
 * sequence check and the insert are one transaction; the primary key on the sequence refuses a filing another node
 * stored first. Thread-safe.
 */
public final class JdbcCatalogStore implements CatalogStore {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcCatalogStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public List<CatalogFiling> loadAll() {
        return Sql.read(ds, "catalog load", c -> {
            List<CatalogFiling> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT seq, filed_at_ns, department_code, operator_id, reason, legal_basis, changes_format, "
                    + "changes FROM mz_catalog_filing ORDER BY seq");
                 ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long seq = r.getLong(1);
                    int format = r.getInt(7);
                    if (format != CatalogCodec.FORMAT) {
                        throw new StoreException("catalog filing " + seq + " is in format " + format + "; this library reads " + CatalogCodec.FORMAT);
                    }
                    try {
                        out.add(new CatalogFiling(seq, Sql.getInstant(r, "filed_at_ns"), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                                CatalogCodec.readChanges(r.getString(8))));
                    } catch (StoreException e) {
                        throw new StoreException("catalog filing " + seq + ": " + e.getMessage(), e);
                    } catch (MianzhengException e) {
                        throw new StoreException("catalog filing " + seq + " cannot be read: " + e.getMessage(), e);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void append(CatalogFiling filing) {
        String changes = CatalogCodec.writeChanges(filing.changes());
        Sql.tx(ds, "catalog append", c -> {
            long last;
            try (PreparedStatement p = c.prepareStatement("SELECT MAX(seq) FROM mz_catalog_filing"); ResultSet r = p.executeQuery()) {
                r.next();
                last = r.getLong(1);
            }
            if (filing.sequence() != last + 1) {
                throw new Sql.Refused(new StoreException("catalog filing " + filing.sequence() + " is not the next one (" + (last + 1) + ")"));
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_catalog_filing (seq, filed_at_ns, department_code, operator_id, reason, "
                    + "legal_basis, changes_format, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                p.setLong(1, filing.sequence());
                Sql.setInstant(p, 2, filing.filedAt());
                p.setString(3, filing.departmentCode());
                p.setString(4, filing.operatorId());
                p.setString(5, filing.reason());
                p.setString(6, filing.legalBasis());
                p.setInt(7, CatalogCodec.FORMAT);
                p.setString(8, changes);
                p.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new Sql.Refused(new StoreException("catalog filing " + filing.sequence() + " was stored by another node first", e));
                }
                throw e;
            }
            return null;
        });
    }
}
