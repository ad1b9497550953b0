/**
 * Contract test kits (Micrometer {@code HttpSenderCompatibilityKit} style): an adapter's test extends a kit, supplies
 * the implementation under test and a fixture describing what the backend holds, and inherits every contract test.
 * {@link org.mianzheng.tck.LicenseSourceCompatibilityKit} checks {@link org.mianzheng.api.spi.LicenseSource}s.
 */
package org.mianzheng.tck;
