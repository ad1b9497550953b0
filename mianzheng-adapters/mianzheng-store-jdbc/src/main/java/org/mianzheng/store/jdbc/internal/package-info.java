/**
 * Internals of the JDBC stores: transactions, instant and JSON column encodings. Not exported; unsupported.
 */
package org.mianzheng.store.jdbc.internal;
