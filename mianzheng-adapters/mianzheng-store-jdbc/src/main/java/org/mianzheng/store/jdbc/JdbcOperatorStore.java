package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.mianzheng.api.AccountEvent;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Role;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.spi.OperatorStore;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link OperatorStore} on tables {@code mz_operator}, {@code mz_account_event} and {@code mz_liaison}; an account
 * and the event that changed it are written in one transaction. Thread-safe.
 */
public final class JdbcOperatorStore implements OperatorStore {
    private final DataSource ds;

    /** @param ds the database (schema applied) */
    public JdbcOperatorStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public boolean insert(Operator operator, AccountEvent event) {
        return Sql.tx(ds, "operator insert", c -> {
            try {
                insertRow(c, operator);
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    c.rollback();
                    return false;
                }
                throw e;
            }
            event(c, event);
            return true;
        });
    }

    @Override
    public void update(Operator operator, AccountEvent event) {
        Sql.tx(ds, "operator update", c -> {
            if (updateRow(c, operator) == 0) {
                Savepoint sp = c.setSavepoint();
                try {
                    insertRow(c, operator);
                } catch (SQLException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(sp);
                    updateRow(c, operator);
                }
            }
            event(c, event);
            return null;
        });
    }

    private static void insertRow(Connection c, Operator o) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_operator (name, department_code, window_id, roles, registered_at_ns, "
                + "deregistered_at_ns, id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            bind(p, o);
            p.executeUpdate();
        }
    }

    private static int updateRow(Connection c, Operator o) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE mz_operator SET name = ?, department_code = ?, window_id = ?, roles = ?, "
                + "registered_at_ns = ?, deregistered_at_ns = ? WHERE id = ?")) {
            bind(p, o);
            return p.executeUpdate();
        }
    }

    private static void bind(PreparedStatement p, Operator o) throws SQLException {
        p.setString(1, o.name());
        p.setString(2, o.departmentCode());
        Sql.setText(p, 3, o.windowId());
        p.setString(4, EnumSet.copyOf(o.roles()).stream().map(Enum::name).collect(Collectors.joining(",")));
        Sql.setInstant(p, 5, o.registeredAt());
        Sql.setInstant(p, 6, o.deregisteredAt());
        p.setString(7, o.id());
    }

    private static void event(Connection c, AccountEvent e) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_account_event (kind, operator_id, at_ns, recorded_by, reported_to, note) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            p.setString(1, e.kind().name());
            p.setString(2, e.operatorId());
            Sql.setInstant(p, 3, e.at());
            p.setString(4, e.by());
            p.setString(5, e.reportedTo());
            p.setString(6, e.note());
            p.executeUpdate();
        }
    }

    @Override
    public Optional<Operator> find(String id) {
        return Sql.read(ds, "operator find", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT id, name, department_code, window_id, roles, registered_at_ns, deregistered_at_ns "
                    + "FROM mz_operator WHERE id = ?")) {
                p.setString(1, id);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    try {
                        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
                        for (String s : r.getString(5).split(",")) {
                            roles.add(Role.valueOf(s));
                        }
                        return Optional.of(new Operator(r.getString(1), r.getString(2), r.getString(3), r.getString(4), roles,
                                Sql.getInstant(r, "registered_at_ns"), Sql.getInstant(r, "deregistered_at_ns")));
                    } catch (IllegalArgumentException | MianzhengException e) {
                        throw new StoreException("stored operator cannot be read: " + e.getClass().getSimpleName(), e);
                    }
                }
            }
        });
    }

    @Override
    public void putLiaison(String departmentCode, String operatorId, AccountEvent event) {
        Sql.tx(ds, "liaison put", c -> {
            if (updateLiaison(c, departmentCode, operatorId) == 0) {
                // the department's first liaison; another node may appoint one at the same moment: then this one replaces it
                Savepoint sp = c.setSavepoint();
                try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_liaison (department_code, operator_id) VALUES (?, ?)")) {
                    p.setString(1, departmentCode);
                    p.setString(2, operatorId);
                    p.executeUpdate();
                } catch (SQLException e) {
                    if (!Sql.isUniqueViolation(e)) {
                        throw e;
                    }
                    c.rollback(sp);
                    updateLiaison(c, departmentCode, operatorId);
                }
            }
            event(c, event);
            return null;
        });
    }

    private static int updateLiaison(Connection c, String departmentCode, String operatorId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("UPDATE mz_liaison SET operator_id = ? WHERE department_code = ?")) {
            p.setString(1, operatorId);
            p.setString(2, departmentCode);
            return p.executeUpdate();
        }
    }

    @Override
    public Optional<String> liaison(String departmentCode) {
        return Sql.read(ds, "liaison find", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT operator_id FROM mz_liaison WHERE department_code = ?")) {
                p.setString(1, departmentCode);
                try (ResultSet r = p.executeQuery()) {
                    return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AccountEvent> events() {
        return Sql.read(ds, "account events", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT kind, operator_id, at_ns, recorded_by, reported_to, note FROM mz_account_event "
                    + "ORDER BY pos");
                 ResultSet r = p.executeQuery()) {
                List<AccountEvent> out = new ArrayList<>();
                while (r.next()) {
                    try {
                        out.add(new AccountEvent(AccountEvent.Kind.valueOf(r.getString(1)), r.getString(2), Sql.getInstant(r, "at_ns"), r.getString(4),
                                r.getString(5), r.getString(6)));
                    } catch (IllegalArgumentException | MianzhengException e) {
                        throw new StoreException("stored account event cannot be read: " + e.getClass().getSimpleName(), e);
                    }
                }
                return out;
            }
        });
    }
}
