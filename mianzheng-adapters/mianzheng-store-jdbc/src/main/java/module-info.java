/**
 * Durable stores over JDBC: embedded H2 (the default for a single instance) and PostgreSQL (several instances on one
 * database). Entry point: {@link org.mianzheng.store.jdbc.JdbcStores}. {@code org.mianzheng.store.jdbc.internal} is
 * not exported and not supported.
 */
module org.mianzheng.store.jdbc {
    requires transitive org.mianzheng.core;
    requires transitive java.sql;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires com.h2database;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.core;

    exports org.mianzheng.store.jdbc;
}
