/**
 * The mianzheng engine. Entry point: {@link org.mianzheng.core.Mianzheng#builder()}.
 * {@code org.mianzheng.core.internal} is not exported and not supported.
 */
module org.mianzheng.core {
    requires transitive org.mianzheng.api;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.github.benmanes.caffeine;

    exports org.mianzheng.core;
    exports org.mianzheng.core.catalog;
    exports org.mianzheng.core.calendar;
    exports org.mianzheng.core.cases;
    exports org.mianzheng.core.store;
}
