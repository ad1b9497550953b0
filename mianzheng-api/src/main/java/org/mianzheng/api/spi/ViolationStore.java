package org.mianzheng.api.spi;

import java.time.Instant;
import java.util.List;
import org.mianzheng.api.Violation;

/** Durable storage of violations. Thread-safe; blocking. */
public interface ViolationStore {

    /** @param violation a new violation */
    void add(Violation violation);

    /**
     * @param from inclusive
     * @param to   exclusive
     * @return violations in that period, oldest first
     */
    List<Violation> between(Instant from, Instant to);
}
