/**
 * The mianzheng engine. Entry point: {@link org.mianzheng.core.Mianzheng#builder()}.
 * {@code org.mianzheng.core.internal} is not exported and not supported.
 */
module org.mianzheng.core {
    requires transitive org.mianzheng.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;

    exports org.mianzheng.core;
    exports org.mianzheng.core.catalog;
    exports org.mianzheng.core.calendar;
    exports org.mianzheng.core.cases;
    exports org.mianzheng.core.store;
    exports org.mianzheng.core.accounts;
    exports org.mianzheng.core.audit;
    exports org.mianzheng.core.consent;
    exports org.mianzheng.core.guard;
    exports org.mianzheng.core.retrieval;
    exports org.mianzheng.core.workorders;
    exports org.mianzheng.core.supervision;
}
