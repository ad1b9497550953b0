/**
 * Contract test kits (Micrometer {@code HttpSenderCompatibilityKit} style): an adapter's test extends a kit, supplies
 * the implementation under test and a fixture describing what the backend holds, and inherits every contract test.
 * {@link org.mianzheng.tck.LicenseSourceCompatibilityKit} checks {@link org.mianzheng.api.spi.LicenseSource}s,
 * {@link org.mianzheng.tck.SigningProviderCompatibilityKit} signing providers, and one {@code *StoreContractKit} per store
 * SPI checks a storage implementation (the kits depend on the API and JUnit/AssertJ only, so they fit any storage
 * technology):
 * <pre>{@code
 * class MyAuditStoreTest extends AuditStoreContractKit {
 *     @Override protected AuditStore newStore() { return new MyAuditStore(freshDatabase()); }
 * }
 * }</pre>
 */
package org.mianzheng.tck;
