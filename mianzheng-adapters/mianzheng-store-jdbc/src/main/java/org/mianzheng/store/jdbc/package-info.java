/**
 * JDBC implementations of every store SPI of {@code org.mianzheng.api.spi} (catalog filings, operators, cases,
 * consents, the audit chain, violations, work orders with their schedule and outbox), the versioned schema they
 * need and a small schema runner. {@link org.mianzheng.store.jdbc.JdbcStores} opens them on embedded H2 or on a
 * PostgreSQL {@link javax.sql.DataSource} and registers them on the engine builder. See {@code docs/operations.md}.
 */
package org.mianzheng.store.jdbc;
