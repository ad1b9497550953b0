package org.mianzheng.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.mianzheng.api.Complexity;
import org.mianzheng.api.DocumentFile;
import org.mianzheng.api.FileType;
import org.mianzheng.api.HolderId;
import org.mianzheng.api.HolderIdType;
import org.mianzheng.api.MianzhengException;
import org.mianzheng.api.Notification;
import org.mianzheng.api.Origin;
import org.mianzheng.api.StoreException;
import org.mianzheng.api.WorkOrder;
import org.mianzheng.api.WorkOrderKind;
import org.mianzheng.api.WorkOrderState;
import org.mianzheng.api.spi.WorkOrderStore;
import org.mianzheng.store.jdbc.internal.Instants;
import org.mianzheng.store.jdbc.internal.Sql;

/**
 * {@link WorkOrderStore} on tables {@code mz_work_order} and {@code mz_notification} (the schedule and outbox).
 *
 * <p>An order and its schedule are written in one transaction. Due actions are claimed in one short transaction:
 * on PostgreSQL {@code SELECT ... FOR UPDATE SKIP LOCKED} picks rows no other node is claiming at that moment and
 * the claim (claimant, lease end) is written before commit, so concurrent nodes never receive the same action; on H2,
 * whose file one process owns, claims are serialised in the process. Thread-safe.
 */
public final class JdbcWorkOrderStore implements WorkOrderStore {
    /** H2 claims are serialised in the process (H2's SKIP LOCKED does not skip reliably). */
    private static final ReentrantLock H2_CLAIMS = new ReentrantLock();
    private static final int IN_CHUNK = 500;
    static final String COLUMNS = "id, version, kind, origin, complexity, state, item_code, biz_no, material_code, material_name, "
            + "to_department, applicant_id_type, applicant_id, applicant_name, requested_by, purpose, created_at_ns, rule_version, answer_due_ns, "
            + "return_due_ns, provisional, accepted_at_ns, closed_at_ns, closed_by, result_type, result, return_reason, transfer_suggestion, "
            + "transferred_from, transferred_to, external_id, is_open";
    private static final String ACTION_COLUMNS = "id, order_id, action, due_at_ns, kind, recipient";

    private static final String MARK_SENT = "UPDATE mz_notification SET sent_at_ns = ? WHERE id = ? AND sent_at_ns IS NULL";
    private final DataSource ds;
    private final Dialect dialect;
    private final String insertIfAbsent;

    /**
     * @param ds      the database (schema applied)
     * @param dialect its dialect
     */
    public JdbcWorkOrderStore(DataSource ds, Dialect dialect) {
        this.ds = ds;
        this.dialect = dialect;
        this.insertIfAbsent = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO mz_notification (id, order_id, action, due_at_ns, kind, recipient, sent_at_ns) VALUES (?, ?, ?, ?, ?, ?, ?) "
                  + "ON CONFLICT (id) DO NOTHING"
                : "MERGE INTO mz_notification t USING (VALUES (CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(64)), "
                  + "CAST(? AS BIGINT), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(30)), CAST(? AS BIGINT))) "
                  + "AS s (id, order_id, action, due_at_ns, kind, recipient, sent_at_ns) ON t.id = s.id "
                  + "WHEN NOT MATCHED THEN INSERT (id, order_id, action, due_at_ns, kind, recipient, sent_at_ns) "
                  + "VALUES (s.id, s.order_id, s.action, s.due_at_ns, s.kind, s.recipient, s.sent_at_ns)";
    }

    // ------------------------------------------------------------------ orders

