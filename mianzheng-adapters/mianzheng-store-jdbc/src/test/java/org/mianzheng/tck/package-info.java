/**
 * Contract test kits for the store SPIs of {@code org.mianzheng.api.spi}: an implementation's test extends a kit and
 * overrides its factory, e.g.
 * <pre>{@code
 * class MyAuditStoreTest extends AuditStoreContractKit {
 *     @Override protected AuditStore newStore() { return new MyAuditStore(freshDatabase()); }
 * }
 * }</pre>
 * The kits depend on the API and JUnit/AssertJ only (no JDBC), so they fit any storage technology.
 */
package org.mianzheng.tck;
