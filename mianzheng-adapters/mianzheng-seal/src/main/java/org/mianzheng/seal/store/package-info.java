/**
 * In-memory {@link org.mianzheng.api.spi.VoucherSequence} and {@link org.mianzheng.api.spi.VoucherRegistry}: for a
 * single node, tests and examples. They are not durable; a deployment with several nodes or restarts uses a shared
 * durable store (e.g. the JDBC stores) so that voucher numbers stay unique.
 */
package org.mianzheng.seal.store;