    @Override
    public void insert(WorkOrder order, List<ScheduledAction> schedule) {
        if (order.version() != 1) {
            throw new StoreException("work order " + order.id() + " is not version 1");
        }
        requireOf(order.id(), schedule);
        Sql.tx(ds, "work order insert", c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO mz_work_order (" + COLUMNS + ") VALUES (" + "?, ".repeat(31) + "?)")) {
                bind(p, order);
                p.executeUpdate();
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    throw new Sql.Refused(new StoreException("work order " + order.id() + " exists already", e));
                }
                throw e;
            }
            addActions(c, schedule);
            return null;
        });
    }

    @Override
    public boolean update(WorkOrder order, List<ScheduledAction> reschedule) {
        if (reschedule != null) {
            requireOf(order.id(), reschedule);
        }
        return Sql.tx(ds, "work order update", c -> {
            try (PreparedStatement p = c.prepareStatement("UPDATE mz_work_order SET " + String.join(" = ?, ", COLUMNS.split(", ")) + " = ? "
                    + "WHERE id = ? AND version = ?")) {
                bind(p, order);
                p.setString(33, order.id());
                p.setLong(34, order.version() - 1);
                if (p.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
            }
            if (reschedule != null || order.state().terminal()) {
                try (PreparedStatement p = c.prepareStatement("DELETE FROM mz_notification WHERE order_id = ? AND sent_at_ns IS NULL "
                        + "AND due_at_ns IS NOT NULL")) {
                    p.setString(1, order.id());
                    p.executeUpdate();
                }
            }
            if (reschedule != null && !order.state().terminal()) {
                addActions(c, reschedule);
            }
            return true;
        });
    }

    private static void requireOf(String orderId, List<ScheduledAction> actions) {
        for (ScheduledAction a : actions) {
            if (!a.orderId().equals(orderId)) {
                throw new StoreException("scheduled action " + a.notificationId() + " is not of order " + orderId);
            }
        }
    }

    static void bind(PreparedStatement p, WorkOrder o) throws SQLException {
        p.setString(1, o.id());
        p.setLong(2, o.version());
        p.setString(3, o.kind().name());
        p.setString(4, o.origin().name());
        p.setString(5, o.complexity().name());
        p.setString(6, o.state().name());
        p.setString(7, o.itemCode());
        p.setString(8, o.bizNo());
        p.setString(9, o.materialCode());
        p.setString(10, o.materialName());
        p.setString(11, o.toDepartment());
        p.setString(12, o.applicant().type().name());
        p.setString(13, o.applicant().value());
        p.setString(14, o.applicantName());
        p.setString(15, o.requestedBy());
        p.setString(16, o.purpose());
        Sql.setInstant(p, 17, o.createdAt());
        p.setInt(18, o.ruleVersion());
        Sql.setInstant(p, 19, o.answerDueAt());
        Sql.setInstant(p, 20, o.returnDueAt());
        p.setBoolean(21, o.provisional());
        Sql.setInstant(p, 22, o.acceptedAt());
        Sql.setInstant(p, 23, o.closedAt());
        Sql.setText(p, 24, o.closedBy());
        Sql.setText(p, 25, o.result() == null ? null : o.result().type().name());
        if (o.result() == null) {
            p.setNull(26, Types.VARBINARY);
        } else {
            p.setBytes(26, o.result().bytes());
        }
        Sql.setText(p, 27, o.returnReason());
        Sql.setText(p, 28, o.transferSuggestion());
        Sql.setText(p, 29, o.transferredFrom());
        Sql.setText(p, 30, o.transferredTo());
        Sql.setText(p, 31, o.externalId());
        p.setBoolean(32, !o.state().terminal());
    }

    private static WorkOrder row(ResultSet r) throws SQLException {
        try {
            String resultType = r.getString("result_type");
            DocumentFile result = resultType == null ? null : new DocumentFile(FileType.valueOf(resultType), r.getBytes("result"), null);
            return new WorkOrder(r.getString("id"), r.getLong("version"), WorkOrderKind.valueOf(r.getString("kind")), Origin.valueOf(r.getString("origin")),
                    Complexity.valueOf(r.getString("complexity")), WorkOrderState.valueOf(r.getString("state")), r.getString("item_code"),
                    r.getString("biz_no"), r.getString("material_code"), r.getString("material_name"), r.getString("to_department"),
                    new HolderId(HolderIdType.valueOf(r.getString("applicant_id_type")), r.getString("applicant_id")), r.getString("applicant_name"),
                    r.getString("requested_by"), r.getString("purpose"), Sql.getInstant(r, "created_at_ns"), r.getInt("rule_version"),
                    Sql.getInstant(r, "answer_due_ns"), Sql.getInstant(r, "return_due_ns"), r.getBoolean("provisional"),
                    Sql.getInstant(r, "accepted_at_ns"), Sql.getInstant(r, "closed_at_ns"), r.getString("closed_by"), result,
                    r.getString("return_reason"), r.getString("transfer_suggestion"), r.getString("transferred_from"), r.getString("transferred_to"),
                    r.getString("external_id"));
        } catch (IllegalArgumentException | MianzhengException e) {
            throw new StoreException("stored work order cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private List<WorkOrder> orders(String what, String where, Object... args) {
        return Sql.read(ds, what, c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + COLUMNS + " FROM mz_work_order o WHERE " + where)) {
                for (int i = 0; i < args.length; i++) {
                    p.setObject(i + 1, args[i]);
                }
                try (ResultSet r = p.executeQuery()) {
                    List<WorkOrder> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(row(r));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public Optional<WorkOrder> find(String id) {
        List<WorkOrder> l = orders("work order find", "id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public List<WorkOrder> findAll(Collection<String> ids) {
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        List<WorkOrder> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + IN_CHUNK));
            out.addAll(orders("work order find", "id IN (" + "?, ".repeat(chunk.size() - 1) + "?)", chunk.toArray()));
        }
        return out;
    }

    @Override
    public List<WorkOrder> open() {
        return orders("open work orders", "is_open = TRUE ORDER BY created_at_ns, id");
    }

    @Override
    public int highestRuleVersion() {
        return Sql.read(ds, "highest rule version", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COALESCE(MAX(rule_version), 0) FROM mz_work_order"); ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
    }

    @Override
    public List<WorkOrder> createdBetween(Instant from, Instant to) {
        return orders("work orders by creation", "created_at_ns >= ? AND created_at_ns < ? ORDER BY created_at_ns, id", Instants.clamp(from),
                Instants.clamp(to));
    }

    // ------------------------------------------------------------------ outbox

    @Override
    public boolean markSent(String notificationId, Instant sentAt) {
        return markSent(List.of(notificationId), sentAt).contains(notificationId);
    }

    @Override
    public Set<String> markSent(Collection<String> notificationIds, Instant sentAt) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(notificationIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        long at = Instants.toNanos(sentAt);
        return Sql.tx(ds, "mark sent", c -> {
            Set<String> recorded = new LinkedHashSet<>();
            List<String> unknown = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement(MARK_SENT)) {
                for (String id : ids) {
                    p.setLong(1, at);
                    p.setString(2, id);
                    p.addBatch();
                }
                int[] n = p.executeBatch();
                for (int i = 0; i < ids.size(); i++) {
                    if (n[i] > 0) {
                        recorded.add(ids.get(i));
                    } else {
                        unknown.add(ids.get(i));
                    }
                }
            }
            if (!unknown.isEmpty()) { // not scheduled (result pushes, alarms) or sent before: insert if absent, one by one (exact counts)
                try (PreparedStatement p = c.prepareStatement(insertIfAbsent);
                     PreparedStatement again = c.prepareStatement(MARK_SENT)) {
                    for (String id : unknown) {
                        p.setString(1, id);
                        p.setNull(2, Types.VARCHAR);
                        p.setNull(3, Types.VARCHAR);
                        p.setNull(4, Types.BIGINT);
                        p.setNull(5, Types.VARCHAR);
                        p.setNull(6, Types.VARCHAR);
                        p.setLong(7, at);
                        if (insertedHere(c, p)) {
                            recorded.add(id);
                            continue;
                        }
                        // another transaction has the id since the update above: sent by it, or only scheduled (then ours)
                        again.setLong(1, at);
                        again.setString(2, id);
                        if (again.executeUpdate() > 0) {
                            recorded.add(id);
                        }
                    }
                }
            }
            return recorded;
        });
    }

    /**
     * Runs an insert-if-absent. H2's MERGE, unlike PostgreSQL's ON CONFLICT, fails with a unique-key violation when
     * another transaction inserted the same id in the meantime: that counts as not inserted here.
     */
    private boolean insertedHere(Connection c, PreparedStatement insertIfAbsent) throws SQLException {
        Savepoint sp = dialect == Dialect.H2 ? c.setSavepoint() : null;
        try {
            return insertIfAbsent.executeUpdate() > 0;
        } catch (SQLException e) {
            if (sp != null && Sql.isUniqueViolation(e)) {
                c.rollback(sp);
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean sent(String notificationId) {
        return Sql.read(ds, "sent", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM mz_notification WHERE id = ? AND sent_at_ns IS NOT NULL")) {
                p.setString(1, notificationId);
                try (ResultSet r = p.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    // ------------------------------------------------------------------ schedule

    private void addActions(Connection c, List<ScheduledAction> actions) throws SQLException {
        if (actions.isEmpty()) {
            return;
        }
        try (PreparedStatement p = c.prepareStatement(insertIfAbsent)) {
            for (ScheduledAction a : actions) {
                p.setString(1, a.notificationId());
                p.setString(2, a.orderId());
                p.setString(3, a.action());
                Sql.setInstant(p, 4, a.dueAt());
                p.setString(5, a.kind().name());
                p.setString(6, a.recipient().name());
                p.setNull(7, Types.BIGINT);
                p.addBatch();
            }
            p.executeBatch();
        }
    }

    @Override
    public void schedule(List<ScheduledAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        Sql.tx(ds, "schedule", c -> {
            Savepoint sp = dialect == Dialect.H2 ? c.setSavepoint() : null;
            try {
                addActions(c, actions);
            } catch (SQLException e) {
                if (sp != null && Sql.isUniqueViolation(e)) { // H2: inserted concurrently; retry skips them
                    c.rollback(sp);
                    addActions(c, actions);
                } else {
                    throw e;
                }
            }
            return null;
        });
    }

    private static ScheduledAction action(ResultSet r) throws SQLException {
        try {
            return new ScheduledAction(r.getString("id"), r.getString("order_id"), r.getString("action"), Sql.getInstant(r, "due_at_ns"),
                    Notification.Kind.valueOf(r.getString("kind")), Notification.Recipient.valueOf(r.getString("recipient")));
        } catch (IllegalArgumentException | MianzhengException e) {
            throw new StoreException("stored scheduled action cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public List<ScheduledAction> scheduled(String orderId) {
        return Sql.read(ds, "scheduled", c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT " + ACTION_COLUMNS + " FROM mz_notification WHERE order_id = ? AND sent_at_ns IS NULL "
                    + "AND due_at_ns IS NOT NULL ORDER BY due_at_ns, id")) {
                p.setString(1, orderId);
                try (ResultSet r = p.executeQuery()) {
                    List<ScheduledAction> out = new ArrayList<>();
                    while (r.next()) {
                        out.add(action(r));
                    }
                    return out;
                }
            }
        });
    }

    @Override
    public List<WorkOrder> openUnscheduled() {
        return orders("unscheduled work orders", "is_open = TRUE AND NOT EXISTS (SELECT 1 FROM mz_notification n WHERE n.order_id = o.id) "
                + "ORDER BY created_at_ns, id");
    }

    @Override
    public List<ScheduledAction> claimDue(Instant now, String claimant, Instant leaseUntil, int limit) {
        long nowNs = Instants.clamp(now);
        long until = Instants.toNanos(leaseUntil);
        boolean h2 = dialect == Dialect.H2;
        if (h2) {
            H2_CLAIMS.lock();
        }
        try {
            return Sql.tx(ds, "claim due actions", c -> {
                List<ScheduledAction> claimed = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT " + ACTION_COLUMNS + " FROM mz_notification WHERE sent_at_ns IS NULL "
                        + "AND due_at_ns IS NOT NULL AND due_at_ns <= ? AND (lease_until_ns IS NULL OR lease_until_ns <= ?) "
                        + "ORDER BY due_at_ns, id LIMIT ?" + dialect.claimLock())) {
                    p.setLong(1, nowNs);
                    p.setLong(2, nowNs);
                    p.setInt(3, limit);
                    try (ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            claimed.add(action(r));
                        }
                    }
                }
                if (claimed.isEmpty()) {
                    return claimed;
                }
                try (PreparedStatement p = c.prepareStatement("UPDATE mz_notification SET claimed_by = ?, lease_until_ns = ? WHERE id = ?")) {
                    for (ScheduledAction a : claimed) {
                        p.setString(1, claimant);
                        p.setLong(2, until);
                        p.setString(3, a.notificationId());
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                return claimed;
            });
        } finally {
            if (h2) {
                H2_CLAIMS.unlock();
            }
        }
    }

    @Override
    public Set<String> renew(String claimant, Collection<String> notificationIds, Instant leaseUntil) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(notificationIds));
        if (ids.isEmpty()) {
            return Set.of();
        }
        long until = Instants.toNanos(leaseUntil);
        return Sql.tx(ds, "renew claims", c -> {
            Set<String> held = new LinkedHashSet<>();
            try (PreparedStatement p = c.prepareStatement("UPDATE mz_notification SET lease_until_ns = ? WHERE id = ? AND claimed_by = ? "
                    + "AND sent_at_ns IS NULL")) {
                for (String id : ids) {
                    p.setLong(1, until);
                    p.setString(2, id);
                    p.setString(3, claimant);
                    p.addBatch();
                }
                int[] n = p.executeBatch();
                for (int i = 0; i < ids.size(); i++) {
                    if (n[i] > 0) {
                        held.add(ids.get(i));
                    }
                }
            }
            return held;
        });
    }

    @Override
    public void release(String claimant, Collection<String> notificationIds) {
        batch("release claims", "UPDATE mz_notification SET claimed_by = NULL, lease_until_ns = NULL WHERE id = ? AND claimed_by = ? "
                + "AND sent_at_ns IS NULL", notificationIds, claimant);
    }

    @Override
    public void cancel(Collection<String> notificationIds) {
        batch("cancel actions", "DELETE FROM mz_notification WHERE id = ? AND sent_at_ns IS NULL AND due_at_ns IS NOT NULL", notificationIds, null);
    }

    private void batch(String what, String sql, Collection<String> ids, String second) {
        if (ids.isEmpty()) {
            return;
        }
        Sql.tx(ds, what, c -> {
            try (PreparedStatement p = c.prepareStatement(sql)) {
                for (String id : new LinkedHashSet<>(ids)) {
                    p.setString(1, id);
                    if (second != null) {
                        p.setString(2, second);
                    }
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }
}
