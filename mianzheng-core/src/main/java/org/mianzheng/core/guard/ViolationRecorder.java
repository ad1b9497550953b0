package org.mianzheng.core.guard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mianzheng.api.AccessDeniedException;
import org.mianzheng.api.AuditType;
import org.mianzheng.api.Violation;
import org.mianzheng.api.ViolationKind;
import org.mianzheng.api.spi.ViolationStore;
import org.mianzheng.core.audit.AuditChain;
import org.mianzheng.core.internal.Guard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records violations in the violation store and the audit chain. Thread-safe. */
public final class ViolationRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ViolationRecorder.class);
    private final Clock clock;
    private final ViolationStore store;
    private final AuditChain audit;

    /**
     * @param clock engine clock
     * @param store violation store
     * @param audit audit chain
     */
    public ViolationRecorder(Clock clock, ViolationStore store, AuditChain audit) {
        this.clock = clock;
        this.store = store;
        this.audit = audit;
    }

    /**
     * Records a violation.
     *
     * @param kind       kind
     * @param operatorId who (sanitised by the caller)
     * @param bizNo      case or {@code null}
     * @param refused    whether the act is refused
     * @param detail     context without personal data
     * @return the violation
     */
    public Violation record(ViolationKind kind, String operatorId, String bizNo, boolean refused, Map<String, String> detail) {
        Map<String, String> d = new LinkedHashMap<>(detail);
        d.put("kind", kind.name());
        d.put("article", kind.article());
        d.put("refused", Boolean.toString(refused));
        Violation v = new Violation(UUID.randomUUID().toString(), clock.instant(), kind, operatorId, bizNo, refused, d);
        audit.append(refused ? AuditType.REFUSAL : AuditType.VIOLATION, operatorId, bizNo, null, d);
        Guard.run(store.getClass().getName(), "add", () -> store.add(v));
        LOG.warn("violation {} by {} on case {}: {}", kind, org.mianzheng.api.Masking.maskIdentityNumbersIn(operatorId),
                org.mianzheng.api.Masking.maskIdentityNumbersIn(bizNo), refused ? "refused" : "flagged for review");
        return v;
    }

    /**
     * Records a refusal and builds the exception to throw.
     *
     * @param kind       kind
     * @param operatorId who
     * @param bizNo      case or {@code null}
     * @param message    message free of personal data
     * @param detail     context
     * @return the exception, to be thrown by the caller
     */
    public AccessDeniedException refuse(ViolationKind kind, String operatorId, String bizNo, String message, Map<String, String> detail) {
        record(kind, operatorId, bizNo, true, detail);
        return new AccessDeniedException(kind, operatorId, message);
    }

    /** @return every recorded violation (for tests and reports) */
    public List<Violation> all() {
        return store.between(java.time.Instant.MIN, java.time.Instant.MAX);
    }
}
