package org.mianzheng.core.supervision;

import java.time.Instant;
import org.mianzheng.api.Case;
import org.mianzheng.api.Operator;
import org.mianzheng.api.Plan;

/** The store lookups reports need besides the audit chain. Each answer is an immutable fact, so reports stay reproducible. */
interface Lookups {
    /**
     * @param bizNo a bizNo
     * @return the case, or {@code null}
     */
    Case findCase(String bizNo);

    /**
     * @param itemCode an item
     * @param asOf     an instant
     * @return the plan then, or {@code null} if the item was not in the catalog
     */
    Plan plan(String itemCode, Instant asOf);

    /**
     * @param actor an audit actor
     * @return the account, or {@code null} (system and online actors, unknown ids)
     */
    Operator operator(String actor);
}
